import Content
import Foundation

/// The version printed on every document: the source catalog's declared version
/// (`Project-Id-Version` of locales/it/strings.po) plus a digest of the templates,
/// the Italian source and, for a translation, that locale's files — so a change of
/// wording changes the version of exactly the documents it reaches.
enum ContentVersion {
    static func compute(resources: URL, repository: ContentRepository) -> [String: String] {
        let declared = repository.locale(repository.sourceTag)?.strings.header["Project-Id-Version"]?
            .split(separator: " ").last.map(String.init) ?? "0"
        let base = digest(of: ["templates", "locales/\(repository.sourceTag)"], resources: resources, seed: Digest.fnv1a64(""))
        var versions: [String: String] = [:]
        for tag in repository.localeTags {
            let d = tag == repository.sourceTag ? base : digest(of: ["locales/\(tag)"], resources: resources, seed: base)
            versions[tag] = "\(declared)-\(String(String(d, radix: 16).suffix(6)))"
        }
        return versions
    }

    private static func digest(of folders: [String], resources: URL, seed: UInt64) -> UInt64 {
        var digest = seed
        for dir in folders {
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
        return digest
    }
}
