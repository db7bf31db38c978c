import Foundation
import Layout
import PlanImport
import Templating
import Typesetting
import XCTest
@testable import OsteoDoc

/// Hyphenation and word spacing of the example documents, measured from the layout
/// (its log and its glyph runs), per issue 8 points 3, 4 and 7.
final class TypographyTests: XCTestCase {
    /// Figures of one laid-out document's body text.
    struct Figures: CustomStringConvertible {
        /// Justified body lines that are not the last of their paragraph.
        var justifiedLines = 0
        /// Every line of body text (justified or not, last lines included).
        var bodyLines = 0
        var hyphenatedLines = 0
        /// A hyphenated line directly after another one of the same paragraph.
        var consecutiveHyphens = 0
        /// A hyphenated line followed by its paragraph's last line.
        var hyphenBeforeLastLine = 0
        /// A hyphenated line whose paragraph continues on the next page.
        var hyphenAcrossPages = 0
        /// Body lines whose widest word space is more than `looseRatio` × its natural width.
        var looseLines = 0
        var widestSpace = 0.0
        var veryLoose = 0

        var hyphensPer100: Double { justifiedLines == 0 ? 0 : 100 * Double(hyphenatedLines) / Double(justifiedLines) }

        var description: String {
            String(format: "%d body lines, %d justified, %d hyphenated (%.2f per 100), %d in a row, %d before a last line, "
                   + "%d across pages, %d loose, %d over 2x, widest space %.2f×", bodyLines, justifiedLines, hyphenatedLines, hyphensPer100,
                   consecutiveHyphens, hyphenBeforeLastLine, hyphenAcrossPages, looseLines, veryLoose, widestSpace)
        }
    }

    /// A justified line whose spaces are stretched past 1.5 × (TeX's badness 100, the
    /// first pass's limit) is loose.
    static let looseRatio = 1.63

    static func figures(_ laid: LaidOutDocument, bodySize: Double = LayoutOptions().bodySize) -> Figures {
        var result = Figures()
        // From the log: "  y=… h=… ¶12 3/7 line w=483.3/483.3 hy text".
        var page = 0
        var previous: (paragraph: Int, index: Int, hyphenated: Bool, page: Int)?
        for line in laid.log.split(separator: "\n") {
            if line.hasPrefix("page ") { page = Int(line.dropFirst(5)) ?? page; continue }
            guard let mark = line.range(of: "¶"), let w = line.range(of: " line w=") else { continue }
            let parts = line[mark.upperBound...].split(separator: " ")
            guard parts.count >= 2, let paragraph = Int(parts[0]) else { continue }
            let position = parts[1].split(separator: "/").compactMap { Int($0) }
            guard position.count == 2 else { continue }
            let widths = line[w.upperBound...].prefix { $0 != " " }.split(separator: "/").compactMap { Double($0) }
            let hyphenated = line[w.upperBound...].dropFirst(1).contains(" hy ")
                || line[w.upperBound...].split(separator: " ").dropFirst().first == "hy"
            if let p = previous, p.paragraph == paragraph, p.hyphenated {
                if hyphenated { result.consecutiveHyphens += 1 }
                if position[0] == position[1] { result.hyphenBeforeLastLine += 1 }
                if p.page != page { result.hyphenAcrossPages += 1 }
            }
            let isBody = line.contains(" h=" + String(format: "%g", LayoutOptions().bodyLeading) + " ")
            if isBody { result.bodyLines += 1 }
            if isBody, position[0] < position[1], widths.count == 2, abs(widths[0] - widths[1]) < 0.1 {
                result.justifiedLines += 1
                if hyphenated { result.hyphenatedLines += 1 }
            }
            previous = (paragraph, position[0], hyphenated, page)
        }
        // From the glyph runs: word spaces of body-size lines against the font's natural space.
        for page in laid.pages {
            var widest: [Double: Double] = [:]  // baseline → widest space ratio
            for item in page.items {
                guard case .glyphs(_, let y, let run) = item, abs(run.size - bodySize) < 0.01 else { continue }
                for glyph in run.glyphs where glyph.text == " " {
                    let natural = run.font.advance(of: glyph.id) * run.size
                    guard natural > 0 else { continue }
                    widest[y, default: 0] = max(widest[y, default: 0], glyph.advance / natural)
                }
            }
            for ratio in widest.values {
                if ratio > looseRatio + 0.005 { result.looseLines += 1 }
                if ratio > 2.005 { result.veryLoose += 1 }
                result.widestSpace = max(result.widestSpace, ratio)
            }
        }
        return result
    }

    private func laid(_ language: String, _ kind: DocumentKind = .consent) throws -> LaidOutDocument {
        let plan = try OsteoDoc.plan(from: try examplePlanData())
        return try engine.layout(try engine.document(kind, plan: plan, language: language))
    }

    /// Issue 8 point 7: few hyphens in the Italian consent, and never two in a row,
    /// before a paragraph's last line or across a page break. (Before: 18 hyphenated
    /// lines, 8.5 per 100 body lines, 19.6 per 100 justified lines that are not a
    /// paragraph's last, counted the same way; then 2.4 per 100 justified lines, one of
    /// them before a paragraph's last line.) The issue asks for at most 2 per 100
    /// justified body lines.
    func testItalianConsentHyphenatesSparingly() throws {
        let figures = Self.figures(try laid("it"))
        print("figures it: \(figures)")
        XCTAssertLessThanOrEqual(figures.hyphensPer100, 2, "\(figures)")
        XCTAssertEqual(figures.consecutiveHyphens, 0, "\(figures)")
        // Only as the final pass's last resort, instead of a line with spaces over 2 ×.
        XCTAssertLessThanOrEqual(figures.hyphenBeforeLastLine, 2, "\(figures)")
        XCTAssertEqual(figures.hyphenAcrossPages, 0, "\(figures)")
        XCTAssertEqual(figures.veryLoose, 0, "\(figures)")
    }

    /// Issue 8 point 3: Cyrillic text is hyphenated with the Ukrainian patterns (before:
    /// 0 hyphens in the whole consent, 32 loose lines with spaces up to 4 ×).
    func testUkrainianConsentHyphenates() throws {
        let figures = Self.figures(try laid("uk"))
        print("figures uk: \(figures)")
        XCTAssertGreaterThanOrEqual(figures.hyphenatedLines, 5, "\(figures)")
        XCTAssertEqual(figures.consecutiveHyphens, 0, "\(figures)")
        // The Ukrainian patterns leave many words unbreakable ("становить"): a paragraph that cannot
        // be justified with word spaces of at most 2 × is set ragged (before: 6 lines over 2 ×, up to 2.8 ×).
        XCTAssertEqual(figures.veryLoose, 0, "\(figures)")
        XCTAssertLessThanOrEqual(figures.widestSpace, 2.005, "\(figures)")
    }

    /// No word space over twice its width in the Latin-script consents.
    func testLatinConsentsHaveNoVeryLooseLines() throws {
        for language in ["it", "de", "fr", "en", "ro"] {
            let figures = Self.figures(try laid(language))
            XCTAssertEqual(figures.veryLoose, 0, "\(language): \(figures)")
            // Never two hyphenated lines in a row, on any pass of the line breaker (before: one
            // pair in the Romanian consent, set by the final pass).
            XCTAssertEqual(figures.consecutiveHyphens, 0, "\(language): \(figures)")
        }
    }

    /// Issue 8 point 4: the 231 pt columns of a bilingual document are set ragged: word
    /// spaces at their natural width, few hyphens, never two in a row (before: 43 % of
    /// German lines loose, 10.8 hyphens per 100 lines with runs of 3).
    func testBilingualColumnsAreRaggedWithFewHyphens() throws {
        let plan = try OsteoDoc.plan(from: try examplePlanData())
        let pipeline = try engine.pdfPipeline()
        var options = LayoutOptions()
        options.collectLog = true
        for (first, second) in [("de", "it"), ("ar", "it"), ("fr", "it")] {
            let laid = try DocumentLayout(typesetter: pipeline.typesetter, options: options).layoutBilingual(
                try engine.document(.consent, plan: plan, language: first),
                try engine.document(.consent, plan: plan, language: second))
            let figures = Self.figures(laid)
            print("figures \(first)+\(second): \(figures)")
            XCTAssertLessThan(figures.widestSpace, 1.01, "\(first)+\(second): \(figures)")
            XCTAssertEqual(figures.consecutiveHyphens, 0, "\(first)+\(second): \(figures)")
            XCTAssertEqual(figures.hyphenAcrossPages, 0, "\(first)+\(second): \(figures)")
            XCTAssertLessThanOrEqual(Double(figures.hyphenatedLines) * 100 / Double(max(figures.bodyLines, 1)), 3,
                                     "\(first)+\(second): \(figures)")
        }
    }
}
