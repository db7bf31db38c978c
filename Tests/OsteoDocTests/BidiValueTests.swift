import Foundation
import PlanImport
import Templating
import XCTest
@testable import OsteoDoc

/// Issue 14 item 2 and issue 8 point 2, checked on the PDF's text layer with poppler.
final class BidiValueTests: XCTestCase {
    private func pdfText(_ kind: DocumentKind, _ json: [String: Any], language: String) throws -> String {
        let plan = try OsteoDoc.plan(from: try data(json))
        let url = try temporaryFolder().appendingPathComponent("\(kind.rawValue)-\(language).pdf")
        try Data(try engine.render(kind, plan: plan, language: language, format: .pdf)).write(to: url)
        return try tool("pdftotext", ["-enc", "UTF-8", url.path, "-"]).output
    }

    /// A department name carrying bidi controls cannot reverse the ward's phone number
    /// that follows it, in a left-to-right or a right-to-left document.
    func testBidiControlsInAValueDoNotReorderTheTextAfterIt() throws {
        let hostile = [
            "Radiologia\u{202E} Interventistica",          // RIGHT-TO-LEFT OVERRIDE, never closed
            "Radiologia\u{2069}\u{202B} Interventistica",  // a stray PDI, then RIGHT-TO-LEFT EMBEDDING
            "Radiologia\u{2067} Interventistica\u{200F}",  // RIGHT-TO-LEFT ISOLATE, RIGHT-TO-LEFT MARK
            "Radiologia \u{061C}Interventistica\u{202D}",  // ARABIC LETTER MARK, LEFT-TO-RIGHT OVERRIDE
        ]
        for department in hostile {
            var json = try examplePlanJSON()
            var facility = json["facility"] as! [String: Any]
            facility["department"] = department
            json["facility"] = facility
            for language in ["it", "ar"] {
                let text = try pdfText(.discharge, json, language: language)
                XCTAssertTrue(text.contains("+39 010 555 0134"), "\(language), \(department.unicodeScalars.map { String($0.value, radix: 16) })")
                XCTAssertFalse(text.contains("4310 555 010 93+"), language)
                XCTAssertTrue(text.contains("Radiologia") && text.contains("Interventistica"), language)
            }
        }
    }

    /// "Luca Bianchi, Radiologo interventista" is one left-to-right phrase in the Arabic
    /// consent, and the provenance reads "planning-core 3.2.0" (before: "Radiologo
    /// interventista ,Luca Bianchi" and "(3.2.0 planning-core)").
    func testLatinPhrasesReadInOrderInArabic() throws {
        let text = try pdfText(.consent, try examplePlanJSON(), language: "ar")
        XCTAssertTrue(text.contains("Luca Bianchi, Radiologo interventista"), text)
        XCTAssertTrue(text.contains("planning-core 3.2.0"), text)
        XCTAssertFalse(text.contains("3.2.0 planning-core"))
    }
}
