// gettext PO catalogs as values.
//
// The format is the one of GNU gettext ("The Format of PO Files", GNU gettext manual §3):
// https://www.gnu.org/software/gettext/manual/html_node/PO-Files.html

/// One entry of a PO catalog (the header entry is kept apart, in `POCatalog.header`).
public struct POEntry: Sendable, Equatable {
    /// `msgctxt`; in this project the lookup key ("site.acetabulum", "consent.title").
    public var context: String?
    /// `msgid`: the source text (Italian in this project).
    public var id: String
    /// `msgid_plural`, when the entry has plural forms.
    public var idPlural: String?
    /// `msgstr` (one element), or `msgstr[0]`…`msgstr[n]` in order for a plural entry.
    public var strings: [String]
    /// Flags from `#,` lines, e.g. `["fuzzy", "c-format"]`.
    public var flags: [String]
    /// Comment lines exactly as written, marker included: `# translator comment`,
    /// `#. extracted comment`, `#| msgid "previous"`.
    public var comments: [String]
    /// Source references from `#:` lines, split at white space (`templates/consent.md:12`).
    public var references: [String]
    /// 1-based line of the entry's first keyword (`msgctxt`, else `msgid`).
    public var line: Int
    /// The catalog file the entry was read from, relative to the repository root (set when a locale is read).
    public var file: String = ""

    public init(context: String? = nil, id: String, idPlural: String? = nil, strings: [String],
                flags: [String] = [], comments: [String] = [], references: [String] = [], line: Int = 0) {
        self.context = context
        self.id = id
        self.idPlural = idPlural
        self.strings = strings
        self.flags = flags
        self.comments = comments
        self.references = references
        self.line = line
    }

    /// True when a `#, fuzzy` flag marks the translation as needing review.
    public var isFuzzy: Bool { flags.contains("fuzzy") }
}

/// A bad line in a PO file.
public struct POSyntaxError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// A parsed PO file, or several merged into one (see `ContentRepository`).
public struct POCatalog: Sendable {
    /// The header entry's `Key: Value` lines (`Language`, `Content-Type`, `Plural-Forms`, …).
    public var header: [String: String]
    /// Entries in file order, header excluded.
    public var entries: [POEntry] {
        didSet { index = Self.contextIndex(entries) }
    }
    /// msgctxt → position of the first entry with that context; rebuilt only when `entries` changes.
    private var index: [String: Int]

    public init(header: [String: String] = [:], entries: [POEntry] = []) {
        self.header = header
        self.entries = entries
        self.index = Self.contextIndex(entries)
    }

    /// The entry whose `msgctxt` is `context` (the first one, should several share it).
    public func entry(context: String) -> POEntry? {
        index[context].map { entries[$0] }
    }

    private static func contextIndex(_ entries: [POEntry]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, entry) in entries.enumerated() {
            if let context = entry.context, index[context] == nil { index[context] = position }
        }
        return index
    }
}
