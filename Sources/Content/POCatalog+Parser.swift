// A hand-written PO parser: no gettext/PO library for Swift exists among this project's
// dependencies (and Foundation has none on Linux), so the format is read here, line by line.
//
// Supported (GNU gettext manual §3, "The Format of PO Files"):
//   #  translator comment      #. extracted comment      #| previous msgid (kept as comments)
//   #: references              #, flags                  #~ obsolete entry (skipped)
//   msgctxt, msgid, msgid_plural, msgstr, msgstr[N]; strings continued on following lines;
//   escapes \n \t \r \" \\ ; the header entry (msgid "" without msgctxt, first in the file).
// Anything else is a `POSyntaxError` naming the file and the 1-based line.

extension POCatalog {
    /// Parses the text of one PO file. `file` is only used in error messages.
    public static func parse(_ text: String, file: String) throws -> POCatalog {
        var parser = POParser(file: file)
        for (offset, line) in splitLines(text).enumerated() {
            try parser.consume(line, number: offset + 1)
        }
        return try parser.finish()
    }

    /// Splits on LF only (so CR LF counts as one line break); drops a leading byte-order mark.
    static func splitLines(_ text: String) -> [Substring] {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        return scalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            if line.unicodeScalars.last == "\r" { line.unicodeScalars.removeLast() }
            return line
        }
    }
}

/// The parser's state: the entries so far and the one being read.
private struct POParser {
    /// Which string a continuation line (`"…"`) extends.
    enum Field { case context, id, idPlural, string(Int) }

    struct Key: Hashable { var context: String?; var id: String }

    let file: String
    var header: [String: String] = [:]
    var sawHeader = false
    var entries: [POEntry] = []
    var firstLine: [Key: Int] = [:]

    // The entry being read.
    var comments: [String] = []
    var flags: [String] = []
    var references: [String] = []
    var context: String?
    var id: String?
    var idPlural: String?
    var strings: [String] = []
    var keywordLine: Int?
    var idLine = 0
    var stringLine = 0
    var field: Field?

    init(file: String) { self.file = file }

    private func error(_ line: Int, _ message: String) -> POSyntaxError {
        POSyntaxError(file: file, line: line, message: message)
    }

    /// The current entry has all it needs (msgid and at least one msgstr).
    private var isComplete: Bool { !strings.isEmpty }
    /// The current entry has started (a keyword was read) but has no msgstr yet.
    private var isOpen: Bool { keywordLine != nil && strings.isEmpty }

    mutating func consume(_ raw: Substring, number: Int) throws {
        let line = raw.trimmingWhiteSpace()
        if line.isEmpty { return }

        if line.hasPrefix("#") {
            if isOpen {
                throw error(number, "comment inside an entry: a comment may not stand between msgctxt/msgid and msgstr")
            }
            if isComplete { try closeEntry() }
            if line.hasPrefix("#~") { return }  // obsolete entry: not part of the catalog
            if line.hasPrefix("#,") {
                flags += line.dropFirst(2).split(separator: ",").map { String($0.trimmingWhiteSpace()) }.filter { !$0.isEmpty }
            } else if line.hasPrefix("#:") {
                references += line.dropFirst(2).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            } else {
                comments.append(String(line))
            }
            return
        }

        if line.hasPrefix("\"") {
            guard let field else { throw error(number, "string without a keyword before it") }
            let value = try parseString(line, line: number)
            switch field {
            case .context: context = (context ?? "") + value
            case .id: id = (id ?? "") + value
            case .idPlural: idPlural = (idPlural ?? "") + value
            case .string(let i): strings[i] += value
            }
            return
        }

        let keyword = line.prefix { $0 != " " && $0 != "\t" && $0 != "\"" }
        let rest = line.dropFirst(keyword.count).trimmingWhiteSpace()
        switch keyword {
        case "msgctxt":
            if isComplete { try closeEntry() }
            if id != nil { throw error(number, "msgctxt must come before msgid") }
            if context != nil { throw error(number, "second msgctxt in one entry") }
            context = try parseKeywordString(rest, keyword: keyword, line: number)
            keywordLine = keywordLine ?? number
            field = .context
        case "msgid":
            if isComplete { try closeEntry() }
            if id != nil { throw error(idLine, "msgid without msgstr") }
            id = try parseKeywordString(rest, keyword: keyword, line: number)
            keywordLine = keywordLine ?? number
            idLine = number
            field = .id
        case "msgid_plural":
            guard id != nil else { throw error(number, "msgid_plural without msgid before it") }
            if isComplete { throw error(number, "msgid_plural must come before msgstr") }
            if idPlural != nil { throw error(number, "second msgid_plural in one entry") }
            idPlural = try parseKeywordString(rest, keyword: keyword, line: number)
            field = .idPlural
        case "msgstr":
            guard id != nil else { throw error(number, "msgstr without msgid") }
            if idPlural != nil { throw error(number, "an entry with msgid_plural needs msgstr[0], msgstr[1], … instead of msgstr") }
            if isComplete { throw error(number, "second msgstr in one entry") }
            strings.append(try parseKeywordString(rest, keyword: keyword, line: number))
            stringLine = number
            field = .string(0)
        default:
            guard keyword.hasPrefix("msgstr[") else {
                throw error(number, "unknown keyword '\(keyword)'")
            }
            guard keyword.hasSuffix("]"), let n = Int(keyword.dropFirst(7).dropLast()), n >= 0 else {
                throw error(number, "bad plural index in '\(keyword)'")
            }
            guard id != nil else { throw error(number, "msgstr without msgid") }
            guard idPlural != nil else { throw error(number, "msgstr[\(n)] without msgid_plural") }
            guard n == strings.count else {
                throw error(number, "msgstr[\(n)] out of order: expected msgstr[\(strings.count)]")
            }
            strings.append(try parseKeywordString(rest, keyword: keyword, line: number))
            if n == 0 { stringLine = number }
            field = .string(n)
        }
    }

    mutating func finish() throws -> POCatalog {
        if keywordLine != nil {
            if id == nil, let keywordLine { throw error(keywordLine, "msgctxt without msgid") }
            if !isComplete { throw error(idLine, "msgid without msgstr") }
            try closeEntry()
        }
        return POCatalog(header: header, entries: entries)
    }

    /// Files the current (complete) entry and starts a new one.
    private mutating func closeEntry() throws {
        guard let keywordLine, let id else { return }
        if id.isEmpty && context == nil {
            if sawHeader || !entries.isEmpty {
                throw error(keywordLine, "header entry (empty msgid) must be the first entry and appear once")
            }
            sawHeader = true
            header = try parseHeader(strings[0], line: stringLine)
        } else {
            let key = Key(context: context, id: id)
            if let first = firstLine[key] {
                let what = context.map { "msgctxt \"\($0)\" and msgid \"\(id)\"" } ?? "msgid \"\(id)\""
                throw error(keywordLine, "duplicate entry: \(what) already at line \(first)")
            }
            firstLine[key] = keywordLine
            entries.append(POEntry(context: context, id: id, idPlural: idPlural, strings: strings,
                                   flags: flags, comments: comments, references: references, line: keywordLine))
        }
        comments = []; flags = []; references = []
        context = nil; self.id = nil; idPlural = nil; strings = []
        self.keywordLine = nil; field = nil
    }

    private func parseHeader(_ text: String, line: Int) throws -> [String: String] {
        var header: [String: String] = [:]
        for item in text.split(separator: "\n") where !item.trimmingWhiteSpace().isEmpty {
            guard let colon = item.firstIndex(of: ":") else {
                throw error(line, "header line without ':': \"\(item)\"")
            }
            let key = String(item[..<colon].trimmingWhiteSpace())
            header[key] = String(item[item.index(after: colon)...].trimmingWhiteSpace())
        }
        return header
    }

    private func parseKeywordString(_ rest: Substring, keyword: Substring, line: Int) throws -> String {
        guard rest.hasPrefix("\"") else { throw error(line, "expected a quoted string after \(keyword)") }
        return try parseString(rest, line: line)
    }

    /// Reads one `"…"` string that must fill the rest of the line. Scans UTF-8 bytes: quotes
    /// and backslashes are ASCII, so they never occur inside a multi-byte character.
    private func parseString(_ text: Substring, line: Int) throws -> String {
        let bytes = text.utf8
        var value: [UInt8] = []
        value.reserveCapacity(bytes.count)
        var i = bytes.index(after: bytes.startIndex)  // past the opening quote
        while i < bytes.endIndex {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                let tail = Substring(text.utf8[bytes.index(after: i)...]).trimmingWhiteSpace()
                guard tail.isEmpty else { throw error(line, "unexpected text after the closing quote: \(tail)") }
                return String(decoding: value, as: UTF8.self)
            }
            if c == UInt8(ascii: "\\") {
                i = bytes.index(after: i)
                guard i < bytes.endIndex else { break }
                switch bytes[i] {
                case UInt8(ascii: "n"): value.append(0x0A)
                case UInt8(ascii: "t"): value.append(0x09)
                case UInt8(ascii: "r"): value.append(0x0D)
                case UInt8(ascii: "\""): value.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): value.append(UInt8(ascii: "\\"))
                default:
                    let bad = Substring(text.utf8[i...]).prefix(1)
                    throw error(line, "bad escape '\\\(bad)' (allowed: \\n \\t \\r \\\" \\\\)")
                }
            } else {
                value.append(c)
            }
            i = bytes.index(after: i)
        }
        throw error(line, "unterminated string: missing closing quote")
    }
}

extension Substring {
    /// Drops spaces and tabs at both ends (scanning UTF-8 bytes: both are ASCII).
    func trimmingWhiteSpace() -> Substring {
        let u = utf8
        var start = u.startIndex, end = u.endIndex
        while start < end, u[start] == 0x20 || u[start] == 0x09 { start = u.index(after: start) }
        while start < end {
            let last = u.index(before: end)
            guard u[last] == 0x20 || u[last] == 0x09 else { break }
            end = last
        }
        return Substring(u[start..<end])
    }
}
