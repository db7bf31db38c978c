// BCP 47 language tags: fallback lookup and writing direction.

/// Writing direction of a locale's text.
public enum LocaleDirection: String, Sendable {
    case leftToRight = "ltr"
    case rightToLeft = "rtl"
}

enum LanguageTag {
    /// Lower-cased subtags of `tag`; `_` is accepted as a separator too ("fr_CH").
    static func subtags(_ tag: String) -> [String] {
        tag.lowercased()
            .split(whereSeparator: { $0 == "-" || $0 == "_" })
            .map(String.init)
    }

    /// The lookup fallback chain of RFC 4647 §3.4: "zh-Hant-TW" → "zh-hant-tw", "zh-hant", "zh".
    /// Subtags are removed from the end; a singleton left at the end ("x", "u") goes with the
    /// subtag that followed it. The chain never leaves the primary language.
    static func fallbackChain(_ tag: String) -> [String] {
        var parts = subtags(tag)
        guard let first = parts.first, first.allSatisfy(\.isLetter), first.count >= 2 else { return [] }
        var chain: [String] = []
        while !parts.isEmpty {
            chain.append(parts.joined(separator: "-"))
            parts.removeLast()
            while parts.count > 1, parts.last!.count == 1 { parts.removeLast() }
        }
        return chain
    }

    /// Primary languages written right to left (Unicode CLDR `characterOrder`).
    static let rightToLeftLanguages: Set<String> = ["ar", "he", "iw", "fa", "ur", "ps", "sd", "yi", "dv", "ckb", "ug"]
    static let rightToLeftScripts: Set<String> = ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"]

    /// Direction from the script subtag when there is one ("az-Arab", "ku-Latn"), else from the language.
    static func direction(_ tag: String) -> LocaleDirection {
        let parts = subtags(tag)
        if parts.count > 1, parts[1].count == 4, parts[1].allSatisfy(\.isLetter) {
            return rightToLeftScripts.contains(parts[1]) ? .rightToLeft : .leftToRight
        }
        return parts.first.map(rightToLeftLanguages.contains) == true ? .rightToLeft : .leftToRight
    }

    /// A folder name usable as a locale tag: ASCII letters, digits and hyphens, starting with
    /// a 2–8 letter language subtag.
    static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count),
              first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
