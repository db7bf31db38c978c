import XCTest
@testable import Typesetting

/// Issue 8 layout 7 and point 3: hyphens only where a paragraph cannot be set well without
/// them, never two hyphenated lines in a row, and no justified word space over twice its width.
final class HyphenFinesseTests: XCTestCase {
    let typesetter = Fixtures.typesetter

    /// The widest word space of each line relative to the font's natural space.
    private func spaceRatios(_ layout: ParagraphLayout) -> [Double] {
        layout.lines.map { line in
            line.runs.flatMap { run in
                run.glyphs.filter { $0.text == " " }.map { $0.advance / (run.font.advance(of: $0.id) * run.size) }
            }.max() ?? 1
        }
    }

    /// The Italian consent's "Capire." item (a list item, 485.3 pt): justified, it could only be
    /// set with "inter-" before a last line "prete." or with spaces over twice their width; it
    /// is set ragged instead. (Before: "… anche con un inter-" / "prete.")
    func testNoHyphenBeforeTheLastLineAsALastResort() throws {
        let style = Fixtures.style(alignment: .justified, hyphenate: true)
        let layout = try typesetter.layout([TextSpan("Capire.", style: .bold),
                                            TextSpan(" Ha diritto a spiegazioni chiare, con parole semplici. Se serve, anche con un interprete.")],
                                           style: style, width: 485.3)
        XCTAssertEqual(layout.lines.count, 2)
        XCTAssertFalse(layout.lines[0].hyphenated, layout.lines[0].logicalText)
        XCTAssertEqual(layout.lines[1].logicalText, "interprete.")
        XCTAssertEqual(spaceRatios(layout).max() ?? 0, 1, accuracy: 0.01, "ragged: spaces at their natural width")
    }

    /// Justified paragraphs on a full measure never stretch a space past 2 × (the final pass
    /// would; such a paragraph is set ragged), in any of the fixtures' languages.
    func testNoJustifiedSpaceOverTwiceItsWidth() throws {
        for text in Fixtures.italian {
            for width in [360.0, 420, 485.3, 505.3] {
                let layout = try typesetter.layout([TextSpan(text)], style: Fixtures.style(), width: width)
                XCTAssertLessThanOrEqual(spaceRatios(layout).max() ?? 1, Typesetter.widestJustifiedSpace + 0.005, "\(width): \(text)")
            }
        }
    }

    /// Never two hyphenated lines in a row where the second could end at a word space, on every
    /// pass and measure; a word wider than the measure is still cut into pieces (the emergency
    /// cuts of the final pass), and its pieces may each end in a hyphen.
    func testNeverTwoHyphenatedLinesInARow() throws {
        let text = "Il polimetilmetacrilato indurisce: polimetilmetacrilato, polimetilmetacrilato e ancora polimetilmetacrilato."
        for width in stride(from: 70.0, through: 300, by: 10) {
            let layout = try typesetter.layout([TextSpan(text)], style: Fixtures.style(), width: width)
            for (a, b) in zip(layout.lines, layout.lines.dropFirst()) where a.hyphenated && b.hyphenated {
                XCTAssertFalse(b.logicalText.dropLast().contains(" "), "\(width): \(a.logicalText) / \(b.logicalText)")
            }
        }
        let word = String(repeating: "polimetilmetacrilato", count: 3)
        let pieces = try typesetter.layout([TextSpan(word)], style: Fixtures.style(), width: 80)
        XCTAssertGreaterThan(pieces.lines.count, 3)
        for line in pieces.lines { XCTAssertLessThanOrEqual(line.width, 80.01, line.logicalText) }
    }

    /// Issue 8 layout 5: in a table cell only a word that cannot fit is hyphenated; the other
    /// words of the same cell stay whole (before: one word too wide hyphenated the whole cell).
    func testOnlyAWordWiderThanTheMeasureIsHyphenated() throws {
        let text = "Staatsangehörigkeitsbescheinigung und Antikoagulanzien oder Thrombozytenaggregationshemmer"
        var cell = Fixtures.style("de", alignment: .start)
        cell.hyphenateOnlyOverwideWords = true
        var whole = cell
        whole.hyphenateOnlyOverwideWords = false
        var wholeCellCutsAFittingWord = false
        for width in stride(from: 95.0, through: 160, by: 5) {
            let words = text.split(separator: " ").map(String.init)
            let fitting = try words.filter { try typesetter.measure([TextSpan($0)], style: cell) <= width }
            XCTAssertTrue(fitting.contains("Antikoagulanzien"), "\(width)")
            let layout = try typesetter.layout([TextSpan(text)], style: cell, width: width)
            for line in layout.lines where line.hyphenated {
                let last = String(line.logicalText.dropLast().split(separator: " ").last ?? "")
                XCTAssertFalse(fitting.contains { $0.hasPrefix(last) }, "\(width): \(line.logicalText)")
            }
            XCTAssertTrue(layout.lines.contains { $0.hyphenated }, "the over-wide words are still hyphenated at \(width)")
            for line in layout.lines { XCTAssertLessThanOrEqual(line.width, width + 0.01, line.logicalText) }
            let before = try typesetter.layout([TextSpan(text)], style: whole, width: width)
            if before.lines.contains(where: { line in
                line.hyphenated && fitting.contains { $0.hasPrefix(String(line.logicalText.dropLast().split(separator: " ").last ?? "")) }
            }) { wholeCellCutsAFittingWord = true }
        }
        XCTAssertTrue(wholeCellCutsAFittingWord, "the text shows the difference at some width")
    }
}
