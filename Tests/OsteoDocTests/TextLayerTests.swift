import Foundation
import Layout
import PlanImport
import Templating
import XCTest
@testable import OsteoDoc

/// Issue 14 item 4: content that does not fit is never cut silently. Long valid values —
/// a table cell taller than a page, names that fill the running header, a 64-character plan
/// id in the footer — come back whole from the PDF's text layer.
final class TextLayerTests: XCTestCase {
    private func hostilePlan() throws -> Plan {
        var json = try examplePlanJSON()
        json["planId"] = "PLN-" + String(repeating: "A1b2C3d4", count: 7) + "x"
        var patient = json["patient"] as! [String: Any]
        patient["givenName"] = "Maria Giovanna Antonietta Carlotta Benedetta Francesca Ludovica Annunziata Immacolata"
        patient["familyName"] = "Rossi-Bianchi De Santis Della Valle Montefeltro Malatesta Sforza Visconti Gonzaga Este"
        json["patient"] = patient
        var targets = json["targets"] as! [[String: Any]]
        targets[0]["approach"] = (1...160).map { "accesso\($0) posterolaterale" }.joined(separator: " ")
        json["targets"] = targets
        return try OsteoDoc.plan(from: try data(json))
    }

    /// Letters and digits only: line breaks, hyphens added at line ends and spaces do not count.
    private func squeeze(_ s: String) -> String { String(s.filter { $0.isLetter || $0.isNumber }) }

    private func pageTexts(_ pdf: [UInt8]) throws -> [String] {
        let url = try temporaryFolder().appendingPathComponent("doc.pdf")
        try Data(pdf).write(to: url)
        return try tool("pdftotext", ["-enc", "UTF-8", url.path, "-"]).output.split(separator: "\u{0C}").map(String.init)
            .filter { !$0.allSatisfy(\.isWhitespace) }
    }

    func testLongValuesArePrintedWhole() throws {
        let plan = try hostilePlan()
        let pages = try pageTexts(try engine.render(.consent, plan: plan, language: "it", format: .pdf))
        let all = squeeze(pages.joined())
        let approach = plan.targets[0].approach ?? ""
        // Word by word, in order (the running header and footer interrupt the row at each page break).
        var rest = Substring(all)
        for word in approach.split(separator: " ") {
            guard let found = rest.range(of: squeeze(String(word))) else { return XCTFail("approach: \(word) missing or out of order") }
            rest = rest[found.upperBound...]
        }
        let id = engine.documentId(.consent, plan: plan, language: "it")
        for (i, page) in pages.enumerated() {
            let text = squeeze(page)
            XCTAssertTrue(text.contains(squeeze(plan.patient.familyName + plan.patient.givenName))
                          || text.contains(squeeze(plan.patient.givenName + plan.patient.familyName)), "page \(i + 1): whole name in the header")
            XCTAssertTrue(text.contains(squeeze(plan.patient.mrn)), "page \(i + 1): record number in the header")
            XCTAssertTrue(text.contains(squeeze("OSTEODOC:\(id):\(i + 1)/\(pages.count)")), "page \(i + 1): the scan code's text, whole")
            XCTAssertTrue(text.contains(squeeze("Documento " + id)), "page \(i + 1): the document id, whole")
        }
    }

    /// The row taller than a page is split into slices: every slice within the body, the header row repeated.
    func testRowTallerThanAPageIsSplitWithItsHeaderRepeated() throws {
        let doc = try engine.document(.consent, plan: try hostilePlan(), language: "it")
        let laid = try engine.layout(doc)
        let log = laid.log
        XCTAssertTrue(log.contains("slice lines 1–"), "the row is sliced")
        XCTAssertTrue(log.contains("(repeated header) header |"), "the header row repeats where the row continues")
        let bottom = LayoutOptions().pageHeight - LayoutOptions().marginBottom
        for page in laid.pages {
            for item in page.items {
                if case .glyphs(_, let y, _) = item, y > LayoutOptions().marginTop {
                    // Body glyphs stay above the footer rule (footer glyphs sit below it, past the rule's gap).
                    XCTAssertFalse(y > bottom && y < bottom + 4, "a glyph on the footer rule")
                }
            }
        }
        let badLines = log.split(separator: "\n").filter { $0.hasPrefix("  y=") }.filter { line in
            let y = Double(line.dropFirst(4).prefix { $0 != " " })!
            let h = Double(line.split(separator: " ")[1].dropFirst(2))!
            return y + h > LayoutOptions().pageHeight - LayoutOptions().marginTop - LayoutOptions().marginBottom + 0.05
        }
        XCTAssertEqual(badLines.map(String.init), [], "nothing below the bottom margin")
    }
}
