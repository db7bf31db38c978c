import XCTest
@testable import Content

final class ReadabilityTests: XCTestCase {
    /// "La cementoplastica rinforza l'osso malato e riduce il dolore."
    /// Words (the apostrophe splits "l'osso"): La 2, cementoplastica 15, rinforza 8, l 1, osso 4,
    /// malato 6, e 1, riduce 6, il 2, dolore 6 → P = 10 words, L = 51 letters, F = 1 sentence.
    /// G = 89 + (300·1 − 10·51) / 10 = 89 − 21 = 68.
    func testPlainSentence() {
        let score = Readability.gulpease(markdown: "La cementoplastica rinforza l'osso malato e riduce il dolore.")
        XCTAssertEqual(score.sentences, 1)
        XCTAssertEqual(score.words, 10)
        XCTAssertEqual(score.letters, 51)
        XCTAssertEqual(score.gulpease, 68, accuracy: 1e-9)
    }

    /// Markup, Mustache tags and block ends:
    ///   "## Il dolore"                     heading: Il 2, dolore 6            → 2 words, 8 letters, 1 sentence
    ///   "Il cemento rinforza l'osso."      Il 2, cemento 7, rinforza 8, l 1, osso 4 → 5 words, 22 letters, "." 1
    ///   "Dura 1.000 giorni!"               Dura 4, 1.000 4, giorni 6          → 3 words, 14 letters, "!" 1
    ///   "{{#is.sedation}}"                 tag-only line: vanishes
    ///   "- Dorme {{facility.name}}"        Dorme 5 (tag removed)             → 1 word, 5 letters, item end 1
    ///   "1. Cammina piano"                 Cammina 7, piano 5 ("1." is markup) → 2 words, 12 letters, item end 1
    /// P = 13, L = 61, F = 5 → G = 89 + (1500 − 610) / 13 = 89 + 68.4615… = 157.4615…
    func testMarkdownUnit() {
        let text = """
        ## Il dolore

        Il cemento rinforza l'osso. Dura 1.000 giorni!
        {{#is.sedation}}
        - Dorme {{facility.name}}
        {{/is.sedation}}
        1. Cammina piano
        """
        let score = Readability.gulpease(markdown: text)
        XCTAssertEqual(score.words, 13)
        XCTAssertEqual(score.letters, 61)
        XCTAssertEqual(score.sentences, 5)
        XCTAssertEqual(score.gulpease, 89 + 890.0 / 13, accuracy: 1e-9)
    }

    func testDecimalsRunsOfMarksAndEmptyText() {
        // "Circa 2,4 mSv?!" → Circa 5, 2,4 2, mSv 3 → 3 words, 10 letters, one sentence for "?!".
        let score = Readability.gulpease(markdown: "Circa 2,4 mSv?! ")
        XCTAssertEqual([score.words, score.letters, score.sentences], [3, 10, 1])
        XCTAssertEqual(Readability.gulpease(markdown: "").gulpease, 0)
        XCTAssertEqual(Readability.gulpease(markdown: "{{#is.x}}\n{{/is.x}}").words, 0)
    }

    func testParagraphLinesJoinUntilABlankLine() {
        // Two lines of one paragraph without a mark: one sentence; the blank line closes it.
        let score = Readability.gulpease(markdown: "uno due\ntre\n\nquattro")
        XCTAssertEqual(score.words, 4)
        XCTAssertEqual(score.sentences, 2)
    }
}
