import Content
import Foundation

/// The version printed on every document: the source catalog's declared version
/// (`Project-Id-Version` of locales/it/strings.po) plus a digest of what the document
/// is made of — the templates, the Italian source and, for a translation, that
/// locale's catalog and prose — so a change of wording changes the version of exactly
/// the documents it reaches. Computed from the content already in memory (no second
/// reading of the files).
enum ContentVersion {
    static func compute(_ tag: String, templates: [String: String], repository: ContentRepository) -> String {
        let source = repository.locale(repository.sourceTag)
        let declared = source?.strings.header["Project-Id-Version"]?
            .split(separator: " ").last.map(String.init) ?? "0"
        var base = Digest.fnv1a64("")
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            base = Digest.fnv1a64(Array("template \(name)\n\(text)\n".utf8), seed: base)
        }
        if let source { base = digest(source, seed: base) }
        let d = tag == repository.sourceTag ? base : repository.locale(tag).map { digest($0, seed: base) } ?? base
        return "\(declared)-\(String(String(d, radix: 16).suffix(6)))"
    }

    private static func digest(_ locale: LocaleContent, seed: UInt64) -> UInt64 {
        var d = seed
        for (id, unit) in locale.prose.sorted(by: { $0.key < $1.key }) {
            d = Digest.fnv1a64(Array("prose \(id)\n\(unit.text)\n".utf8), seed: d)
        }
        for entry in locale.strings.entries {
            let line = [entry.context ?? "", entry.id, entry.idPlural ?? ""] + entry.strings + entry.flags
            d = Digest.fnv1a64(Array(("entry " + line.joined(separator: "\u{1}") + "\n").utf8), seed: d)
        }
        return d
    }
}
