import XCTest
@testable import Typesetting

final class HyphenationTests: XCTestCase {
    private func hyphenated(_ word: String, _ language: String) -> String {
        guard let hyphenator = Hyphenator.forLanguage(language) else { return word }
        let scalars = Array(word.unicodeScalars)
        let points = Set(hyphenator.points(scalars))
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            if points.contains(index) { result += "-" }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    func testItalianPoints() {
        // At least three letters after the last break (issue 8 point 7).
        XCTAssertEqual(hyphenated("osteoplastica", "it"), "oste-o-pla-stica")
        XCTAssertEqual(hyphenated("polimetilmetacrilato", "it"), "po-li-me-til-me-ta-cri-lato")
        XCTAssertEqual(hyphenated("città", "it"), "città")
        XCTAssertEqual(hyphenated("Cementoplastica", "it"), "Ce-men-to-pla-stica")
    }

    func testOtherDictionaries() {
        XCTAssertEqual(hyphenated("Krankenhaus", "de"), "Kran-ken-haus")       // ISO 8859-1 dictionary
        XCTAssertEqual(hyphenated("Betäubung", "de-CH"), "Be-täu-bung")
        XCTAssertEqual(hyphenated("générale", "fr"), "gé-né-rale")            // UTF-8, multi-byte letters
        XCTAssertEqual(hyphenated("procedure", "en"), "pro-ce-dure")
        XCTAssertNil(Hyphenator.forLanguage("ar"))                           // no dictionary for Arabic
        XCTAssertNotNil(Hyphenator.forLanguage("uk"))                        // hyphen-uk
        XCTAssertNotNil(Hyphenator.forLanguage("ro"))                        // hyphen-ro
        XCTAssertFalse(Hyphenator.forLanguage("uk")!.points(Array("знеболення".unicodeScalars)).isEmpty)
        XCTAssertFalse(Hyphenator.forLanguage("ro")!.points(Array("anestezie".unicodeScalars)).isEmpty)
        XCTAssertTrue(Hyphenator.forLanguage("it") === Hyphenator.forLanguage("it-IT"))
    }

    func testJustifiedNarrowTextIsHyphenatedAtDictionaryPoints() throws {
        let text = "Si esegue l'osteoplastica percutanea: la cementoplastica consolida l'osso con polimetilmetacrilato."
        let layout = try Fixtures.typesetter.layout([TextSpan(text)], style: Fixtures.style(), width: 110)
        let hyphenatedLines = layout.lines.filter(\.hyphenated)
        XCTAssertFalse(hyphenatedLines.isEmpty)
        let allowed = ["oste-o-pla-sti-ca", "per-cu-ta-nea", "ce-men-to-pla-sti-ca", "con-so-li-da",
                       "po-li-me-til-me-ta-cri-la-to", "ese-gue"]
        for (index, line) in layout.lines.enumerated() where line.hyphenated {
            XCTAssertTrue(line.logicalText.hasSuffix("-"))
            let head = String(line.logicalText.split(separator: " ").last!.dropLast())
                .replacingOccurrences(of: "l'", with: "")
            let tail = String(layout.lines[index + 1].logicalText.split(separator: " ").first!)
                .trimmingCharacters(in: .punctuationCharacters)
            // The break is one of the dictionary's points of that word.
            let pattern = allowed.first { $0.replacingOccurrences(of: "-", with: "") == head + tail }
            XCTAssertNotNil(pattern, "\(head)-\(tail)")
            if let pattern {
                let prefixes = (1..<pattern.split(separator: "-").count).map {
                    pattern.split(separator: "-").prefix($0).joined()
                }
                XCTAssertTrue(prefixes.contains(head), "\(head)-\(tail) not at a point of \(pattern)")
            }
            // The hyphen glyph is the font's hyphen, carrying "-".
            let last = line.runs.last!.glyphs.last!
            XCTAssertEqual(last.text, "-")
            XCTAssertNotEqual(last.id, 0)
        }
    }

    func testNoHyphenationWithoutNeed() throws {
        // At this measure the first pass (no hyphenation, tolerance 100) succeeds.
        let layout = try Fixtures.typesetter.layout([TextSpan(Fixtures.italian[1])], style: Fixtures.style(), width: 380)
        XCTAssertTrue(layout.lines.allSatisfy { !$0.hyphenated })
    }

    func testNeverHyphenatedWords() throws {
        // Acronyms, words with digits, languages without dictionary, hyphenate = false.
        let cases: [(String, String, Bool)] = [
            ("RADIOLOGIA INTERVENTISTICA OSPEDALE", "it", true),
            ("PMMA2026abc PMMA2026abc PMMA2026abc", "it", true),
            ("Остеопластика цементопластика остеопластика", "uk", true),
            ("cementoplastica osteoplastica cementoplastica", "it", false),
        ]
        for (text, language, hyphenate) in cases {
            let layout = try Fixtures.typesetter.layout([TextSpan(text)],
                                                        style: Fixtures.style(language, hyphenate: hyphenate), width: 90)
            XCTAssertTrue(layout.lines.allSatisfy { !$0.hyphenated }, text)
            for line in layout.lines { XCTAssertLessThanOrEqual(line.width, 90.01) }
        }
    }

    func testApostropheElisionIsNotABreak() throws {
        let layout = try Fixtures.typesetter.layout([TextSpan("l'osso dell'anca e l'osso dell'omero")],
                                                    style: Fixtures.style(), width: 40)
        for line in layout.lines { XCTAssertFalse(line.logicalText.hasSuffix("'"), line.logicalText) }
    }

    func testARunOfApostrophesIsCutWhenNothingElseFits() throws {
        // Found by the Paragraph fuzzer: the elision rule kept 100 apostrophes in one unbreakable piece.
        for (text, width) in [(String(repeating: "'", count: 100), 20.0), ("WWW'WWW\u{2019}WWW", 20.0)] {
            let layout = try Fixtures.typesetter.layout([TextSpan(text, style: .bold)], style: Fixtures.style(), width: width)
            XCTAssertGreaterThan(layout.lines.count, 1, text)
            for line in layout.lines { XCTAssertLessThanOrEqual(line.width, width + 0.01, line.logicalText) }
        }
    }

    func testSoftHyphenIsADiscretionaryHyphen() throws {
        let text = "Radiologia inter\u{00AD}ventistica e poi la sala"
        let layout = try Fixtures.typesetter.layout([TextSpan(text)], style: Fixtures.style(hyphenate: false), width: 60)
        let broken = layout.lines.filter(\.hyphenated)
        XCTAssertFalse(broken.isEmpty)
        for line in broken {
            XCTAssertTrue(line.logicalText.hasSuffix("inter-"), line.logicalText)
            XCTAssertTrue(line.runs.flatMap(\.glyphs).allSatisfy { $0.id != 0 })
        }
        for line in layout.lines { XCTAssertLessThanOrEqual(line.width, 100.01) }
    }

    func testSoftHyphenInArabicUsesTheFontsHyphen() throws {
        // Noto Naskh Arabic has no U+002D: the added hyphen is its U+2010.
        let text = "المستشفى\u{00AD}الجامعي المستشفى\u{00AD}الجامعي"
        let layout = try Fixtures.typesetter.layout([TextSpan(text)], style: Fixtures.style("ar", direction: .rightToLeft), width: 60)
        let broken = layout.lines.filter(\.hyphenated)
        XCTAssertFalse(broken.isEmpty)
        for line in broken {
            let hyphen = line.runs.flatMap(\.glyphs).first { $0.text == "\u{2010}" }
            XCTAssertNotNil(hyphen)
            XCTAssertNotEqual(hyphen?.id, 0)
        }
        for line in layout.lines { XCTAssertLessThanOrEqual(line.width, 60.01) }
    }
}
