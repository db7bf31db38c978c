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
        <00> <FF>
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
            (code: 0x24, text: "A"), (code: 0x25, text: "B"), (code: 0x26, text: "C"),  // range
            (code: 0x30, text: "x"),                                                   // single
            (code: 0x40, text: "fi"),                                                  // ligature: all its characters
            (code: 0x41, text: "😀"),                                                  // non-BMP: surrogate pair
        ])
        let expected = header + """
            3 beginbfchar
            <30> <0078>
            <40> <00660069>
            <41> <D83DDE00>
            endbfchar
            1 beginbfrange
            <24> <26> <0041>
            endbfrange

            """ + footer
        XCTAssertEqual(String(decoding: program, as: UTF8.self), expected)
    }

    func testRangeDestinationDoesNotWrapItsLastByte() {
        let program = String(decoding: ToUnicodeCMap.program([
            (code: 10, text: "\u{00FE}"), (code: 11, text: "\u{00FF}"), (code: 12, text: "\u{0100}"),
        ]), as: UTF8.self)
        XCTAssertTrue(program.contains("1 beginbfrange\n<0A> <0B> <00FE>\nendbfrange"), program)
        XCTAssertTrue(program.contains("1 beginbfchar\n<0C> <0100>\nendbfchar"), program)
    }

    func testBlocksHoldAtMostOneHundredEntries() {
        // Every other code, so nothing forms a range.
        let mappings = (0..<120).map { (code: UInt8(2 * $0 + 1), text: "a") }
        let program = String(decoding: ToUnicodeCMap.program(mappings), as: UTF8.self)
        XCTAssertTrue(program.contains("100 beginbfchar\n"))
        XCTAssertTrue(program.contains("20 beginbfchar\n"))
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
        let usage = FontUsage(font: font, objects: .init(cidFont: 2, descriptor: 3, fontFile: 4))
        let e = try XCTUnwrap(font.nominalGlyph("e")), acute = try XCTUnwrap(font.nominalGlyph("\u{0301}"))
        let x = try XCTUnwrap(font.nominalGlyph("x"))
        usage.recordText(x, "")
        usage.recordText(x, "x")
        usage.recordText(x, "X")
        // "e" + combining acute shown as two glyphs, the first carrying the cluster.
        usage.recordCluster([PDFGlyph(id: e, x: 0, y: 0, text: "e\u{0301}"), PDFGlyph(id: acute, x: 0, y: 0, text: "")],
                            text: "e\u{0301}")
        usage.markUsed([x, e, acute])
        XCTAssertEqual(usage.texts, [x: "x", e: "e", acute: "\u{0301}"])
        XCTAssertEqual(usage.glyphs, [x, e, acute].sorted())
    }
}
