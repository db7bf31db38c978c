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
