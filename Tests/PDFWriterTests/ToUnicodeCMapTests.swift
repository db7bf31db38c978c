// ToUnicode CMaps (ISO 32000-1 §9.10.3) and the per-document glyph record.
import XCTest
@testable import PDFWriter

final class ToUnicodeCMapTests: XCTestCase {
    private let header = """
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange

        """
    private let footer = """
        endcmap
        CMapName currentdict /CMap defineresource pop
        end
        end

        """

    func testRangesCharsLigaturesAndSurrogates() {
        let program = ToUnicodeCMap.program([
            (glyph: 0x0024, text: "A"), (glyph: 0x0025, text: "B"), (glyph: 0x0026, text: "C"),  // range
            (glyph: 0x0030, text: "x"),                                                         // single
            (glyph: 0x00FF, text: "y"), (glyph: 0x0100, text: "z"),  // consecutive, but the high byte changes
            (glyph: 0x0200, text: "fi"),                             // ligature: all its characters
            (glyph: 0x0201, text: "😀"),                             // non-BMP: surrogate pair
        ])
        let expected = header + """
            5 beginbfchar
            <0030> <0078>
            <00FF> <0079>
            <0100> <007A>
            <0200> <00660069>
            <0201> <D83DDE00>
            endbfchar
            1 beginbfrange
            <0024> <0026> <0041>
            endbfrange

            """ + footer
        XCTAssertEqual(String(decoding: program, as: UTF8.self), expected)
    }

    func testRangeDestinationDoesNotWrapItsLastByte() {
        let program = String(decoding: ToUnicodeCMap.program([
            (glyph: 10, text: "\u{00FE}"), (glyph: 11, text: "\u{00FF}"), (glyph: 12, text: "\u{0100}"),
        ]), as: UTF8.self)
        XCTAssertTrue(program.contains("1 beginbfrange\n<000A> <000B> <00FE>\nendbfrange"), program)
        XCTAssertTrue(program.contains("1 beginbfchar\n<000C> <0100>\nendbfchar"), program)
    }

    func testBlocksHoldAtMostOneHundredEntries() {
        // Every other glyph id, so nothing forms a range.
        let mappings = (0..<150).map { (glyph: UInt16(2 * $0 + 1), text: "a") }
        let program = String(decoding: ToUnicodeCMap.program(mappings), as: UTF8.self)
        XCTAssertTrue(program.contains("100 beginbfchar\n"))
        XCTAssertTrue(program.contains("50 beginbfchar\n"))
    }

    /// Right-to-left glyphs that stand for several characters are written in
    /// visual order (see `ToUnicodeCMap.destination`); everything else logical.
    func testRightToLeftMultiCharacterTextIsWrittenInVisualOrder() {
        XCTAssertEqual(ToUnicodeCMap.destination("لا"), [0x0627, 0x0644])
        XCTAssertEqual(ToUnicodeCMap.destination("لله"), [0x0647, 0x0644, 0x0644])
        XCTAssertEqual(ToUnicodeCMap.destination("ل"), [0x0644])
        XCTAssertEqual(ToUnicodeCMap.destination("ffi"), [0x66, 0x66, 0x69])
        XCTAssertEqual(ToUnicodeCMap.destination("שׁ"), [0x05C1, 0x05E9])
    }

    func testFirstNonEmptyTextWinsAndClustersAreSplitOverTheirGlyphs() throws {
        let font = try Fonts.load("NotoSans-Regular.ttf").pdf
        let usage = FontUsage(font: font, resourceNumber: 1,
                              objects: .init(type0: 1, cidFont: 2, descriptor: 3, fontFile: 4, toUnicode: 5))
        let e = try XCTUnwrap(font.nominalGlyph("e")), acute = try XCTUnwrap(font.nominalGlyph("\u{0301}"))
        let x = try XCTUnwrap(font.nominalGlyph("x"))
        usage.recordText(x, "")
        usage.recordText(x, "x")
        usage.recordText(x, "X")
        // "e" + combining acute shown as two glyphs, the first carrying the cluster.
        usage.recordCluster([PDFGlyph(id: e, x: 0, y: 0, text: "e\u{0301}"), PDFGlyph(id: acute, x: 0, y: 0, text: "")],
                            text: "e\u{0301}")
        for glyph in [x, e, acute] { usage.markUsed(glyph) }
        XCTAssertEqual(usage.texts, [x: "x", e: "e", acute: "\u{0301}"])
        XCTAssertEqual(usage.glyphs, [x, e, acute].sorted())
    }
}
