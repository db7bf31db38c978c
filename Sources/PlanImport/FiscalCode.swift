/// The Italian *codice fiscale* of a natural person: format and check character.
///
/// Layout (16 upper-case characters), as set out in the annex of the Ministry of
/// Finance decree of 23 December 1976:
///
///     RSS MRA 51 C 52 D969 I
///     │   │   │  │ │  │    └ check character
///     │   │   │  │ │  └ municipality or foreign country: letter + 3 digits
///     │   │   │  │ └ day of birth (women: day + 40)
///     │   │   │  └ month letter A B C D E H L M P R S T
///     │   │   └ year of birth, 2 digits
///     └───┴ 3 letters each from family name and given name
///
/// *Omocodia*: when two people would get the same code, the tax office replaces
/// digits from the right by letters (0→L, 1→M, 2→N, 3→P, 4→Q, 5→R, 6→S, 7→T, 8→U,
/// 9→V), so every digit position may hold one of those letters instead.
///
/// Not checked: consistency with the patient's names, birth date and sex (homocodes
/// and registry corrections make such checks unreliable), or whether the
/// municipality code exists.
enum FiscalCode {
    enum Problem: Equatable {
        case format
        case checkCharacter
    }

    /// `nil` if `code` is a well-formed codice fiscale with a matching check character.
    static func validate(_ code: String) -> Problem? {
        let c = Array(code.utf8)
        guard c.count == 16 else { return .format }
        for i in 0..<15 {
            let valid = digitPositions.contains(i) ? digitValue(c[i]) != nil : c[i].isASCIIUppercase
            guard valid else { return .format }
        }
        guard c[15].isASCIIUppercase, monthLetters.contains(c[8]),
              let dayTens = digitValue(c[9]), let dayUnits = digitValue(c[10])
        else { return .format }
        let day = dayTens * 10 + dayUnits
        guard (1...31).contains(day) || (41...71).contains(day) else { return .format }
        return checkCharacter(c[0..<15]) == c[15] ? nil : .checkCharacter
    }

    /// The check character of the first 15 characters: characters in odd positions
    /// (1st, 3rd, …) are mapped through `oddValues`, those in even positions to their
    /// ordinal (0–9 for digits, 0–25 for A–Z); the sum modulo 26 gives the letter.
    static func checkCharacter(_ first15: ArraySlice<UInt8>) -> UInt8 {
        var sum = 0
        for (n, byte) in first15.enumerated() {
            let ordinal = byte.asciiDigitValue ?? Int(byte - UInt8(ascii: "A"))
            sum += n % 2 == 0 ? oddValues[ordinal] : ordinal
        }
        return UInt8(ascii: "A") + UInt8(sum % 26)
    }

    /// Values of characters in odd positions, indexed by ordinal: 0/A → 1, 1/B → 0, …, Z → 23.
    private static let oddValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20,
                                    11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]

    /// Zero-based positions that hold digits (or their omocodia letters).
    private static let digitPositions: Set<Int> = [6, 7, 9, 10, 12, 13, 14]

    private static let monthLetters = Set("ABCDEHLMPRST".utf8)

    /// Omocodia letters in digit order: L = 0 … V = 9.
    private static let omocodiaLetters = Array("LMNPQRSTUV".utf8)

    /// The digit a digit-position character stands for, or `nil` if it may not stand there.
    private static func digitValue(_ byte: UInt8) -> Int? {
        byte.asciiDigitValue ?? omocodiaLetters.firstIndex(of: byte)
    }
}
