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
        // As long as the contract allows (1000 characters), in wide letters.
        targets[0]["approach"] = String((1...120).map { "MW\($0)WM" }.joined(separator: " ").prefix(1000))
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
}
