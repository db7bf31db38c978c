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
        guard text.utf8.contains(0x20) else { return text }
        // Unicode scalars, not Characters: grapheme breaking cost a twentieth of a cold
        // run. The same decisions as by Characters: the base before the space is a digit
        // (or `}`), combining marks after it skipped; the token after it is letters, `°`
        // and `%`, and a token with a combining mark is no unit symbol.
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count)
        func isLetter(_ u: Unicode.Scalar) -> Bool {
            switch u.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: return false
            }
        }
        func isMark(_ u: Unicode.Scalar) -> Bool {
            switch u.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
        for (i, u) in scalars.enumerated() {
            guard u == " ", i > 0, i + 1 < scalars.count else { out.append(u); continue }
            var base = i - 1
            while base > 0, isMark(scalars[base]) { base -= 1 }
            guard scalars[base].properties.numericType != nil || scalars[base] == "}" else { out.append(u); continue }
            var j = i + 1
            var token = String.UnicodeScalarView()
            while j < scalars.count, isLetter(scalars[j]) || scalars[j] == "°" || scalars[j] == "%" { token.append(scalars[j]); j += 1 }
            let marked = j < scalars.count && isMark(scalars[j])
            out.append(!marked && units.contains(String(token)) ? "\u{00A0}" : " ")
        }
        return String(out)
    }
}
