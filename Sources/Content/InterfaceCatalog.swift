import Foundation

/// The staff pages' strings (`locales/<tag>/interface/staff.po`): gettext catalogs like the
/// documents' own, translated with the same tools (Poedit, Weblate, msgmerge against
/// `locales/staff.pot`, `osteodoc locales status`), but kept apart from the document catalogs so
/// that a page label never changes a document's content version and a language can be printed
/// before its staff pages are translated. Italian is the source; a missing, empty, fuzzy or
/// stale string shows the Italian.
public struct InterfaceCatalog: Sendable {
    /// The catalog's path below a language folder.
    public static let relativePath = "interface/staff.po"
    /// The template's path below `locales/`.
    public static let templateName = "staff.pot"

    public let tag: String
    public let catalog: POCatalog
    /// Key (msgctxt) → shown text: the translation where it is current, else the Italian.
    public let strings: [String: String]

    /// Every language folder under `locales` that has a staff catalog, Italian first.
    public static func load(locales: URL, sourceTag: String = "it") throws -> [InterfaceCatalog] {
        let tags = try FileManager.default.contentsOfDirectory(atPath: locales.path).filter { tag in
            FileManager.default.fileExists(atPath: locales.appendingPathComponent(tag).appendingPathComponent(relativePath).path)
        }.sorted { ($0 == sourceTag ? 0 : 1, $0) < ($1 == sourceTag ? 0 : 1, $1) }
        guard tags.first == sourceTag else { throw ContentError.unreadable(path: "locales/\(sourceTag)/\(relativePath)", reason: "the Italian staff catalog is missing") }
        let source = try parse(locales, sourceTag)
        return try tags.map { tag in
            tag == sourceTag ? InterfaceCatalog(tag: tag, catalog: source, source: source)
                : InterfaceCatalog(tag: tag, catalog: try parse(locales, tag), source: source)
        }
    }

    private static func parse(_ locales: URL, _ tag: String) throws -> POCatalog {
        let url = locales.appendingPathComponent(tag).appendingPathComponent(relativePath)
        let path = "locales/\(tag)/\(relativePath)"
        guard let data = FileManager.default.contents(atPath: url.path) else { throw ContentError.unreadable(path: path, reason: "no such file") }
        return try POCatalog.parse(String(decoding: data, as: UTF8.self), file: path)
    }

    init(tag: String, catalog: POCatalog, source: POCatalog) {
        self.tag = tag
        self.catalog = catalog
        var strings: [String: String] = [:]
        for entry in source.entries {
            guard let key = entry.context else { continue }
            strings[key] = entry.strings.first ?? entry.id
            if let t = catalog.entry(context: key), Self.isCurrent(t, source: entry) { strings[key] = t.strings.first }
        }
        self.strings = strings
    }

    /// A translation counts when it has text, is not fuzzy and was made from the current Italian.
    static func isCurrent(_ t: POEntry, source: POEntry) -> Bool {
        t.id == source.id && !t.isFuzzy && !(t.strings.first ?? "").isEmpty
    }

    /// Where this language stands against the Italian, one unit per string (for `locales status`).
    public func status(against source: InterfaceCatalog) -> LocaleStatus {
        let units = source.catalog.entries.compactMap { entry -> UnitStatus? in
            guard let key = entry.context else { return nil }
            let words = ContentRepository.wordCount(entry.id)
            guard let t = catalog.entry(context: key), !(t.strings.first ?? "").isEmpty else {
                return UnitStatus(kind: .string, id: "\(Self.relativePath):\(key)", state: .missing, sourceWords: words, words: 0)
            }
            let state: UnitState = Self.isCurrent(t, source: entry) ? .complete : .stale
            return UnitStatus(kind: .string, id: "\(Self.relativePath):\(key)", state: state, sourceWords: words,
                              words: ContentRepository.wordCount(t.strings.first ?? ""))
        }
        return LocaleStatus(tag: tag, units: units)
    }

    /// The gettext template (`locales/staff.pot`) made from the Italian catalog.
    public var template: String {
        POTemplate.text(catalog.entries, header: catalog.header, from: "locales/\(tag)/\(Self.relativePath)")
    }

    /// Placeholders (`{name}`) that the translation of `key` lost or added, for `locales check`.
    public func placeholderProblems(against source: InterfaceCatalog) -> [String] {
        source.catalog.entries.compactMap { entry in
            guard let key = entry.context, let t = catalog.entry(context: key), Self.isCurrent(t, source: entry) else { return nil }
            let want = Self.placeholders(entry.id), have = Self.placeholders(t.strings.first ?? "")
            return want == have ? nil : "\(t.file.isEmpty ? "locales/\(tag)/\(Self.relativePath)" : t.file):\(t.line): \(key): placeholders \(have.sorted()) instead of \(want.sorted())"
        }
    }

    static func placeholders(_ text: String) -> Set<String> {
        var found: Set<String> = []
        var current: String?
        for c in text {
            if c == "{" { current = "" } else if c == "}", let name = current { found.insert(name); current = nil } else { current?.append(c) }
        }
        return found
    }
}
