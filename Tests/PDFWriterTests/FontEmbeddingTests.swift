// Font embedding: /W arrays, subset tags, hb-subset output, font metrics.
import Typesetting
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
        let subset = try LoadedFont(bytes: bytes, key: "NotoSans-Regular").subset(glyphs: [a, z])
        XCTAssertLessThan(subset.count, bytes.count / 10, "subset \(subset.count) of \(bytes.count) bytes")
        // Table directory (OpenType spec): numTables at offset 4, 16-byte records from offset 12.
        let tableCount = Int(subset[4]) << 8 | Int(subset[5])
        let tags = (0..<tableCount).map { String(decoding: subset[(12 + 16 * $0)..<(16 + 16 * $0)], as: UTF8.self) }
        XCTAssertTrue(tags.contains("glyf") && tags.contains("loca") && tags.contains("hmtx"), "\(tags)")
        for dropped in ["GSUB", "GPOS", "GDEF", "kern", "fpgm", "prep"] {
            XCTAssertFalse(tags.contains(dropped), "\(dropped) should be dropped: \(tags)")
        }
        // The subset is a font HarfBuzz can read, with the same glyph ids.
        let reread = try PDFFont.load(fileData: subset)
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
        XCTAssertThrowsError(try PDFFont.load(fileData: Array("not a font".utf8))) { error in
            XCTAssertTrue(error is FontLoadingError, "\(error)")
        }
        XCTAssertThrowsError(try PDFFont.load(fileData: []))
    }

    /// The writer refuses facts it cannot embed, whoever read them.
    func testFactsWithoutOutlinesOrHeadAreRejected() {
        struct NoProgram: PDFFontProgram {
            func nominalGlyph(_ scalar: Unicode.Scalar) -> UInt16? { nil }
            func isMark(_ glyph: UInt16) -> Bool { false }
            func subset(glyphs: [UInt16]) throws -> [UInt8] { [] }
        }
        func facts(outlines: PDFFontFacts.Outlines, box: [Int16]?) -> PDFFontFacts {
            PDFFontFacts(postScriptName: "Test", fullName: "Test", unitsPerEm: 1000, advances: [500, 500],
                         ascender: 800, descender: -200, capHeight: 700, boundingBox: box,
                         italicAngle: 0, italicValue: 0, weightClass: 400, isFixedPitch: false,
                         familyClass: 0, outlines: outlines)
        }
        for bad in [facts(outlines: .none, box: [0, 0, 1, 1]), facts(outlines: .trueType, box: nil)] {
            XCTAssertThrowsError(try PDFFont(facts: bad, program: NoProgram())) { error in
                XCTAssertEqual((error as? PDFWriterError)?.code, .invalidFont)
            }
        }
        XCTAssertNoThrow(try PDFFont(facts: facts(outlines: .cff, box: [0, -200, 900, 800]), program: NoProgram()))
    }
}
