// The working state of one paragraph, filled in phase by phase:
//
//   Paragraph+Itemize  text, bidi levels (FriBidi), scripts, fonts → items
//   Paragraph+Shape    words and segments, shaped with HarfBuzz (cached)
//   Paragraph+Nodes    boxes, glue and penalties (TeX's horizontal list)
//   Paragraph+Break    Knuth–Plass total-fit breaking
//   Paragraph+Lines    justification, bidi reordering (UAX #9 L1–L2), glyph runs
//
// Offsets are in Unicode scalars into `text` (the spans concatenated).

/// A maximal run of text with one bidi level, one font and one script: the
/// unit HarfBuzz shapes (never across a direction, font or script change).
struct Item {
    var range: Range<Int>
    var level: UInt8
    /// Index into `FontLibrary.allFonts`.
    var font: Int
    var script: ScriptCode

    var isRightToLeft: Bool { level & 1 == 1 }
}

/// A word: a maximal run of characters that are neither spaces nor newlines.
/// Its segments are the parts of it in different items.
struct Word {
    var range: Range<Int>
    var segments: Range<Int>
}

/// The part of a word inside one item, shaped as a whole.
struct Segment {
    var range: Range<Int>
    var item: Int
    /// Glyphs in HarfBuzz order (visual for right to left), em units;
    /// clusters relative to `range.lowerBound`.
    var glyphs: [ShapedGlyph]
}

/// The paragraph's text as a sequence of words, spaces and newlines.
enum Token {
    case word(Int)
    /// A space or tab at a scalar offset; `breakable` when UAX #14 allows a
    /// line break after the run of spaces it starts.
    case space(Int, breakable: Bool)
    /// A no-break space (U+00A0): stretches like a space, never breaks.
    case noBreakSpace(Int)
    /// A forced line break (LF, CR LF, U+2028, …).
    case newline(Int)
}

struct Paragraph {
    let fonts: FontTable
    var text: [UInt32] = []
    var scalars: [Unicode.Scalar] = []
    var styles: [FontStyle] = []
    var baseLevel: UInt8 = 0
    var levels: [UInt8] = []
    /// Per scalar: index into `FontLibrary.allFonts`.
    var fontOf: [Int] = []
    var items: [Item] = []
    /// Per scalar: the item it belongs to.
    var itemOf: [Int32] = []
    /// UAX #14 action after each scalar.
    var breakActions: [BreakAction] = []
    var words: [Word] = []
    var segments: [Segment] = []
    var tokens: [Token] = []

    var isRightToLeft: Bool { baseLevel & 1 == 1 }
}

/// Character classes the paragraph builder treats specially.
enum CharacterClass {
    static func isSpace(_ scalar: UInt32) -> Bool { scalar == 0x20 || scalar == 0x09 }
    static func isNoBreakSpace(_ scalar: UInt32) -> Bool { scalar == 0xA0 }
    static func isNewline(_ scalar: UInt32) -> Bool {
        (scalar >= 0x0A && scalar <= 0x0D) || scalar == 0x85 || scalar == 0x2028 || scalar == 0x2029
    }
    /// Explicit hyphens and dashes after which a break is "flagged" like a
    /// hyphenation (TeX's `\exhyphenpenalty`).
    static func isHyphen(_ scalar: UInt32) -> Bool {
        scalar == 0x2D || scalar == 0x2010 || scalar == 0x2012 || scalar == 0x2013
    }

    /// Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties, 15.0)
    /// as ranges, to avoid a property lookup per character.
    static func isDefaultIgnorable(_ value: UInt32) -> Bool {
        if value < 0xAD { return false }
        if value < 0x2000 {
            return value == 0xAD || value == 0x034F || value == 0x061C || value == 0x115F || value == 0x1160
                || value == 0x17B4 || value == 0x17B5 || (value >= 0x180B && value <= 0x180F)
        }
        if value < 0x2070 {
            return (value >= 0x200B && value <= 0x200F) || (value >= 0x202A && value <= 0x202E) || value >= 0x2060
        }
        if value < 0xE000 { return value == 0x3164 }
        if value < 0x10000 {
            return (value >= 0xFE00 && value <= 0xFE0F) || value == 0xFEFF || value == 0xFFA0
                || (value >= 0xFFF0 && value <= 0xFFF8)
        }
        return (value >= 0x1BCA0 && value <= 0x1BCA3) || (value >= 0x1D173 && value <= 0x1D17A)
            || (value >= 0xE0000 && value <= 0xE0FFF)
    }

    enum LetterKind { case lowercase, letter, digit, other }

    /// Letter (marks count as letters, so that decomposed accents stay in a
    /// word), lower-case letter or decimal digit; ASCII and Latin-1 without
    /// a Unicode property lookup.
    static func letterKind(_ scalar: Unicode.Scalar) -> LetterKind {
        let value = scalar.value
        if value < 0x80 {
            if value >= 0x61 && value <= 0x7A { return .lowercase }
            if value >= 0x41 && value <= 0x5A { return .letter }
            if value >= 0x30 && value <= 0x39 { return .digit }
            return .other
        }
        if value >= 0xC0 && value <= 0xFF {
            if value == 0xD7 || value == 0xF7 { return .other }
            return value >= 0xDF ? .lowercase : .letter
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .decimalNumber: return .digit
        case .lowercaseLetter: return .lowercase
        case .uppercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark: return .letter
        default: return properties.isAlphabetic ? .letter : .other
        }
    }
}
