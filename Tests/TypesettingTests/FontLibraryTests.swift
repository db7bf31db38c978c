import XCTest
@testable import Typesetting

final class FontLibraryTests: XCTestCase {
    func testLoadsNotoFacesWithMetrics() {
        let library = Fixtures.library
        let regular = library.font(for: .latin, style: .regular)
        XCTAssertEqual(regular.key, "NotoSans-Regular")
        XCTAssertEqual(regular.postScriptName, "NotoSans-Regular")
        XCTAssertEqual(regular.unitsPerEm, 1000)
        XCTAssertGreaterThan(regular.ascender, 0.8)
        XCTAssertLessThan(regular.descender, -0.1)
        let facts = regular.programFacts()
        XCTAssertEqual(facts.outlines, .trueType)
        XCTAssertEqual(facts.postScriptName, "NotoSans-Regular")
        XCTAssertEqual(facts.unitsPerEm, 1000)
        XCTAssertGreaterThan(facts.glyphCount, 3000)
        XCTAssertEqual(facts.boundingBox?.count, 4)
        XCTAssertEqual(library.font(for: .latin, style: .boldItalic).key, "NotoSans-BoldItalic")
        XCTAssertEqual(library.font(for: .arabic, style: .bold).key, "NotoNaskhArabic-Bold")
    }

    func testArabicHasNoItalicAndFallsBackToNotoSans() {
        let library = Fixtures.library
        XCTAssertEqual(library.font(for: .arabic, style: .italic).key, "NotoNaskhArabic-Regular")
        XCTAssertEqual(library.font(for: .arabic, style: .boldItalic).key, "NotoNaskhArabic-Bold")
        XCTAssertEqual(library.chain(for: .arabic, style: .regular).map(\.key).prefix(3),
                       ["NotoNaskhArabic-Regular", "NotoSans-Regular", "NotoSansCJK-Regular"])
        XCTAssertEqual(library.chain(for: .latin, style: .italic).map(\.key).prefix(3),
                       ["NotoSans-Italic", "NotoNaskhArabic-Regular", "NotoSansCJK-Regular"])
        XCTAssertEqual(library.chain(for: .latin, style: .bold).map(\.key).prefix(4),
                       ["NotoSans-Bold", "NotoNaskhArabic-Bold", "NotoSansCJK-Bold", "NotoSansHebrew-Bold"])
    }

    func testFontsAreLoadedOncePerLibrary() {
        let library = Fixtures.library
        XCTAssertTrue(library.font(for: .latin, style: .regular) === library.chain(for: .arabic, style: .regular)[1])
    }

    /// Issue 14 item 6: the coverage question `plan check` asks.
    func testCoverageOfNamesInOtherScripts() {
        let library = Fixtures.library
        for name in ["王秀英", "ＷＡＮＧ　Ｘｉｕｙｉｎｇ", "שרה כהן", "রহিম", "ਹਰਪ੍ਰੀਤ ਸਿੰਘ", "ප්‍රියන්ත", "Müller\u{200F}\u{2068}x\u{2069}"] {
            XCTAssertTrue(library.covers(name), name)
        }
        XCTAssertFalse(library.covers("Rossi \u{2D30}"))  // Tifinagh: no font
        XCTAssertFalse(library.covers("😀"))
        // The CJK face is the Simplified Chinese one of the collection, opened by index.
        let cjk = library.allFonts.first { $0.key == "NotoSansCJK-Regular" }!
        XCTAssertEqual(cjk.faceIndex, 2)
        XCTAssertEqual(cjk.postScriptName, "NotoSansCJKsc-Regular")
        XCTAssertEqual(cjk.programFacts().outlines, .cff)
    }

    func testMissingFileIsNamedInTheError() {
        XCTAssertThrowsError(try FontLibrary(directory: "/nonexistent/fonts")) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("/nonexistent/fonts/NotoSans-Regular.ttf"), message)
        }
    }
}
