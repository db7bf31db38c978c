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
        XCTAssertFalse(regular.fileData.isEmpty)
        XCTAssertEqual(Array(regular.fileData.prefix(4)), [0, 1, 0, 0])  // TrueType signature
        XCTAssertEqual(library.font(for: .latin, style: .boldItalic).key, "NotoSans-BoldItalic")
        XCTAssertEqual(library.font(for: .arabic, style: .bold).key, "NotoNaskhArabic-Bold")
    }

    func testArabicHasNoItalicAndFallsBackToNotoSans() {
        let library = Fixtures.library
        XCTAssertEqual(library.font(for: .arabic, style: .italic).key, "NotoNaskhArabic-Regular")
        XCTAssertEqual(library.font(for: .arabic, style: .boldItalic).key, "NotoNaskhArabic-Bold")
        XCTAssertEqual(library.chain(for: .arabic, style: .regular).map(\.key),
                       ["NotoNaskhArabic-Regular", "NotoSans-Regular"])
        XCTAssertEqual(library.chain(for: .latin, style: .italic).map(\.key),
                       ["NotoSans-Italic", "NotoNaskhArabic-Regular"])
    }

    func testFontsAreLoadedOncePerLibrary() {
        let library = Fixtures.library
        XCTAssertTrue(library.font(for: .latin, style: .regular) === library.chain(for: .arabic, style: .regular)[1])
    }

    func testMissingFileIsNamedInTheError() {
        XCTAssertThrowsError(try FontLibrary(directory: "/nonexistent/fonts")) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("/nonexistent/fonts/NotoSans-Regular.ttf"), message)
        }
    }
}
