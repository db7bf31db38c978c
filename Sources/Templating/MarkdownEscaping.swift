import Mustache

/// Escapes a value from the plan so that CommonMark reads it as literal text.
///
/// Every ASCII punctuation character is backslash-escaped (CommonMark §2.4 allows
/// escaping any of them), so `*`, `_`, `<`, `[`, `|`, `#`, `{` and friends can
/// never start emphasis, HTML, links, table cells or headings. Line breaks and
/// other control characters become spaces: a value always stays on its line.
public enum MarkdownEscaper {
    public static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count + 8)
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E:
                out.unicodeScalars.append("\\")
                out.unicodeScalars.append(scalar)
            case 0x00...0x1F, 0x7F, 0x85, 0x2028, 0x2029:
                out.unicodeScalars.append(" ")
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
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
