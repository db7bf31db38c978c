// Plan values inside localized sentences, made unable to reorder the text around
// them (UAX #9, "Unicode Bidirectional Algorithm", §2.4 explicit isolates, BD8).
//
// Two steps:
//  1. `isolate` (per value, in the view model): the value's own explicit
//     formatting characters are removed, then the value is wrapped in an isolate
//     when the paragraph could be affected by it.
//  2. `joinPhrases` (per expanded document): isolates of the same kind that
//     touch across nothing but a space or a separator (", ", " ", " – ", "/")
//     become one isolate, so that a phrase made of several values — "Luca
//     Bianchi, Radiologo interventista", "planning-core 3.2.0" — is one
//     left-to-right phrase inside right-to-left text, in its own order.

/// Bidi isolation of plan values.
public enum BidiIsolation {
    /// LEFT-TO-RIGHT ISOLATE, FIRST STRONG ISOLATE, POP DIRECTIONAL ISOLATE.
    static let lri: Unicode.Scalar = "\u{2066}", fsi: Unicode.Scalar = "\u{2068}", pdi: Unicode.Scalar = "\u{2069}"

    /// The explicit directional formatting characters a value may not carry
    /// (UAX #9 Table 2): LRE, RLE, PDF, LRO, RLO (U+202A–202E) and LRI, RLI,
    /// FSI, PDI (U+2066–2069). They are removed, not refused: a planning system
    /// has no legitimate use for them in a name or a phone number, removing them
    /// never changes which letters print, and it is the only way to guarantee
    /// that the value's isolate is closed by our PDI and not by one of its own
    /// (an unmatched PDI in a value would end the isolate early; an RLO would
    /// print the value itself backwards). The implicit marks LRM, RLM and ALM
    /// (U+200E, U+200F, U+061C) stay: inside an isolate they only affect the
    /// value's own characters, as their author meant.
    public static func isExplicitFormatting(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// Whether the scalar is right to left or an Arabic number (bidi classes R, AL,
    /// AN, by block: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, the
    /// Arabic presentation forms and the historic right-to-left scripts), or RLM / ALM.
    static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v)
            || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EFFF).contains(v) || v == 0x200F || v == 0x061C
    }

    /// The value with its explicit formatting characters removed.
    public static func neutralised(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: isExplicitFormatting) else { return value }
        var view = String.UnicodeScalarView()
        for scalar in value.unicodeScalars where !isExplicitFormatting(scalar) { view.append(scalar) }
        return String(view)
    }

    /// A plan value ready to be put into a sentence of a document whose base
    /// direction is right to left (`rightToLeft`) or left to right.
    ///
    /// - In right-to-left documents every value is isolated: FIRST STRONG ISOLATE
    ///   when it has right-to-left letters, else LEFT-TO-RIGHT ISOLATE (a phone
    ///   number has no strong character and must still read left to right).
    /// - In left-to-right documents a value is isolated (FSI) when it has a
    ///   right-to-left character. A value made only of left-to-right, European
    ///   digit and neutral characters resolves to level 0 with the Italian,
    ///   German, … text around it, so it cannot reorder anything (UAX #9 W1–N2
    ///   find no R, AL or AN in the paragraph); it is left unwrapped, which keeps
    ///   the HTML free of invisible characters for the common case.
    ///
    /// Spaces at either end of the value are dropped: a template puts values inside emphasis
    /// (`**{{drug}}**`) and CommonMark does not close `**` after a space, so "warfarin " printed
    /// its asterisks (found by the Template fuzzer; catalog strings such as French's
    /// "\u{A0}:" keep theirs, as they do not pass here).
    public static func isolate(_ value: String, rightToLeft: Bool) -> String {
        let clean = MarkdownEscaper.trimmingSpaces(neutralised(value))
        guard !clean.isEmpty else { return clean }
        let hasRTL = clean.unicodeScalars.contains(where: isRightToLeft)
        if !rightToLeft && !hasRTL { return clean }
        var view = String.UnicodeScalarView()
        view.append(hasRTL ? fsi : lri)
        view.append(contentsOf: clean.unicodeScalars)
        view.append(pdi)
        return String(view)
    }

    /// Characters that may stand between two isolated values of one phrase:
    /// spaces, the backslash of CommonMark escaping, and separators that read
    /// the same in both directions' phrases (comma, full stop, colon, hyphen and
    /// dashes, slash, middle dot). Brackets are not among them: a bracket must
    /// stay paired with its partner on the same side of an isolate.
    static func isPhraseSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0xA0, 0x202F, 0x5C, 0x2C, 0x2E, 0x3A, 0x2D, 0x2010, 0x2013, 0x2014, 0x2F, 0xB7: true
        default: false
        }
    }

    /// Joins isolates of the same kind (LRI…PDI or FSI…PDI) separated only by
    /// phrase separators into one isolate around the whole phrase. Linear in the
    /// text; the text between the isolates is kept as it is.
    ///
    /// Over UTF-8 bytes, copying the text between joins as it is: the marks and separators
    /// are whole scalars (the isolate marks E2 81 A6–A9), and rebuilding the expanded document
    /// (~30 KB) scalar by scalar cost 0.9 M instructions a consent (callgrind, 2 December 2026).
    public static func joinPhrases(_ text: String) -> String {
        var source = text
        guard let joined = source.withUTF8(joinPhrases(utf8:)) else { return text }
        return String(decoding: joined, as: UTF8.self)
    }

    /// The joined text, or nil when no two isolates join (the text stays as it is).
    static func joinPhrases(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var dropped: [Int] = []  // start of each 3-byte mark removed (a PDI and the initiator after it)
        var openers: [UInt8] = []  // last byte of the initiator of each open isolate: A6 LRI, A7 RLI, A8 FSI
        var index = 0
        while index < bytes.count {
            guard let mark = isolateMark(bytes, index) else {
                index += 1
                continue
            }
            if mark != 0xA9 {
                openers.append(mark)
            } else if let kind = openers.last {
                // Look past separators for an initiator of the same kind at the same depth.
                var next = index + 3
                while let length = separatorLength(bytes, next) { next += length }
                if openers.count == 1, isolateMark(bytes, next) == kind {
                    dropped += [index, next]
                    index = next + 3
                    continue
                }
                openers.removeLast()
            }
            index += 3
        }
        guard !dropped.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - 3 * dropped.count)
        var copied = 0
        for start in dropped {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<start]))
            copied = start + 3
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return out
    }

    /// The last byte of the isolate mark at `index` (A6 LRI, A7 RLI, A8 FSI, A9 PDI), or nil.
    private static func isolateMark(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt8? {
        guard index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x81,
              (0xA6...0xA9).contains(bytes[index + 2]) else { return nil }
        return bytes[index + 2]
    }

    /// The length of the phrase separator (``isPhraseSeparator(_:)``) at `index`, or nil.
    /// Looked for only after a PDI, so decoding the scalar costs next to nothing.
    private static func separatorLength(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        var decoder = UTF8()
        var iterator = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator), isPhraseSeparator(scalar) else { return nil }
        return UTF8.width(scalar)
    }
}
