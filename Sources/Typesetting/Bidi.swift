// The only file of the module that imports FriBidi.
//
// FriBidi resolves the embedding levels of a paragraph (UAX #9 rules P2–P3,
// X1–X10, W1–W7, N0–N2, I1–I2 and L1 parts 1–3). Reordering (L1 part 4 and
// L2) happens per line on glyph runs, in `Paragraph+Lines.swift`, because by
// then the text has become shaped runs rather than characters.
import CFriBidi

/// Resolved embedding levels of one paragraph.
struct BidiLevels {
    /// 0 for a left-to-right paragraph, 1 for a right-to-left one.
    var baseLevel: UInt8
    /// One level per Unicode scalar; odd levels are right-to-left.
    var levels: [UInt8]

    /// Resolves the levels of `text` (UTF-32) for the requested base direction.
    /// `.auto` uses the first strong character (UAX #9 P2–P3) and falls back to
    /// left-to-right when there is none.
    init(text: [UInt32], direction: BaseDirection) {
        let count = text.count
        // Fast path: no character at or above U+0590 means no right-to-left
        // letter and no bidi control, so a left-to-right or auto paragraph is
        // entirely at level 0.
        if direction != .rightToLeft, !text.contains(where: { $0 >= 0x0590 }) {
            baseLevel = 0
            levels = [UInt8](repeating: 0, count: count)
            return
        }
        guard count > 0 else {
            baseLevel = direction == .rightToLeft ? 1 : 0
            levels = []
            return
        }
        var types = [FriBidiCharType](repeating: FriBidiCharType(rawValue: 0), count: count)
        var brackets = [FriBidiBracketType](repeating: 0, count: count)
        var resolved = [FriBidiLevel](repeating: 0, count: count)
        var parType: FriBidiParType
        switch direction {
        case .leftToRight: parType = FRIBIDI_PAR_LTR
        case .rightToLeft: parType = FRIBIDI_PAR_RTL
        case .auto: parType = FRIBIDI_PAR_ON
        }
        let length = FriBidiStrIndex(count)
        text.withUnsafeBufferPointer { chars in
            fribidi_get_bidi_types(chars.baseAddress, length, &types)
            fribidi_get_bracket_types(chars.baseAddress, length, types, &brackets)
        }
        let result = fribidi_get_par_embedding_levels_ex(types, brackets, length, &parType, &resolved)
        let rtl = parType == FRIBIDI_PAR_RTL
        baseLevel = rtl ? 1 : 0
        if result == 0 {
            // Allocation failure inside FriBidi: keep everything at the base level.
            levels = [UInt8](repeating: baseLevel, count: count)
        } else {
            levels = resolved.map { UInt8(clamping: Int($0)) }
        }
    }
}
