import XCTest
@testable import Typesetting

final class LineBreakingTests: XCTestCase {
    let typesetter = Fixtures.typesetter

    /// The text of the lines without the breaks: spaces dropped at breaks,
    /// hyphens added at hyphenated breaks.
    private func joined(_ layout: ParagraphLayout) -> String {
        var result = ""
        for line in layout.lines {
            var text = line.logicalText
            if line.hyphenated { text.removeLast() }
            result += text
        }
        return result
    }

    private func withoutSpaces(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0 != " " }.map(Character.init))
    }

    func testNoLineIsWiderThanTheMeasure() throws {
        let paragraphs = Fixtures.italian + ["Il polimetilmetacrilato è un cemento: polimetilmetacrilato, polimetilmetacrilato."]
        for text in paragraphs {
            for width in [60.0, 75, 90, 120, 160, 220, 300, 450] {
                for alignment in [Alignment.justified, .start, .center, .end] {
                    for hyphenate in [true, false] {
                        let style = Fixtures.style(alignment: alignment, hyphenate: hyphenate)
                        let layout = try typesetter.layout([TextSpan(text)], style: style, width: width)
                        XCTAssertFalse(layout.lines.isEmpty)
                        for line in layout.lines {
                            XCTAssertLessThanOrEqual(line.width, width + 0.01, "\(width) \(alignment): \(line.logicalText)")
                            for run in line.runs {
                                XCTAssertGreaterThanOrEqual(run.x, -0.01)
                                XCTAssertLessThanOrEqual(run.x + run.width, width + 0.01, line.logicalText)
                            }
                        }
                        // Nothing lost or duplicated.
                        XCTAssertEqual(withoutSpaces(joined(layout)), withoutSpaces(text), "\(width) \(alignment)")
                        XCTAssertTrue(layout.lines.last!.isLast)
                        XCTAssertEqual(layout.lines.filter(\.isLast).count, 1)
                    }
                }
            }
        }
    }

    func testLongWordInNarrowColumnIsHyphenatedOrCut() throws {
        let text = "polimetilmetacrilato"
        for hyphenate in [true, false] {
            let layout = try typesetter.layout([TextSpan(text)], style: Fixtures.style(hyphenate: hyphenate), width: 60)
            XCTAssertGreaterThan(layout.lines.count, 1)
            for line in layout.lines { XCTAssertLessThanOrEqual(line.width, 60.01, line.logicalText) }
            XCTAssertEqual(joined(layout), text)
            XCTAssertEqual(layout.lines.dropLast().allSatisfy(\.hyphenated), hyphenate)
        }
        // Even narrower than any syllable: emergency cuts at grapheme boundaries.
        let tiny = try typesetter.layout([TextSpan(text)], style: Fixtures.style(), width: 15)
        for line in tiny.lines { XCTAssertLessThanOrEqual(line.width, 15.01, line.logicalText) }
        XCTAssertEqual(joined(tiny), text)
    }

    func testJustifiedLinesFillTheMeasure() throws {
        for text in Fixtures.italian {
            for width in [160.0, 200, 250, 300, 450] {
                for indent in [0.0, 15] {
                    let style = Fixtures.style(indent: indent)
                    let layout = try typesetter.layout([TextSpan(text)], style: style, width: width)
                    // From 30 em a paragraph that cannot be justified with spaces of at most twice
                    // their width, or without a hyphen before its last line, is set ragged instead.
                    let ragged = width >= Typesetter.raggedFallbackFrom * style.size
                        && layout.lines.dropLast().contains { abs($0.width - width) > 0.05 }
                    if ragged {
                        XCTAssertFalse(layout.lines.dropLast().last?.hyphenated ?? false, text)
                        continue
                    }
                    for line in layout.lines.dropLast() {
                        XCTAssertEqual(line.width, width, accuracy: 0.05, line.logicalText)
                        let right = line.runs.last!.x + line.runs.last!.width
                        XCTAssertEqual(right, width, accuracy: 0.05)
                    }
                    XCTAssertEqual(layout.lines[0].runs[0].x, indent, accuracy: 0.001)
                    XCTAssertLessThan(layout.lines.last!.width, width + 0.01)
                }
            }
        }
    }

    func testSpacesStretchInJustifiedLines() throws {
        let layout = try typesetter.layout([TextSpan(Fixtures.italian[1])], style: Fixtures.style(), width: 250)
        let natural = Fixtures.library.font(for: .latin, style: .regular).face.spaceAdvance * 11.5
        let spaces = layout.lines[0].runs.flatMap(\.glyphs).filter { $0.text == " " }
        XCTAssertFalse(spaces.isEmpty)
        // Within the limits of glue: natural − 1/3 … natural + tolerance-bounded stretch, all equal.
        XCTAssertGreaterThanOrEqual(spaces[0].advance, natural * 2 / 3 - 0.001)
        for space in spaces { XCTAssertEqual(space.advance, spaces[0].advance, accuracy: 1e-9) }
        // Glyph positions add up within each run.
        for run in layout.lines[0].runs {
            var pen = 0.0
            for glyph in run.glyphs {
                XCTAssertEqual(glyph.x - pen, 0, accuracy: 2)  // x offsets are small
                pen += glyph.advance
            }
            XCTAssertEqual(pen, run.width, accuracy: 1e-6)
        }
    }

    func testRaggedAlignments() throws {
        let text = Fixtures.italian[2]
        for alignment in [Alignment.start, .center, .end] {
            let layout = try typesetter.layout([TextSpan(text)], style: Fixtures.style(alignment: alignment), width: 220)
            for line in layout.lines {
                let left = line.runs.first!.x
                let right = line.runs.last!.x + line.runs.last!.width
                XCTAssertEqual(right - left, line.width, accuracy: 0.001)
                switch alignment {
                case .start: XCTAssertEqual(left, 0, accuracy: 0.001)
                case .end: XCTAssertEqual(right, 220, accuracy: 0.001)
                case .center: XCTAssertEqual(left, 220 - right, accuracy: 0.001)
                case .justified: break
                }
                // Ragged lines keep natural spaces.
                let spaces = line.runs.flatMap(\.glyphs).filter { $0.text == " " }
                for space in spaces { XCTAssertEqual(space.advance, spaces[0].advance, accuracy: 1e-9) }
            }
            XCTAssertLessThan(layout.lines.filter(\.hyphenated).count, layout.lines.count / 2)
        }
    }

    func testMixedStylesShareLineBreaking() throws {
        let spans = [
            TextSpan("Prima della procedura dovrà rimanere "),
            TextSpan("a digiuno per almeno sei ore", style: .bold),
            TextSpan(". Se assume farmaci anticoagulanti, "),
            TextSpan("come il warfarin, dovrà sospenderli cinque giorni prima", style: .italic),
            TextSpan(", secondo le indicazioni del medico. Osteo"),
            TextSpan("plastica", style: .boldItalic),
            TextSpan(" in grassetto."),
        ]
        let text = spans.map(\.text).joined()
        for width in [120.0, 200, 320] {
            let layout = try typesetter.layout(spans, style: Fixtures.style(), width: width)
            XCTAssertEqual(withoutSpaces(joined(layout)), withoutSpaces(text))
            let keys = Set(layout.lines.flatMap(\.runs).map(\.font.key))
            XCTAssertEqual(keys, ["NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic"])
            // Some line holds two styles.
            XCTAssertTrue(layout.lines.contains { Set($0.runs.map(\.font.key)).count > 1 })
            for line in layout.lines.dropLast() { XCTAssertEqual(line.width, width, accuracy: 0.05) }
            // A bold run holds exactly the bold characters of its range.
            for line in layout.lines {
                for run in line.runs where run.font.key == "NotoSans-Bold" {
                    var text = run.text
                    if line.hyphenated, run.glyphs.last?.text == "-" { text.removeLast() }
                    XCTAssertTrue("a digiuno per almeno sei ore".contains(text.trimmingCharacters(in: .whitespaces)),
                                  run.text)
                }
            }
        }
        // A word whose styles change inside it is still one word: no break at the change.
        let layout = try typesetter.layout(spans, style: Fixtures.style(hyphenate: false), width: 320)
        XCTAssertTrue(layout.lines.contains { $0.logicalText.contains("Osteoplastica") })
    }

    func testForcedLineBreaks() throws {
        let layout = try typesetter.layout([TextSpan("Ospedale San Martino\nRadiologia Interventistica\n\nGenova\n")],
                                           style: Fixtures.style(), width: 300)
        XCTAssertEqual(layout.lines.map(\.logicalText), ["Ospedale San Martino", "Radiologia Interventistica", "", "Genova"])
        // Lines ended by a newline are not stretched.
        XCTAssertLessThan(layout.lines[0].width, 200)
        XCTAssertEqual(layout.lines[2].runs.count, 0)
        XCTAssertGreaterThan(layout.lines[2].ascent, 0)
    }

    func testEmptyParagraphHasNoLines() throws {
        XCTAssertEqual(try typesetter.layout([], style: Fixtures.style(), width: 100).lines.count, 0)
        XCTAssertEqual(try typesetter.layout([TextSpan("")], style: Fixtures.style(), width: 100).lines.count, 0)
    }

    func testNoBreakSpaceKeepsWordsTogether() throws {
        let text = "dal dott.\u{00A0}Bianchi dal dott.\u{00A0}Bianchi dal dott.\u{00A0}Bianchi dal dott.\u{00A0}Bianchi"
        for width in [70.0, 90, 110] {
            let layout = try typesetter.layout([TextSpan(text)], style: Fixtures.style(hyphenate: false), width: width)
            for line in layout.lines {
                XCTAssertFalse(line.logicalText.hasSuffix("dott."), line.logicalText)
            }
            // The no-break space is set with the font's own U+00A0 glyph.
            let glyphs = layout.lines.flatMap(\.runs).flatMap(\.glyphs)
            let noBreak = glyphs.filter { $0.text == "\u{00A0}" }
            XCTAssertEqual(noBreak.count, 4)
            XCTAssertTrue(Set(noBreak.map(\.id)).isDisjoint(with: glyphs.filter { $0.text == " " }.map(\.id)))
        }
    }

    func testMeasure() throws {
        let style = Fixtures.style()
        let single = try typesetter.measure([TextSpan("Rossi")], style: style)
        let layout = try typesetter.layout([TextSpan("Rossi")], style: Fixtures.style(alignment: .start), width: 500)
        XCTAssertEqual(single, layout.lines[0].width, accuracy: 1e-9)
        let two = try typesetter.measure([TextSpan("Maria "), TextSpan("Rossi", style: .bold)], style: style)
        XCTAssertGreaterThan(two, single)
        XCTAssertEqual(try typesetter.measure([TextSpan("Maria Rossi\nGenova")], style: style),
                       try typesetter.measure([TextSpan("Maria Rossi")], style: style), accuracy: 1e-9)
        XCTAssertEqual(try typesetter.measure([], style: style), 0)
        // Kerning is applied: "AV" is narrower than "A" plus "V".
        let pair = try typesetter.measure([TextSpan("AV")], style: style)
        let apart = try typesetter.measure([TextSpan("A")], style: style) + typesetter.measure([TextSpan("V")], style: style)
        XCTAssertLessThan(pair, apart)
    }
}
