import Content
import Foundation

/// The version printed on every document: the source catalog's declared version
/// (`Project-Id-Version` of locales/it/strings.po) plus a digest of every
/// template and locale file, so any change of wording changes the version.
enum ContentVersion {
    static func compute(resources: URL, repository: ContentRepository) -> String {
        let declared = repository.locale(repository.sourceTag)?.strings.header["Project-Id-Version"]?
            .split(separator: " ").last.map(String.init) ?? "0"
        var digest = Digest.fnv1a64("")
        for dir in ["templates", "locales"] {
            let base = resources.appendingPathComponent(dir)
            let files = (FileManager.default.enumerator(atPath: base.path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".md") || $0.hasSuffix(".po") || $0.hasSuffix(".mustache") }
                .sorted()
            for file in files {
                digest = Digest.fnv1a64(Array("\(dir)/\(file)\n".utf8), seed: digest)
                if let data = FileManager.default.contents(atPath: base.appendingPathComponent(file).path) {
                    digest = Digest.fnv1a64(data, seed: digest)
                }
            }
        }
        return "\(declared)-\(String(String(digest, radix: 16).suffix(6)))"
    }
}
