import XCTest
@testable import Typesetting

final class BidiTests: XCTestCase {
    let typesetter = Fixtures.typesetter

    func testArabicRunsAreRightToLeftWithRealGlyphs() throws {
        let text = "السلام عليكم، لا تأكل قبل العملية بست ساعات."
        let layout = try typesetter.layout([TextSpan(text)], style: Fixtures.style("ar", direction: .auto), width: 400)
        XCTAssertEqual(layout.lines.count, 1)
        let line = layout.lines[0]
        XCTAssertTrue(line.runs.allSatisfy(\.isRightToLeft))
        XCTAssertTrue(line.runs.allSatisfy { $0.font.key == "NotoNaskhArabic-Regular" })
        XCTAssertTrue(line.runs.flatMap(\.glyphs).allSatisfy { $0.id != 0 })
        XCTAssertEqual(line.logicalText, text)
        // Start alignment in a right-to-left paragraph is flush right.
        XCTAssertEqual(line.runs.last!.x + line.runs.last!.width, 400, accuracy: 0.001)
    }

    func testLamAlefIsShapedWithTheRequiredLigature() throws {
        // Noto Naskh Arabic draws lam-alef as two contextual glyphs (its
        // `rlig` substitutes special forms of lam and alef, no single glyph):
        // check those forms are used instead of the isolated letters.
        let naskh = Fixtures.library.font(for: .arabic, style: .regular)
        let layout = try typesetter.layout([TextSpan("لا")], style: Fixtures.style("ar", direction: .rightToLeft), width: 100)
        let glyphs = layout.lines[0].runs.flatMap(\.glyphs)
        XCTAssertTrue(glyphs.allSatisfy { $0.id != 0 })
        let isolated = try typesetter.layout([TextSpan("ل ا")], style: Fixtures.style("ar", direction: .rightToLeft), width: 100)
            .lines[0].runs.flatMap(\.glyphs).filter { $0.text != " " }.map(\.id)
        XCTAssertTrue(Set(glyphs.map(\.id)).isDisjoint(with: isolated), "\(glyphs.map(\.id)) vs \(isolated)")
        XCTAssertEqual(layout.lines[0].logicalText, "لا")
        XCTAssertEqual(naskh.key, "NotoNaskhArabic-Regular")

        // A font with a lam-alef ligature glyph (Noto Sans Arabic) gets one
        // glyph for the two letters, carrying both.
        let sansArabic = try FontLibrary(arabicFamily: "NotoSansArabic")
        let other = Typesetter(fonts: sansArabic)
        let ligature = try other.layout([TextSpan("لا")], style: Fixtures.style("ar", direction: .rightToLeft), width: 100)
        let ligatureGlyphs = ligature.lines[0].runs.flatMap(\.glyphs)
        XCTAssertLessThan(ligatureGlyphs.count, "لا".unicodeScalars.count)
        XCTAssertEqual(ligatureGlyphs.first?.text, "لا")
        XCTAssertTrue(ligatureGlyphs.allSatisfy { $0.id != 0 })
        let word = try other.layout([TextSpan("ولا السلام")], style: Fixtures.style("ar", direction: .rightToLeft), width: 200)
        XCTAssertLessThan(word.lines[0].runs.flatMap(\.glyphs).count, "ولا السلام".unicodeScalars.count)
        XCTAssertEqual(word.lines[0].logicalText, "ولا السلام")
    }

    func testLatinNameAndDigitsInArabicParagraph() throws {
        let text = Fixtures.arabicMixed
        let layout = try typesetter.layout([TextSpan(text)], style: Fixtures.style("ar", direction: .rightToLeft), width: 450)
        XCTAssertEqual(layout.lines.count, 1)
        let line = layout.lines[0]
        XCTAssertEqual(line.logicalText, text)
        func run(containing fragment: String) -> GlyphRun {
            line.runs.first { $0.text.contains(fragment) }!
        }
        let rossi = run(containing: "Rossi")
        XCTAssertFalse(rossi.isRightToLeft)
        XCTAssertEqual(rossi.font.key, "NotoSans-Regular")
        XCTAssertEqual(rossi.glyphs.map(\.text).joined(), "Rossi")  // LTR glyphs in reading order
        let before = run(containing: "محمد")   // logically before "Rossi": to its right
        let after = run(containing: "يحضر")    // logically after: to its left
        XCTAssertLessThanOrEqual(rossi.x + rossi.width, before.x + 0.001)
        XCTAssertLessThanOrEqual(after.x + after.width, rossi.x + 0.001)
        // Numbers read left to right and sit where the Arabic text puts them.
        let time = run(containing: "9:30"), year = run(containing: "2026")
        XCTAssertFalse(time.isRightToLeft)
        XCTAssertEqual(time.text, "9:30")
        XCTAssertLessThan(time.x, after.x)
        XCTAssertLessThan(year.x, time.x)
        // The final full stop ends the sentence on the left.
        XCTAssertEqual(line.runs.first!.text, ".")
        // Runs are in visual order and do not overlap.
        for (left, right) in zip(line.runs, line.runs.dropFirst()) {
            XCTAssertEqual(left.x + left.width, right.x, accuracy: 0.001)
        }
        XCTAssertEqual(line.runs.last!.x + line.runs.last!.width, 450, accuracy: 0.001)
    }

    func testMixedParagraphBrokenIntoLinesKeepsLogicalOrder() throws {
        let text = String(repeating: Fixtures.arabicMixed + " ", count: 3).trimmingCharacters(in: .whitespaces)
        for width in [80.0, 150, 260] {
            for alignment in [Alignment.justified, .start] {
                let layout = try typesetter.layout([TextSpan(text)],
                                                   style: Fixtures.style("ar", alignment: alignment, direction: .rightToLeft),
                                                   width: width)
                let joined = layout.lines.map(\.logicalText).joined(separator: " ")
                XCTAssertEqual(joined, text)
                for line in layout.lines {
                    XCTAssertLessThanOrEqual(line.width, width + 0.01)
                    XCTAssertFalse(line.hyphenated)
                    XCTAssertTrue(line.runs.flatMap(\.glyphs).allSatisfy { $0.id != 0 })
                    // Flush right: the rightmost run ends at the measure.
                    XCTAssertEqual(line.runs.last!.x + line.runs.last!.width, width, accuracy: 0.05)
                }
                if alignment == .justified {
                    for line in layout.lines.dropLast() where line.runs.flatMap(\.glyphs).contains(where: { $0.text == " " }) {
                        XCTAssertEqual(line.width, width, accuracy: 0.05)
                        XCTAssertEqual(line.runs.first!.x, 0, accuracy: 0.05)
                    }
                }
            }
        }
    }

    func testAutoDirectionFollowsFirstStrongCharacter() throws {
        let arabicFirst = try typesetter.layout([TextSpan("2026 محمد Rossi")], style: Fixtures.style("ar", alignment: .start), width: 300)
        XCTAssertEqual(arabicFirst.lines[0].runs.last!.x + arabicFirst.lines[0].runs.last!.width, 300, accuracy: 0.001)
        let latinFirst = try typesetter.layout([TextSpan("Rossi محمد")], style: Fixtures.style("it", alignment: .start), width: 300)
        XCTAssertEqual(latinFirst.lines[0].runs.first!.x, 0, accuracy: 0.001)
        XCTAssertEqual(latinFirst.lines[0].runs.first!.text, "Rossi ")
    }

    func testRightToLeftIndentIsOnTheRight() throws {
        let layout = try typesetter.layout([TextSpan("يجب على المريض أن يحضر")],
                                           style: Fixtures.style("ar", alignment: .start, direction: .rightToLeft, indent: 20),
                                           width: 300)
        let line = layout.lines[0]
        XCTAssertEqual(line.runs.last!.x + line.runs.last!.width, 280, accuracy: 0.001)
    }

    func testLatinTextInRightToLeftParagraph() throws {
        // A left-to-right phrase keeps its order inside a right-to-left paragraph.
        let layout = try typesetter.layout([TextSpan("Ospedale San Martino")],
                                           style: Fixtures.style("ar", alignment: .start, direction: .rightToLeft), width: 300)
        let line = layout.lines[0]
        XCTAssertEqual(line.runs.count, 1)
        XCTAssertFalse(line.runs[0].isRightToLeft)
        XCTAssertEqual(line.runs[0].bidiLevel, 2)
        XCTAssertEqual(line.runs[0].text, "Ospedale San Martino")
        XCTAssertEqual(line.runs[0].x + line.runs[0].width, 300, accuracy: 0.001)
    }

    func testRaggedAlignmentsMirrorInRightToLeftParagraphs() throws {
        let text = "يجب على المريض أن يحضر"
        func edges(_ alignment: Alignment) throws -> (Double, Double) {
            let line = try typesetter.layout([TextSpan(text)],
                                             style: Fixtures.style("ar", alignment: alignment, direction: .rightToLeft),
                                             width: 300).lines[0]
            return (line.runs.first!.x, line.runs.last!.x + line.runs.last!.width)
        }
        XCTAssertEqual(try edges(.start).1, 300, accuracy: 0.001)
        XCTAssertEqual(try edges(.justified).1, 300, accuracy: 0.001)  // a last line is set like .start
        XCTAssertEqual(try edges(.end).0, 0, accuracy: 0.001)
        let (left, right) = try edges(.center)
        XCTAssertEqual(left, 300 - right, accuracy: 0.001)
    }
}
