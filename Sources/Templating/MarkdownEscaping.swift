import Mustache

/// Escapes a value from the plan so that CommonMark reads it as literal text.
///
/// Every ASCII punctuation character is backslash-escaped (CommonMark §2.4 allows
/// escaping any of them), so `*`, `_`, `<`, `[`, `|`, `#`, `{` and friends can
/// never start emphasis, HTML, links, table cells or headings. Line breaks and
/// other control characters become spaces: a value always stays on its line.
public enum MarkdownEscaper {
    public static func escape(_ value: String) -> String {
        var value = value
        return value.withUTF8(escape(utf8:))
    }

    /// ``escape(_:)`` over the UTF-8 bytes: what it changes is ASCII, U+0085 (C2 85) and
    /// U+2028/U+2029 (E2 80 A8/A9), whole scalars of valid UTF-8, so the bytes can be
    /// rewritten as they come. (By Unicode scalars this took 14,000 instructions a value,
    /// and every catalog string and plan value in a document is one: 2 M a consent.)
    static func escape(utf8 input: UnsafeBufferPointer<UInt8>) -> String {
        // Each byte becomes at most two (a backslash and the punctuation character).
        String(unsafeUninitializedCapacity: input.count * 2 + 1) { out in
            var written = 0, index = 0
            while index < input.count {
                let byte = input[index]
                switch byte {
                case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E:
                    out[written] = 0x5C
                    out[written + 1] = byte
                    written += 2
                    index += 1
                case 0x00...0x1F, 0x7F:
                    out[written] = 0x20
                    written += 1
                    index += 1
                case 0xC2 where index + 1 < input.count && input[index + 1] == 0x85:
                    out[written] = 0x20
                    written += 1
                    index += 2
                case 0xE2 where index + 2 < input.count && input[index + 1] == 0x80
                    && (input[index + 2] == 0xA8 || input[index + 2] == 0xA9):
                    out[written] = 0x20
                    written += 1
                    index += 3
                default:
                    out[written] = byte
                    written += 1
                    index += 1
                }
            }
            return written
        }
    }

    /// `text` without Unicode whitespace (CommonMark §2.1: Zs, tab, line feed, form feed,
    /// carriage return) at its ends.
    static func trimmingSpaces(_ text: String) -> String {
        func isSpace(_ u: Unicode.Scalar) -> Bool {
            u.properties.generalCategory == .spaceSeparator || u == "\t" || u == "\n" || u == "\u{0C}" || u == "\r"
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}

/// The Mustache content type of every template and prose unit:
/// `{{% CONTENT_TYPE: MARKDOWN}}` makes `{{value}}` CommonMark-escaped.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownEscaper.escape(text) }
}
