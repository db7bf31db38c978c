// The only file of the module that imports libunibreak.
//
// Line-break opportunities per UAX #14 (Unicode Line Breaking Algorithm),
// with libunibreak's language tailorings (quotation marks in de, fr, …).
import CUnibreak

/// What UAX #14 allows after one character.
enum BreakAction: UInt8 {
    /// Mandatory break (after a newline, and at the end of the text).
    case mandatory
    /// A line may end after this character.
    case allowed
    /// No break here.
    case prohibited
}

/// `init_linebreak` builds libunibreak's lookup index; it must run once
/// before the first use. Swift runs a global's initialiser exactly once, thread-safely.
private let lineBreakInitialised: Bool = {
    init_linebreak()
    return true
}()

/// The break action after each scalar of `text` (UTF-32), for `language`
/// (BCP 47; libunibreak uses the primary subtag).
func lineBreakActions(_ text: [UInt32], language: String) -> [BreakAction] {
    guard !text.isEmpty else { return [] }
    _ = lineBreakInitialised
    var raw = [CChar](repeating: 0, count: text.count)
    let primary = language.split(separator: "-").first.map(String.init)?.lowercased() ?? ""
    text.withUnsafeBufferPointer { chars in
        primary.withCString { lang in
            set_linebreaks_utf32(chars.baseAddress, text.count, lang, &raw)
        }
    }
    return raw.map { value in
        switch Int32(value) {
        case LINEBREAK_MUSTBREAK: return .mandatory
        case LINEBREAK_ALLOWBREAK: return .allowed
        default: return .prohibited
        }
    }
}
