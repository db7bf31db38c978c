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
        // Tifinagh and emoji: no font of the chains has them.
        XCTAssertEqual(missing("Paziente \u{2D30} Rossi"), ["\u{2D30}"])
        XCTAssertEqual(missing("Grazie 😀 e 😀 \u{2D31}"), ["😀", "\u{2D31}"])
        XCTAssertThrowsError(try Fixtures.typesetter.measure([TextSpan("\u{2D30}")], style: Fixtures.style())) { error in
            // The message counts, never shows, the characters (they may be a patient's name).
            let message = String(describing: error)
            XCTAssertFalse(message.contains("\u{2D30}") || message.contains("2D30"), message)
            XCTAssertTrue(message.contains("1 distinct character"), message)
        }
    }

    func testCoveredScriptsAreNotReported() {
        XCTAssertNil(missing("Müller-Lüdenscheidt, D'Alessandro, Nicolò, Ελληνικά, Українська, Română: ș ț ă"))
        // Fallback fonts: Chinese, full-width Latin, Hebrew, Bengali, Gurmukhi, Sinhala, Tamil,
        // Devanagari, Georgian, Armenian, Amharic, Thai, Malayalam.
        XCTAssertNil(missing("王秀英 ＷＡＮＧ　Ｘｉｕｙｉｎｇ שרה כהן রহিম সিং ਹਰਪ੍ਰੀਤ ප්‍රියන්ත தமிழ் देवी ნინო Արամ ኣበበ สมชาย മലയാളം"))
        XCTAssertNil(missing("محمد \u{200F}Rossi\u{200E} (مرحبا)", language: "ar"))
        XCTAssertNil(missing("soft\u{00AD}hyphen zero\u{200B}width join\u{200D}er"))
    }

    func testDefaultIgnorablesLeaveNoGlyphAndNoText() throws {
        // Bidi isolates around a name, a soft hyphen, a zero-width joiner:
        // shaped, but no (space) glyph stands in for them and the text skips them.
        let text = "محمد \u{2068}Rossi\u{2069} ولا\u{200D} inter\u{00AD}vento"
        let layout = try Fixtures.typesetter.layout([TextSpan(text)], style: Fixtures.style("ar", direction: .rightToLeft), width: 400)
        let glyphs = layout.lines.flatMap(\.runs).flatMap(\.glyphs)
        XCTAssertTrue(glyphs.allSatisfy { $0.id != 0 })
        XCTAssertFalse(glyphs.contains { $0.text.unicodeScalars.contains { CharacterClass.isDefaultIgnorable($0.value) } })
        XCTAssertEqual(layout.lines[0].logicalText, "محمد Rossi ولا intervento")
        let spaceGlyphs = Set(glyphs.filter { $0.text == " " }.map(\.id))
        XCTAssertTrue(glyphs.filter { spaceGlyphs.contains($0.id) }.allSatisfy { $0.text == " " })
    }
}
