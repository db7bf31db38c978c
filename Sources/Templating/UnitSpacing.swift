/// A number and its unit stay on one line: the space between them becomes a no-break
/// space (U+00A0) — `11 G`, `7,5 mL`, `2–3 mm`, `{value} mL`. Applied to the content
/// (catalog strings before their placeholders are filled, prose units), never to plan
/// values, which are inserted afterwards and keep their own spaces.
public enum UnitSpacing {
    /// Unit symbols that follow a number in the content (SI and clinical).
    static let units: Set<String> = ["G", "mL", "ml", "L", "mm", "cm", "m", "mSv", "µSv", "mGy", "Gy", "mg", "kg", "g",
                                     "h", "min", "%", "°C", "°", "kV", "mA", "s"]

    /// `text` with every space between a number (or a `{placeholder}`) and a unit symbol made unbreakable.
    public static func apply(_ text: String) -> String {
        guard text.contains(" ") else { return text }
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for (i, ch) in chars.enumerated() {
            guard ch == " ", i > 0, i + 1 < chars.count, chars[i - 1].isNumber || chars[i - 1] == "}" else {
                out.append(ch); continue
            }
            // The token after the space, up to the next character that is not a letter, `°` or `%`.
            var j = i + 1
            var token = ""
            while j < chars.count, chars[j].isLetter || chars[j] == "°" || chars[j] == "%" { token.append(chars[j]); j += 1 }
            out.append(units.contains(token) ? "\u{00A0}" : " ")
        }
        return out
    }
}
