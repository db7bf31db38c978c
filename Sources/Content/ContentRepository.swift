import Foundation

/// One Markdown prose unit of a locale ("consent/risks").
public struct ProseUnit: Sendable, Equatable {
    /// Path below the locale folder without ".md": "consent/risks".
    public var id: String
    /// Path relative to the repository root: "locales/it/consent/risks.md".
    public var path: String
    /// The unit's Markdown (line ends normalised to LF, byte-order mark and front matter dropped).
    public var text: String
    /// For a translation: the source hash recorded in its front matter (`source-hash:`), i.e. the
    /// version of the Italian unit it was translated from. nil for source units and when absent.
    public var sourceHash: String?
    /// Line number (1-based) in the file where `text` starts (after the front matter).
    public var firstLine: Int
    /// For a translation: the Italian segments it was translated from, as recorded in
    /// `locales/<tag>/.source/<id>.md` (see `TranslationRecord`); nil when there is no record.
    public var record: String?

    public init(id: String, path: String, text: String, sourceHash: String? = nil, firstLine: Int = 1, record: String? = nil) {
        self.id = id
        self.path = path
        self.text = text
        self.sourceHash = sourceHash
        self.firstLine = firstLine
        self.record = record
    }

    /// Splits a file into its optional front matter (`---` … `---` with `key: value` lines) and body.
    static func parse(id: String, path: String, file: String) -> ProseUnit {
        guard file.hasPrefix("---\n"),
              let close = file.range(of: "\n---\n", range: file.index(file.startIndex, offsetBy: 3)..<file.endIndex) else {
            return ProseUnit(id: id, path: path, text: file)
        }
        let header = file[file.index(file.startIndex, offsetBy: 4)..<close.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        var hash: String?
        for line in header {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "source-hash" { hash = parts[1] }
        }
        // The body starts after the closing "---" line; its first line number follows the header's.
        return ProseUnit(id: id, path: path, text: String(file[close.upperBound...]), sourceHash: hash,
                         firstLine: header.count + 3)
    }
}

/// Everything one locale folder holds.
public struct LocaleContent: Sendable {
    public var tag: String
    public var direction: LocaleDirection
    /// strings.po and codes.po merged, strings.po's entries first (then any other *.po, by name).
    public var strings: POCatalog
    /// Each catalog file's own header, by path ("locales/de/strings.po"), in reading order.
    public var catalogHeaders: [(path: String, header: [String: String])] = []
    /// Prose units by id.
    public var prose: [String: ProseUnit]
    /// The approval record of the Italian source (`locales/it/approval.json`), the same for every
    /// locale: a translation is only as approved as the text it was made from.
    public var approval: ContentApproval
    /// For a translation: the day it was last revised (`PO-Revision-Date` of its strings.po,
    /// `YYYY-MM-DD`); nil for the source and when absent.
    public var translationDate: String?

    public init(tag: String, direction: LocaleDirection, strings: POCatalog, prose: [String: ProseUnit],
                approval: ContentApproval = .none, translationDate: String? = nil) {
        self.tag = tag
        self.direction = direction
        self.strings = strings
        self.prose = prose
        self.approval = approval
        self.translationDate = translationDate
    }

    /// The text for a msgctxt key: msgstr (msgstr[0] for a plural entry), or msgid when msgstr is
    /// empty (untranslated); nil when the catalog has no such key.
    public func string(_ key: String) -> String? {
        guard let entry = strings.entry(context: key) else { return nil }
        if let first = entry.strings.first, !first.isEmpty { return first }
        return entry.id
    }
}

/// Problems with the content folder itself (PO syntax errors are `POSyntaxError`).
public enum ContentError: Error, CustomStringConvertible, Equatable {
    case missingDirectory(path: String)
    case missingSourceLocale(tag: String)
    case badLocaleFolder(path: String)
    case duplicateLocale(path: String, other: String)
    case unreadable(path: String, reason: String)
    case duplicateKey(key: String, path: String, line: Int, firstPath: String, firstLine: Int)

    public var description: String {
        switch self {
        case .missingDirectory(let path): "\(path): folder not found"
        case .missingSourceLocale(let tag): "locales/\(tag): the source locale is missing"
        case .badLocaleFolder(let path): "\(path): folder name is not a BCP 47 language tag"
        case .duplicateLocale(let path, let other): "\(path): same tag as \(other) (tags are case-insensitive)"
        case .unreadable(let path, let reason): "\(path): cannot be read: \(reason)"
        case .duplicateKey(let key, let path, let line, let firstPath, let firstLine):
            "\(path):\(line): msgctxt \"\(key)\" is already defined at \(firstPath):\(firstLine)"
        }
    }
}

/// The `locales/` tree. Immutable content, so it can be shared freely.
///
/// Read whole at init (`ContentRepository(root:)`), or lazily (`lazy: true`): then init lists
/// the locale folders and reads only the source locale, and every other locale is read the
/// first time it is asked for (`load(_:)`, `locale(_:)`, `preload(_:)`), once.
public struct ContentRepository: Sendable {
    /// The locale the content is written in and every translation is made from.
    public let sourceTag: String
    private let store: LocaleStore
    private let tagsByLowercase: [String: String]

    /// Reads every locale folder under `root/locales/` (or, with `lazy`, only the source
    /// locale). Throws `ContentError` or `POSyntaxError`.
    public init(root: URL, lazy: Bool = false) throws {
        sourceTag = "it"
        let files = FileManager.default
        let localesURL = root.appendingPathComponent("locales", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: localesURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ContentError.missingDirectory(path: "locales")
        }
        var tagsByLowercase: [String: String] = [:]
        for (name, isFolder) in try Self.listing(localesURL, relative: "locales") where isFolder {
            let relative = "locales/\(name)"
            guard LanguageTag.isWellFormed(name) else { throw ContentError.badLocaleFolder(path: relative) }
            if let other = tagsByLowercase[name.lowercased()] {
                throw ContentError.duplicateLocale(path: relative, other: "locales/\(other)")
            }
            tagsByLowercase[name.lowercased()] = name
        }
        guard tagsByLowercase[sourceTag] != nil else { throw ContentError.missingSourceLocale(tag: sourceTag) }
        // The Italian approval record stands for every locale; a missing file is a draft.
        let approvalURL = localesURL.appendingPathComponent(sourceTag).appendingPathComponent(ContentApproval.fileName)
        let approvalPath = "locales/\(sourceTag)/\(ContentApproval.fileName)"
        let approval = files.fileExists(atPath: approvalURL.path)
            ? try ContentApproval.parse(try Self.readData(approvalURL, path: approvalPath), path: approvalPath) : .none
        self.tagsByLowercase = tagsByLowercase
        store = LocaleStore(root: localesURL, sourceTag: sourceTag, approval: approval)
        if lazy {
            _ = try store.load(sourceTag)
        } else {
            for tag in tagsByLowercase.values.sorted() { _ = try store.load(tag) }
        }
    }

    /// Tags of all locale folders, sorted.
    public var localeTags: [String] { tagsByLowercase.values.sorted() }

    /// The locale stored under exactly this tag (case-insensitive), reading it on first use;
    /// nil when there is none or it cannot be read (`load(_:)` says why).
    public func locale(_ tag: String) -> LocaleContent? {
        try? load(tag)
    }

    /// The locale stored under exactly this tag (case-insensitive), reading it on first use;
    /// nil when there is no such folder. Throws `ContentError` or `POSyntaxError`.
    public func load(_ tag: String) throws -> LocaleContent? {
        guard let stored = tagsByLowercase[tag.lowercased()] else { return nil }
        return try store.load(stored)
    }

    /// Reads these locales now (a service preloads the languages it serves).
    public func preload(_ tags: [String]) throws {
        for tag in tags { _ = try load(tag) }
    }

    /// The stored tag for a requested BCP 47 tag, by RFC 4647 lookup: "fr-CH" → "fr-CH" if stored,
    /// else "fr"; "de-AT" → "de". Case-insensitive. Never falls back to another language:
    /// nil when the requested language has no locale (the caller decides what to do then).
    public func resolve(_ requested: String) -> String? {
        for candidate in LanguageTag.fallbackChain(requested) {
            if let tag = tagsByLowercase[candidate] { return tag }
        }
        return nil
    }

    /// Locales read so far, each once; reading is serialised by `lock`.
    /// `@unchecked Sendable`: `loaded` is only touched under `lock`.
    private final class LocaleStore: @unchecked Sendable {
        let root: URL
        let sourceTag: String
        let approval: ContentApproval
        private let lock = NSLock()
        private var loaded: [String: LocaleContent] = [:]

        init(root: URL, sourceTag: String, approval: ContentApproval) {
            self.root = root
            self.sourceTag = sourceTag
            self.approval = approval
        }

        func load(_ tag: String) throws -> LocaleContent {
            lock.lock(); defer { lock.unlock() }
            if let locale = loaded[tag] { return locale }
            var locale = try ContentRepository.readLocale(tag: tag, url: root.appendingPathComponent(tag), relative: "locales/\(tag)")
            locale.approval = approval
            if tag != sourceTag, let revised = locale.strings.header["PO-Revision-Date"] {
                let day = String(revised.prefix(10))
                if ContentApproval.isISODate(day) { locale.translationDate = day }
            }
            loaded[tag] = locale
            return locale
        }
    }

    // MARK: Reading

    fileprivate static func readLocale(tag: String, url: URL, relative: String) throws -> LocaleContent {
        var poFiles: [String] = []
        var prose: [String: ProseUnit] = [:]
        try collect(url, relative: "", into: &poFiles, prose: &prose, localeRelative: relative, localeRoot: url.path)

        // strings.po first, then codes.po, then any other catalog by name.
        let rank = ["strings.po": 0, "codes.po": 1]
        poFiles.sort { (rank[$0] ?? 2, $0) < (rank[$1] ?? 2, $1) }

        var merged = POCatalog()
        var entries: [POEntry] = []
        var seen: [String: (path: String, line: Int)] = [:]
        var headers: [(path: String, header: [String: String])] = []
        for name in poFiles {
            let path = "\(relative)/\(name)"
            let catalog = try POCatalog.parse(try readText(url.appendingPathComponent(name), path: path), file: path)
            headers.append((path, catalog.header))
            merged.header.merge(catalog.header) { first, _ in first }
            for var entry in catalog.entries {
                entry.file = path
                // msgctxt is the lookup key here, so it must be unique across the locale's
                // catalogs (gettext itself only requires msgctxt + msgid to be unique).
                if let key = entry.context {
                    if let first = seen[key] {
                        throw ContentError.duplicateKey(key: key, path: path, line: entry.line,
                                                        firstPath: first.path, firstLine: first.line)
                    }
                    seen[key] = (path, entry.line)
                }
                entries.append(entry)
            }
        }
        merged.entries = entries
        var content = LocaleContent(tag: tag, direction: LanguageTag.direction(tag), strings: merged, prose: prose)
        content.catalogHeaders = headers
        return content
    }

    /// Walks a locale folder: PO files at its top level, Markdown files at any depth.
    private static func collect(_ url: URL, relative: String, into poFiles: inout [String],
                                prose: inout [String: ProseUnit], localeRelative: String, localeRoot: String) throws {
        for (name, isFolder) in try listing(url, relative: relative.isEmpty ? localeRelative : "\(localeRelative)/\(relative)") {
            let inner = relative.isEmpty ? name : "\(relative)/\(name)"
            if isFolder {
                try collect(url.appendingPathComponent(name), relative: inner, into: &poFiles,
                            prose: &prose, localeRelative: localeRelative, localeRoot: localeRoot)
            } else if name.hasSuffix(".md") {
                let path = "\(localeRelative)/\(inner)"
                var text = try readText(url.appendingPathComponent(name), path: path)
                if text.utf8.contains(0x0D) { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
                let id = String(inner.dropLast(3))
                var unit = ProseUnit.parse(id: id, path: path, file: text)
                let record = URL(fileURLWithPath: localeRoot).appendingPathComponent(TranslationRecord.folder)
                    .appendingPathComponent(inner)
                if FileManager.default.fileExists(atPath: record.path) {
                    unit.record = try readText(record, path: "\(localeRelative)/\(TranslationRecord.folder)/\(inner)")
                }
                prose[id] = unit
            } else if name.hasSuffix(".po"), relative.isEmpty {
                poFiles.append(name)
            }
        }
    }

    /// Visible entries of a folder, sorted by name, with whether each is a folder.
    private static func listing(_ url: URL, relative: String) throws -> [(String, Bool)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw ContentError.unreadable(path: relative, reason: error.localizedDescription)
        }
        return names.filter { !$0.hasPrefix(".") }.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
            return (name, isDirectory.boolValue)
        }
    }

    private static func readData(_ url: URL, path: String) throws -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw ContentError.unreadable(path: path, reason: error.localizedDescription)
        }
    }

    private static func readText(_ url: URL, path: String) throws -> String {
        let data = try readData(url, path: path)
        guard var text = String(data: data, encoding: .utf8) else {
            throw ContentError.unreadable(path: path, reason: "not UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}
