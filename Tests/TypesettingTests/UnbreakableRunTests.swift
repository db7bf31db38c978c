import XCTest
@testable import Typesetting

/// Issue 14 item 5: long runs without break opportunities set correctly (timing is
/// `osteodoc-bench`'s job, not a test's): every line within the measure, every
/// character in the text layer, in order.
final class UnbreakableRunTests: XCTestCase {
    private func check(_ text: String, width: Double = 483.3, file: StaticString = #filePath, line: UInt = #line) throws {
        let layout = try Fixtures.typesetter.layout([TextSpan(text)], style: Fixtures.style(), width: width)
        XCTAssertFalse(layout.lines.isEmpty, file: file, line: line)
        for l in layout.lines { XCTAssertLessThanOrEqual(l.width, width + 0.01, file: file, line: line) }
        XCTAssertEqual(layout.lines.map(\.logicalText).joined(), text, file: file, line: line)
    }

    func testLongWordIsCutIntoLinesAtGraphemes() throws {
        let letters = Array("abcdefghilmnoprstuvz")
        try check(String((0..<20_000).map { letters[($0 * 7) % letters.count] }))
    }

    func testLetterWithManyCombiningMarks() throws {
        var scalars = String.UnicodeScalarView()
        scalars.append("a")
        for i in 0..<5_000 { scalars.append(Unicode.Scalar(0x0300 + UInt32(i % 0x30))!) }
        try check(String(scalars) + " fine")
    }

    func testLongArabicWordKeepsItsLetters() throws {
        let word = String(repeating: "سلام", count: 2_000)
        let layout = try Fixtures.typesetter.layout([TextSpan(word)], style: Fixtures.style("ar", direction: .rightToLeft), width: 300)
        XCTAssertEqual(layout.lines.map(\.logicalText).joined(), word)
        for l in layout.lines { XCTAssertLessThanOrEqual(l.width, 300.01) }
    }

    /// Segments of ordinary words are never cut: a word shorter than the segment limit is
    /// shaped as one piece (kerning and ligatures across the whole word).
    func testOrdinaryWordsAreOneSegment() throws {
        var paragraph = try Paragraph(spans: [TextSpan("Precipitevolissimevolmente osteoplastica")], direction: .auto,
                                      fonts: FontTable(Fixtures.library))
        try paragraph.shape(language: "it", cache: ShapeCache())
        XCTAssertEqual(paragraph.segments.count, 2)
    }
}
