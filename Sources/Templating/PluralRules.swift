/// CLDR plural categories (Unicode TR35, "Language Plural Rules").
public enum PluralCategory: String, Sendable, CaseIterable {
    case zero, one, two, few, many, other
}

/// Plural rules for integer counts, from CLDR's plurals.xml, for the languages
/// osteodoc ships, plus the order in which each language's gettext catalog lists
/// its plural forms (`msgstr[0]`, `msgstr[1]`, …).
///
/// Written out by hand rather than through ICU: osteodoc only counts whole
/// things (needles, days, hours), these rules are a few lines each, and system
/// ICU cannot share a Swift module with Foundation (see NOTES-native.md).
public struct PluralRules: Sendable {
    public let language: String

    public init(language: String) {
        self.language = String(language.split(separator: "-").first ?? "").lowercased()
    }

    /// The CLDR category of a non-negative integer count.
    public func category(_ n: Int) -> PluralCategory {
        let n = abs(n)
        let mod10 = n % 10, mod100 = n % 100
        switch language {
        case "ar":
            if n == 0 { return .zero }
            if n == 1 { return .one }
            if n == 2 { return .two }
            if (3...10).contains(mod100) { return .few }
            if (11...99).contains(mod100) { return .many }
            return .other
        case "uk", "ru":
            if mod10 == 1 && mod100 != 11 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        case "ro":
            if n == 1 { return .one }
            if n == 0 || (2...19).contains(mod100) { return .few }
            return .other
        case "fr":
            if n == 0 || n == 1 { return .one }
            if n != 0 && n % 1_000_000 == 0 { return .many }
            return .other
        default: // it, de, en, sq and most European languages: one for exactly 1
            return n == 1 ? .one : .other
        }
    }

    /// Categories in the order of the catalog's `msgstr[i]` (its Plural-Forms).
    public var catalogOrder: [PluralCategory] {
        switch language {
        case "ar": return [.zero, .one, .two, .few, .many, .other]
        case "uk", "ru": return [.one, .few, .many]
        case "ro": return [.one, .few, .other]
        case "fr": return [.one, .other]  // gettext: nplurals=2; plural=(n > 1); CLDR "many" (10^6) uses the "other" form
        default: return [.one, .other]
        }
    }

    /// Index into `msgstr[]` for a count.
    public func catalogIndex(_ n: Int) -> Int {
        catalogOrder.firstIndex(of: category(n)) ?? catalogOrder.count - 1
    }
}
