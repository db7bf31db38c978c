// Byte-exact content streams (ISO 32000-1 §8.5, §9.4).
import XCTest
@testable import PDFWriter

final class ContentStreamTests: XCTestCase {
    /// The record of `font` for a document that shows `glyphs`, codes assigned.
    private func usage(_ font: PDFFont, glyphs: [UInt16]) -> FontUsage {
        let usage = FontUsage(font: font, objects: .init(cidFont: 2, descriptor: 3, fontFile: 4))
        usage.markUsed(glyphs)
        var resourceNumber = 1
        var object = 10
        usage.assignCodes(resourceNumber: &resourceNumber) { object += 1; return object }
        return usage
    }

    /// The one-byte code of `glyph`, as the character a test's expected text shows.
    private func code(_ usage: FontUsage, _ glyph: UInt16) -> String {
        String(UnicodeScalar(usage.code(of: glyph).code))
    }

    func testGraphicsWriteStateOnlyWhenItChanges() throws {
        var content = ContentStream(page: 0)
        try content.paint(.line(x1: 10, y1: 20.5, x2: 100, y2: 20.5, width: 0.5, gray: 0.25))
        try content.paint(.line(x1: 10, y1: 30, x2: 100, y2: 30, width: 0.5, gray: 0.25))
        try content.paint(.rect(x: 0, y: 0, width: 50, height: 25, stroke: 1, fill: 0.9))
        try content.paint(.rect(x: 1, y: 1, width: 2, height: 2, stroke: nil, fill: nil))
        try content.paint(.rect(x: 5, y: 5, width: 10, height: -10, stroke: nil, fill: 0.9))
        try content.paint(.path([.move(0, 0), .line(10, 0), .curve(10, 5, 5, 10, 0, 10), .close],
                                stroke: nil, fill: 0, evenOdd: true))
        try content.paint(.path([.move(1, 1), .line(2, 2)], stroke: 2, fill: nil, evenOdd: false))
        content.finish()
        XCTAssertEqual(String(decoding: content.out, as: UTF8.self), """
            0.5 w
            0.25 G
            10 20.5 m 100 20.5 l S
            10 30 m 100 30 l S
            1 w
            0 G
            0.9 g
            0 0 50 25 re B
            5 5 10 -10 re f
            0 g
            0 0 m
            10 0 l
            10 5 5 10 0 10 c
            h
            f*
            2 w
            1 1 m
            2 2 l
            S

            """)
    }

    func testInvalidGraphicsThrow() {
        var content = ContentStream(page: 3)
        XCTAssertThrowsError(try content.paint(.line(x1: .nan, y1: 0, x2: 1, y2: 1, width: 1, gray: 0))) {
            XCTAssertEqual(($0 as? PDFWriterError)?.code, .invalidValue)
            XCTAssertEqual(($0 as? PDFWriterError)?.page, 3)
        }
        XCTAssertThrowsError(try content.paint(.rect(x: 0, y: 0, width: 1, height: 1, stroke: nil, fill: 1.5)))
        XCTAssertThrowsError(try content.paint(.rect(x: 0, y: 0, width: 1, height: 1, stroke: -1, fill: nil)))
        XCTAssertThrowsError(try content.paint(.path([.line(1, 1)], stroke: 1, fill: nil, evenOdd: false))) {
            XCTAssertEqual(($0 as? PDFWriterError)?.code, .invalidPath)
        }
    }

    /// One Tf, one Td and one TJ per run; a TJ number only where a glyph is not
    /// where the font's advance puts it; Ts for vertical offsets; Td relative
    /// to the previous line; g only when the gray changes.
    func testTextRunsUseFewOperators() throws {
        let font = try Fonts.load("NotoSans-Regular.ttf").pdf
        let a = try XCTUnwrap(font.nominalGlyph("A")), v = try XCTUnwrap(font.nominalGlyph("V"))
        let two = try XCTUnwrap(font.nominalGlyph("2"))
        let regular = usage(font, glyphs: [a, v, two])
        // Codes in glyph order, from the first byte of the code space.
        XCTAssertEqual([two, a, v].map { regular.code(of: $0).code }, [0, 1, 2])
        let wA = font.widths[Int(a)], wV = font.widths[Int(v)]
        XCTAssertEqual(wA, 639)
        XCTAssertEqual(wV, 600)

        var content = ContentStream(page: 0)
        // "AVA" at 10 pt with V kerned 0.5 pt to the left, then a raised "2".
        let glyphs = [
            PDFGlyph(id: a, x: 0, y: 0, text: "A"),
            PDFGlyph(id: v, x: 6.39 - 0.5, y: 0, text: "V"),
            PDFGlyph(id: a, x: 6.39 - 0.5 + 6.0, y: 0, text: "A"),
            PDFGlyph(id: two, x: 18.28, y: 3, text: "2"),
        ]
        try content.show(PDFTextRun(font: font, size: 10, x: 72, y: 700, glyphs: glyphs), usage: regular, runIndex: 0)
        // Same font and size on the next line, gray text.
        try content.show(PDFTextRun(font: font, size: 10, x: 72, y: 686.5, glyphs: [PDFGlyph(id: a, x: 0, y: 0, text: "A")], gray: 0.5),
                         usage: regular, runIndex: 1)
        content.finish()
        XCTAssertEqual(String(decoding: content.out, as: UTF8.self), """
            BT
            /F1 10 Tf
            72 700 Td
            [(\(code(regular, a)))50(\(code(regular, v))\(code(regular, a)))] TJ
            3 Ts
            [(\(code(regular, two)))] TJ
            0.5 g
            0 Ts
            0 -13.5 Td
            [(\(code(regular, a)))] TJ
            ET

            """)
        XCTAssertEqual(regular.glyphs, [a, v, two].sorted())
    }

    func testGlyphZeroAndUnknownGlyphsThrowWithTheirPosition() throws {
        let font = try Fonts.load("NotoSans-Regular.ttf").pdf
        var content = ContentStream(page: 1)
        let run = PDFTextRun(font: font, size: 12, x: 0, y: 0,
                             glyphs: [PDFGlyph(id: 36, x: 0, y: 0, text: "A"), PDFGlyph(id: 0, x: 7, y: 0, text: "?")])
        XCTAssertThrowsError(try content.show(run, usage: usage(font, glyphs: [36]), runIndex: 4)) { error in
            let error = error as? PDFWriterError
            XCTAssertEqual(error?.code, .notdefGlyph)
            XCTAssertEqual(error?.page, 1)
            XCTAssertEqual(error?.run, 4)
            XCTAssertEqual(error?.glyph, 1)
        }
        let outside = PDFTextRun(font: font, size: 12, x: 0, y: 0, glyphs: [PDFGlyph(id: 60000, x: 0, y: 0, text: "?")])
        XCTAssertThrowsError(try content.show(outside, usage: usage(font, glyphs: [36]), runIndex: 0)) { error in
            XCTAssertEqual((error as? PDFWriterError)?.code, .glyphOutOfRange)
        }
        let badSize = PDFTextRun(font: font, size: 0, x: 0, y: 0, glyphs: [PDFGlyph(id: 36, x: 0, y: 0, text: "A")])
        XCTAssertThrowsError(try content.show(badSize, usage: usage(font, glyphs: [36]), runIndex: 0))
    }
}
