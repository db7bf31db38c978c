import TestSupport
import XCTest
@testable import Typesetting

/// Paragraphs built from random pieces of every kind the typesetter
/// distinguishes, at random measures: no trap, no line wider than the
/// measure, no character lost or duplicated.
final class RandomTextTests: XCTestCase {
    static let pieces = [
        "osteoplastica", "la", "cementoplastica", "l'osso", "dell'anestesia", "9:30", "2026.", "(polimetilmetacrilato)",
        "Müller-Lüdenscheidt", "RADIOLOGIA", "è", "città,", "محمد", "يحضر", "الساعة", "ولا", "Rossi", "Остеопластика",
        "inter\u{00AD}ventistica", "dott.\u{00A0}Bianchi", "\u{2068}Rossi\u{2069}", "e/o", "—", "«sì»", "x\u{200D}y",
        "supercalifragilistichespiralidoso", "١٢٣", "Ελληνικά", "RSSMRA51C52D969I",
        "https://ospedale.example/consenso?id=PLN-2026-004217", "ن\u{064E}ع\u{064E}م\u{0652}", "e\u{0301}te\u{0301}",
    ]
    static let separators = [" ", " ", " ", " ", "  ", "\n", " - "]

    func testRandomParagraphs() throws {
        var random = SplitMix64(state: UInt64(ProcessInfo.processInfo.environment["RANDOM_SEED"] ?? "") ?? 20261203)
        for round in 0..<(Int(ProcessInfo.processInfo.environment["RANDOM_ROUNDS"] ?? "") ?? 300) {
            var text = ""
            for _ in 0..<Int.random(in: 1...25, using: &random) {
                text += Self.pieces.randomElement(using: &random)! + Self.separators.randomElement(using: &random)!
            }
            var spans = [TextSpan]()
            var rest = Substring(text)
            while !rest.isEmpty {
                let length = Int.random(in: 1...max(1, rest.count), using: &random)
                let style = [FontStyle.regular, .bold, .italic, .boldItalic].randomElement(using: &random)!
                spans.append(TextSpan(String(rest.prefix(length)), style: style))
                rest = rest.dropFirst(length)
            }
            let width = [20.0, 30, 45, 60, 90, 140, 230, 400].randomElement(using: &random)!
            let style = ParagraphStyle(size: [9.0, 11.5, 14].randomElement(using: &random)!, leading: nil,
                                       language: ["it", "ar", "de", "uk"].randomElement(using: &random)!,
                                       direction: [BaseDirection.auto, .leftToRight, .rightToLeft].randomElement(using: &random)!,
                                       alignment: [Alignment.justified, .start, .center, .end].randomElement(using: &random)!,
                                       hyphenate: Bool.random(using: &random),
                                       firstLineIndent: [0.0, 12].randomElement(using: &random)!)
            let layout = try Fixtures.typesetter.layout(spans, style: style, width: width)
            var joined = ""
            for line in layout.lines {
                let glyphs = line.runs.flatMap(\.glyphs)
                XCTAssertTrue(glyphs.allSatisfy { $0.id != 0 }, "round \(round)")
                let visible = glyphs.filter { !$0.text.isEmpty && $0.text != " " }
                if line.width > width + 0.01 {
                    // Only a lone grapheme (with a hyphen, at most) may not fit.
                    XCTAssertLessThanOrEqual(visible.count, 2, "round \(round): \(line.logicalText) \(line.width) > \(width)")
                }
                for (left, right) in zip(line.runs, line.runs.dropFirst()) {
                    XCTAssertEqual(left.x + left.width, right.x, accuracy: 0.001, "round \(round)")
                }
                var lineText = line.logicalText
                if line.hyphenated { lineText.removeLast() }
                joined += lineText
            }
            func normalised(_ string: String) -> String {
                String(String.UnicodeScalarView(string.unicodeScalars.filter {
                    !CharacterClass.isSpace($0.value) && !CharacterClass.isNewline($0.value) && $0.value != 0xA0
                        && !CharacterClass.isDefaultIgnorable($0.value)
                }))
            }
            XCTAssertEqual(normalised(joined), normalised(text), "round \(round)")
        }
    }
}
