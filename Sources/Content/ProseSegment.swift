/// One translatable segment of a Markdown prose unit: a heading, a paragraph, a list item or a
/// table row — the pieces md2po (mdpo) makes into PO entries.
///
/// Segmentation works on lines: blocks are separated by blank lines; inside a block a heading
/// line (`#`…), a table row (`|`…) and each list item (`- `, `* `, `+ `, `1. `, with the lines that
/// follow it up to the next item) are segments of their own, and the other lines form a paragraph.
/// Template tags on lines of their own (`{{#is.sedation}}`) belong to the segment they stand in,
/// as md2po would keep them in its paragraph's msgid.
///
/// Identity: `hash` is the first 16 hex digits of the SHA-256 of the UTF-8 of `normalized`, the
/// segment's text with every run of white space (spaces, tabs, line breaks) turned into one
/// space and none at either end. Re-wrapping a paragraph therefore changes nothing, one changed
/// word changes its segment only. Reproducible with coreutils:
///
///     printf '%s' "$SEGMENT" | tr -s ' \t\n' ' ' | sed 's/^ //; s/ $//' | tr -d '\n' | sha256sum | cut -c1-16
public struct ProseSegment: Sendable, Equatable {
    /// The segment as written (its lines, joined by "\n").
    public var text: String
    /// 1-based line of the segment's first line within the unit's text.
    public var line: Int

    public var normalized: String { Self.normalize(text) }
    public var hash: String { Self.hash(text) }

    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }

    public static func normalize(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    public static func hash(_ text: String) -> String { String(SHA256.hex(normalize(text).utf8).prefix(16)) }

    /// The segments of a Markdown text, in order.
    public static func segments(_ markdown: String) -> [ProseSegment] {
        var result: [ProseSegment] = []
        var current: [Substring] = []
        var start = 0
        func flush() {
            if !current.isEmpty { result.append(ProseSegment(text: current.joined(separator: "\n"), line: start)) }
            current = []
        }
        for (index, raw) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.last == " " || raw.last == "\t" ? Substring(raw.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()) : raw
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty { flush(); continue }
            let isHeading = trimmed.hasPrefix("#")
            let isRow = trimmed.hasPrefix("|")
            let isItem = isListMarker(trimmed)
            // A line on its own (heading, row), or the start of an item, closes what came before;
            // a paragraph line after an item continues the item (a lazy continuation line).
            if isHeading || isRow || isItem { flush() }
            if current.isEmpty { start = index + 1 }
            current.append(line)
            if isHeading || isRow { flush() }
        }
        flush()
        return result
    }

    static func isListMarker(_ line: Substring) -> Bool {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") { return true }
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 9 else { return false }
        let rest = line.dropFirst(digits.count)
        return rest.hasPrefix(". ") || rest.hasPrefix(") ")
    }
}
