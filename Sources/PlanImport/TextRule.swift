/// The contract's rules for string fields.
///
/// Character classes are checked by hand, scalar by scalar, not with regular
/// expressions: the classes are tiny, a loop states them as plainly as a pattern
/// would, and it avoids compiling (or caching) a regex for every field of every
/// plan. A loop over a few dozen bytes also costs nanoseconds.
///
/// `violation(in:)` returns the message for the first rule a string breaks; messages
/// describe the rule and never repeat the string.
enum TextRule {
    /// Free text (names of people and places, drugs, titles, ids): at most
    /// `maximumTextLength` characters, at least one of them visible (see `isBlank`); no
    /// control characters or line breaks; no run of more than `maximumCombiningRun`
    /// combining marks.
    case text
    /// A note from the physician or planner (`outcome.analgesia`, `targets[].approach`):
    /// as `text`, up to `maximumNoteLength` characters.
    case note
    /// `givenName`, `familyName`: 1–100 Unicode letters, combining marks, spaces,
    /// apostrophes (`'`, `’`) and hyphens, with at least one letter.
    case personName
    /// `planId`: 1–64 of `[A-Za-z0-9._-]`.
    case planId
    /// `patient.mrn`: 1–32 of `[A-Za-z0-9-]`.
    case recordNumber
    /// `facility.phone`: digits, spaces, `-`, `/`, `(`, `)`, an optional leading `+`;
    /// at least 3 digits.
    case phone
    /// `facility.emergencyNumber`: 2–6 digits.
    case emergencyNumber
    /// `patient.fiscalCode`: see `FiscalCode`.
    case fiscalCode
    /// `patient.language`: see `LanguageTag`.
    case languageTag

    func violation(in string: String) -> String? {
        switch self {
        case .text:
            return Self.freeTextViolation(string, maximumLength: Self.maximumTextLength)
        case .note:
            return Self.freeTextViolation(string, maximumLength: Self.maximumNoteLength)
        case .personName:
            return Self.personNameViolation(string)
        case .planId:
            return Self.asciiViolation(string, maximumLength: 64, allowed: ".-_",
                                       rule: "must be 1–64 characters: letters A–Z a–z, digits, '.', '_', '-'")
        case .recordNumber:
            return Self.asciiViolation(string, maximumLength: 32, allowed: "-",
                                       rule: "must be 1–32 characters: letters A–Z a–z, digits, '-'")
        case .phone:
            return Self.phoneViolation(string)
        case .emergencyNumber:
            let valid = (2...6).contains(string.utf8.count) && string.utf8.allSatisfy(\.isASCIIDigit)
            return valid ? nil : "must be 2–6 digits"
        case .fiscalCode:
            switch FiscalCode.validate(string) {
            case nil: return nil
            case .format: return "must be 16 characters in the codice fiscale format"
            case .checkCharacter: return "check character does not match the first 15 characters"
            }
        case .languageTag:
            return LanguageTag.isWellFormed(string)
                ? nil : "must be a BCP 47 language tag such as \"it\" or \"fr-CH\""
        }
    }

    /// Longest free text, in Unicode scalars (as JSON Schema's `maxLength` counts): a
    /// name or a label on a form line. The same limits are in the contract notes and the
    /// JSON Schema; they keep layout time bounded, whatever the text.
    public static let maximumTextLength = 200
    /// Longest note (`analgesia`, `approach`), in Unicode scalars.
    public static let maximumNoteLength = 1000
    /// Longest run of combining marks after one character: the "stream-safe" bound of
    /// UAX #15 §13 (30 non-starters); no real orthography comes near it.
    public static let maximumCombiningRun = 30

    private static func freeTextViolation(_ string: String, maximumLength: Int) -> String? {
        if string.unicodeScalars.isEmpty { return "must not be empty" }
        if string.unicodeScalars.count > maximumLength { return "must be at most \(maximumLength) characters" }
        if string.unicodeScalars.contains(where: isControl) {
            return "must not contain control characters or line breaks"
        }
        if isBlank(string) { return "must not be empty: needs a visible character (not only spaces, invisible characters or lone marks)" }
        if hasLongCombiningRun(string) {
            return "must not have more than \(maximumCombiningRun) combining marks in a row"
        }
        return nil
    }

    /// Nothing a reader would see: empty, or only whitespace and spaces of every kind,
    /// default-ignorable code points (zero-width spaces and joiners, bidi controls,
    /// variation selectors, Hangul fillers, U+FEFF), other format characters, the
    /// Braille blank, and combining marks with no base to sit on.
    static func isBlank(_ string: String) -> Bool {
        !string.unicodeScalars.contains(where: isVisibleBase)
    }

    /// A character that prints something by itself.
    static func isVisibleBase(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        if p.isWhitespace || p.isDefaultIgnorableCodePoint || scalar == "\u{2800}" { return false }
        switch p.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format,
             .nonspacingMark, .spacingMark, .enclosingMark, .unassigned, .surrogate:
            return false
        default:
            return true
        }
    }

    private static func hasLongCombiningRun(_ string: String) -> Bool {
        var run = 0
        for scalar in string.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                run += 1
                if run > maximumCombiningRun { return true }
            default:
                run = 0
            }
        }
        return false
    }

    /// C0, DEL, C1 (general category Cc) and the Unicode line/paragraph separators.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    private static func asciiViolation(_ string: String, maximumLength: Int, allowed: String,
                                       rule: String) -> String? {
        let extra = Set(allowed.utf8)
        let bytes = string.utf8
        let valid = (1...maximumLength).contains(bytes.count)
            && bytes.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || extra.contains($0) }
        return valid ? nil : rule
    }

    private static func phoneViolation(_ string: String) -> String? {
        var digits = 0
        for (i, byte) in string.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: ")"): break
            case UInt8(ascii: "+") where i == 0: break
            default:
                return "may contain only digits, spaces, '-', '/', '(', ')' and a leading '+'"
            }
        }
        return digits >= 3 ? nil : "must contain at least 3 digits"
    }

    private static func personNameViolation(_ string: String) -> String? {
        if isBlank(string) { return "must not be empty" }
        var count = 0
        var hasLetter = false
        for scalar in string.unicodeScalars {
            count += 1
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
                // A Hangul filler (U+3164, a "letter" that prints nothing) is not a letter here.
                hasLetter = hasLetter || isVisibleBase(scalar)
            case .nonspacingMark, .spacingMark, .enclosingMark:
                break
            default:
                guard scalar == " " || scalar == "'" || scalar == "\u{2019}" || scalar == "-" else {
                    return "may contain only letters, combining marks, spaces, apostrophes and hyphens"
                }
            }
        }
        // Counted in Unicode scalars, like the JSON Schema's `{1,100}`.
        if count > 100 { return "must be at most 100 characters" }
        if !hasLetter { return "must contain at least one letter" }
        return hasLongCombiningRun(string) ? "must not have more than \(maximumCombiningRun) combining marks in a row" : nil
    }
}
