import XCTest
@testable import Typesetting

/// Issue 8 points 3 and 7: where words may break, in every script with patterns.
final class HyphenationRulesTests: XCTestCase {
    private func points(_ word: String, _ language: String) -> [Int] {
        Hyphenator.forLanguage(language)!.points(Array(word.unicodeScalars))
    }

    func testTwoLettersBeforeAndThreeAfterABreak() {
        for (word, language) in [("anestesia", "it"), ("Krankenhaus", "de"), ("знеболення", "uk"), ("anestezie", "ro")] {
            let count = word.unicodeScalars.count
            for point in points(word, language) {
                XCTAssertGreaterThanOrEqual(point, 2, "\(word) at \(point)")
                XCTAssertLessThanOrEqual(point, count - 3, "\(word) at \(point)")
            }
        }
        // "anestesi-a" and "ane-ste-si-a" used to allow a two-letter tail.
        XCTAssertFalse(points("anestesia", "it").contains(7))
    }

    /// Lines of a narrow measure, with the hyphenated ones marked.
    private func lines(_ text: String, _ language: String, width: Double) throws -> [Line] {
        try Fixtures.typesetter.layout([TextSpan(text)], style: Fixtures.style(language), width: width).lines
    }

    func testCyrillicTextIsHyphenated() throws {
        let text = "Лікар використовує рентгенівські промені, щоб спрямовувати голку до пошкодженої кістки, "
            + "а після лікування медсестра перевіряє пов'язку та вимірює температуру."
        let set = try lines(text, "uk", width: 120)
        XCTAssertTrue(set.contains(where: \.hyphenated), set.map(\.logicalText).joined(separator: "|"))
        // The same Cyrillic text in an Italian paragraph is never broken with Italian patterns.
        XCTAssertFalse(try lines(text, "it", width: 120).contains(where: \.hyphenated))
    }

    func testShortWordsAreNeverHyphenated() throws {
        // Five-letter words only: nothing may be hyphenated, however narrow the measure.
        let text = "Poi la cura dura circa un'ora. Dopo resta a letto, fermo: ecco tutto."
        XCTAssertFalse(try lines(text, "it", width: 60).contains(where: \.hyphenated))
    }

    func testNeverTwoHyphensInARow() throws {
        for text in Fixtures.italian {
            // Ragged narrow columns (bilingual documents, boxes) and the justified body measure.
            for (width, alignment) in stride(from: 140.0, through: 320, by: 15).map({ ($0, Alignment.start) })
                + [(483.3, .justified), (463.3, .justified)] {
                let set = try Fixtures.typesetter.layout([TextSpan(text)], style: Fixtures.style(alignment: alignment),
                                                         width: width).lines
                for index in set.indices.dropFirst() where set[index].hyphenated && set[index - 1].hyphenated {
                    XCTFail("two hyphenated lines in a row at \(width) pt: \(set[index - 1].logicalText) / \(set[index].logicalText)")
                }
                if alignment == .start {
                    XCTAssertFalse(set.count >= 2 && set[set.count - 2].hyphenated, "hyphen before the last line at \(width) pt")
                }
            }
        }
    }

    func testWordsWithDigitsAreNeverHyphenated() throws {
        let text = "CI-PLN-2026-004217-it-8EE477F5 1.0-0340ff 0004471123 RSSMRA51C52D969I PLN-2026-004217"
        XCTAssertFalse(try lines(text, "it", width: 90).contains(where: \.hyphenated))
    }
}
