// Font embedding: /W arrays, subset tags, hb-subset output, font metrics.
import XCTest
@testable import PDFWriter

final class FontEmbeddingTests: XCTestCase {
    func testWidthsArrayUsesRangesOfConsecutiveGlyphs() {
        var widths = [Double](repeating: 500, count: 20)
        widths[3] = 260; widths[4] = 600.5; widths[5] = 600.5; widths[9] = 1000; widths[10] = 250
        var out: [UInt8] = []
        FontEmbedding.appendWidths([3, 4, 5, 7, 9, 10, 12, 13, 14], widths: widths, to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "[3 [260 600.5 600.5] 7 [500] 9 [1000 250] 12 14 500]")
        out = []
        FontEmbedding.appendWidths([], widths: widths, to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "[]")
    }

    func testSubsetTagIsSixLettersDerivedFromTheGlyphSet() {
        let tag = FontEmbedding.subsetTag([3, 36, 68])
        XCTAssertEqual(tag.count, 6)
        XCTAssertTrue(tag.allSatisfy { ("A"..."Z").contains($0) })
        XCTAssertEqual(tag, FontEmbedding.subsetTag([3, 36, 68]))
        XCTAssertNotEqual(tag, FontEmbedding.subsetTag([3, 36, 69]))
    }

    func testSubsetKeepsGlyphIdsAndIsSmall() throws {
        let bytes = try Fonts.data("NotoSans-Regular.ttf")
        let font = try Fonts.load("NotoSans-Regular.ttf").pdf
        XCTAssertEqual(font.postScriptName, "NotoSans-Regular")
        let a = try XCTUnwrap(font.nominalGlyph("a")), z = try XCTUnwrap(font.nominalGlyph("ž"))
        let subset = try font.subsetter.subset(glyphs: [a, z], fontName: font.postScriptName)
        XCTAssertLessThan(subset.count, bytes.count / 10, "subset \(subset.count) of \(bytes.count) bytes")
        // Table directory (OpenType spec): numTables at offset 4, 16-byte records from offset 12.
        let tableCount = Int(subset[4]) << 8 | Int(subset[5])
        let tags = (0..<tableCount).map { String(decoding: subset[(12 + 16 * $0)..<(16 + 16 * $0)], as: UTF8.self) }
        XCTAssertTrue(tags.contains("glyf") && tags.contains("loca") && tags.contains("hmtx"), "\(tags)")
        for dropped in ["GSUB", "GPOS", "GDEF", "kern", "fpgm", "prep"] {
            XCTAssertFalse(tags.contains(dropped), "\(dropped) should be dropped: \(tags)")
        }
        // The subset is a font HarfBuzz can read, with the same glyph ids.
        let reread = try PDFFont(fileData: subset)
        XCTAssertGreaterThan(reread.glyphCount, Int(max(a, z)))
        XCTAssertEqual(reread.widths[Int(a)], font.widths[Int(a)])
        XCTAssertEqual(reread.widths[Int(z)], font.widths[Int(z)])
    }

    func testFontMetricsAreReadFromTheFont() throws {
        let regular = try Fonts.load("NotoSans-Regular.ttf").pdf
        let italic = try Fonts.load("NotoSans-Italic.ttf").pdf
        XCTAssertEqual(regular.unitsPerEm, 1000)
        XCTAssertEqual(regular.metrics.italicAngle, 0)
        XCTAssertEqual(regular.metrics.flags, 4, "symbolic only")
        XCTAssertLessThan(italic.metrics.italicAngle, 0)
        XCTAssertEqual(italic.metrics.flags, 4 | 64, "symbolic + italic")
        XCTAssertGreaterThan(regular.metrics.ascent, 0)
        XCTAssertLessThan(regular.metrics.descent, 0)
        XCTAssertGreaterThan(regular.metrics.capHeight, 600)
        XCTAssertLessThan(regular.metrics.bbox.0, 0)
    }

    func testNotAFontIsRejected() {
        XCTAssertThrowsError(try PDFFont(fileData: Array("not a font".utf8))) { error in
            XCTAssertEqual((error as? PDFWriterError)?.code, .invalidFont)
        }
        XCTAssertThrowsError(try PDFFont(fileData: []))
    }
}
