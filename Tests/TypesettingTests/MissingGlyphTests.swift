import XCTest
@testable import Typesetting

final class MissingGlyphTests: XCTestCase {
    private func missing(_ text: String, language: String = "it") -> [Character]? {
        do {
            _ = try Fixtures.typesetter.layout([TextSpan(text)], style: Fixtures.style(language), width: 200)
            return nil
        } catch let error as MissingGlyphsError {
            return error.characters
        } catch {
            XCTFail("unexpected \(error)")
            return nil
        }
    }

    func testThaiAndEmojiAreReported() {
        XCTAssertEqual(missing("Paziente \u{0E01} Rossi"), ["\u{0E01}"])
        XCTAssertEqual(missing("Grazie 😀 e 😀 王"), ["😀", "王"])
        XCTAssertThrowsError(try Fixtures.typesetter.measure([TextSpan("\u{0E01}")], style: Fixtures.style())) { error in
            XCTAssertTrue(String(describing: error).contains("U+0E01"), String(describing: error))
        }
    }

    func testCoveredScriptsAreNotReported() {
        XCTAssertNil(missing("Müller-Lüdenscheidt, D'Alessandro, Nicolò, Ελληνικά, Українська, Română: ș ț ă"))
        XCTAssertNil(missing("محمد \u{200F}Rossi\u{200E} (مرحبا)", language: "ar"))
        XCTAssertNil(missing("soft\u{00AD}hyphen zero\u{200B}width join\u{200D}er"))
    }
}
