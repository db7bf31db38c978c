import Foundation
import PlanImport
import Templating
import XCTest
@testable import OsteoDoc

/// Issue 14 item 6: names in Chinese, Hebrew and full-width Latin print with embedded,
/// subset, extractable fallback fonts; a character no font has is refused before
/// layout, naming the field and never the characters.
final class FallbackFontTests: XCTestCase {
    private func plan(given: String, family: String) throws -> Plan {
        var json = try examplePlanJSON()
        var patient = json["patient"] as! [String: Any]
        patient["givenName"] = given
        patient["familyName"] = family
        json["patient"] = patient
        return try OsteoDoc.plan(from: try data(json))
    }

    func testNamesInOtherScriptsRenderWithEmbeddedExtractableGlyphs() throws {
        let cases: [(given: String, family: String, font: String)] = [
            ("秀英", "王", "NotoSansCJKsc-Regular"),
            ("שרה", "כהן", "NotoSansHebrew"),
            ("Ｘｉｕｙｉｎｇ", "ＷＡＮＧ", "NotoSansCJKsc-Regular"),
        ]
        for item in cases {
            let plan = try plan(given: item.given, family: item.family)
            XCTAssertEqual(try engine.unprintableFields(plan), [])
            let url = try temporaryFolder().appendingPathComponent("consent.pdf")
            try Data(try engine.render(.consent, plan: plan, language: "it", format: .pdf)).write(to: url)
            let text = try tool("pdftotext", ["-enc", "UTF-8", url.path, "-"]).output
            XCTAssertTrue(text.contains(item.given), "\(item.given) not extracted")
            XCTAssertTrue(text.contains(item.family), "\(item.family) not extracted")
            let fonts = try tool("pdffonts", [url.path]).output.split(separator: "\n").dropFirst(2)
            let fallback = fonts.filter { $0.contains(item.font) }
            XCTAssertFalse(fallback.isEmpty, "\(item.font) not embedded:\n\(fonts.joined(separator: "\n"))")
            for line in fallback {
                let columns = line.split(separator: " ", omittingEmptySubsequences: true)
                XCTAssertEqual(Array(columns.suffix(5).prefix(3)), ["yes", "yes", "yes"], "emb sub uni: \(line)")
            }
            let check = try tool("qpdf", ["--check", url.path])
            XCTAssertEqual(check.status, 0, check.output)
        }
    }

    func testUncoveredCharactersAreRefusedNamingTheFieldOnly() throws {
        let plan = try plan(given: "Maria", family: "Ross\u{2D30}")  // Tifinagh: no installed font
        XCTAssertEqual(try engine.unprintableFields(plan), ["patient.familyName"])
        XCTAssertThrowsError(try engine.render(.consent, plan: plan, language: "it", format: .pdf)) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("patient.familyName"), message)
            XCTAssertFalse(message.contains("\u{2D30}") || message.contains("2D30") || message.contains("Ross"), message)
        }
        // HTML needs no font of ours: it still renders.
        XCTAssertNoThrow(try engine.render(.consent, plan: plan, language: "it", format: .html))
    }

    func testPlanCheckNamesTheUncoveredField() throws {
        var json = try examplePlanJSON()
        var facility = json["facility"] as! [String: Any]
        facility["department"] = "Radiologia \u{2D30}"
        json["facility"] = facility
        let url = try temporaryFolder().appendingPathComponent("plan.json")
        try data(json).write(to: url)
        let result = try runCLI(["plan", "check", url.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("facility.department"), result.stderr)
        XCTAssertFalse(result.stderr.contains("\u{2D30}") || result.stdout.contains("\u{2D30}"))
        XCTAssertEqual(try runCLI(["plan", "check", "examples/plan.json"]).status, 0)
    }
}
