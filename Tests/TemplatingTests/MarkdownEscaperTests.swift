import TestSupport
import XCTest
@testable import Templating

final class MarkdownEscaperTests: XCTestCase {
    func testEveryASCIIPunctuationIsEscaped() {
        XCTAssertEqual(MarkdownEscaper.escape("Ospedale <script>x</script> *Santa* {{y}}"),
                       #"Ospedale \<script\>x\<\/script\> \*Santa\* \{\{y\}\}"#)
        XCTAssertEqual(MarkdownEscaper.escape("# 1. [a](b) `c` _d_ | e ~ f & g ! h"),
                       ##"\# 1\. \[a\]\(b\) \`c\` \_d\_ \| e \~ f \& g \! h"##)
    }

    func testLettersDigitsAndNonASCIIAreKept() {
        XCTAssertEqual(MarkdownEscaper.escape("Nicolò D’Alessandro محمد 王 7"), "Nicolò D’Alessandro محمد 王 7")
    }

    func testLineBreaksAndControlsBecomeSpaces() {
        XCTAssertEqual(MarkdownEscaper.escape("a\nb\r\tc\u{2028}d"), "a b  c d")
    }

    /// The escaper rewrites UTF-8 bytes; this is the rule stated by Unicode scalars (the
    /// implementation it replaced), compared on every scalar class it treats apart, the
    /// multi-byte neighbours of U+0085 and U+2028/9 included, and on seeded random strings.
    func testTheByteEscaperAgreesWithTheRuleByScalars() {
        func byScalars(_ value: String) -> String {
            var out = String.UnicodeScalarView()
            for scalar in value.unicodeScalars {
                switch scalar.value {
                case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: out.append("\\"); out.append(scalar)
                case 0x00...0x1F, 0x7F, 0x85, 0x2028, 0x2029: out.append(" ")
                default: out.append(scalar)
                }
            }
            return String(out)
        }
        let pool: [Unicode.Scalar] = ["a", "Z", "0", " ", "\\", "*", "{", "~", "\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{84}",
                                      "\u{85}", "\u{86}", "\u{A0}", "\u{C5}", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}",
                                      "\u{E280}", "ò", "\u{645}", "王", "\u{1F600}", "\u{301}", "\u{FFFD}"]
        for scalar in pool { XCTAssertEqual(MarkdownEscaper.escape(String(scalar)), byScalars(String(scalar)), "U+\(String(scalar.value, radix: 16))") }
        var random = SplitMix64(state: 20261202)
        for _ in 0..<2_000 {
            var value = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &random) { value.append(pool[Int.random(in: pool.indices, using: &random)]) }
            XCTAssertEqual(MarkdownEscaper.escape(String(value)), byScalars(String(value)))
        }
    }

    /// A value inside `**…**` with a space at an end printed its asterisks (Template fuzzer,
    /// Fuzz/regressions/Template/): spaces at the ends are dropped, inner ones kept.
    func testSpacesAtTheEndsCannotBreakTheEmphasisAroundAValue() {
        XCTAssertEqual(BidiIsolation.isolate("aatmo ", rightToLeft: false), "aatmo")
        XCTAssertEqual(BidiIsolation.isolate("\u{A0} warfarin\t\u{3000}", rightToLeft: false), "warfarin")
        XCTAssertEqual(BidiIsolation.isolate("acido  acetilsalicilico", rightToLeft: false), "acido  acetilsalicilico")
        XCTAssertEqual(BidiIsolation.isolate(" 112 ", rightToLeft: true), "\u{2066}112\u{2069}")
        // Catalog strings are not plan values: French's no-break space before a colon stays.
        XCTAssertEqual(MarkdownEscaper.escape("\u{A0}:"), "\u{A0}\\:")
    }
}
