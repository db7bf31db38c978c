import Foundation
import XCTest
@testable import OsteoDoc
import PlanImport
import Templating

/// The preparation sheet, given at booking: a third kind of document made from its descriptor,
/// its template and its prose alone, in every shipped language.
final class PreparationSheetTests: XCTestCase {
    func testDescriptorsDifferOnlyWhereTheKindsDo() {
        XCTAssertEqual(DocumentKind.allCases.map(\.descriptor.idPrefix), ["CI", "DS", "PS"])
        XCTAssertEqual(DocumentKind.allCases.filter(\.descriptor.needsOutcome), [.discharge])
        XCTAssertEqual(DocumentKind.preparation.descriptor.template, "preparation")
        XCTAssertEqual(DocumentKind.preparation.descriptor.titleKey, "preparation-sheet.title")
    }

    /// Two drugs with different instructions: each keeps its own, and nothing tells the patient to stop both.
    private func planWithTwoDrugs() throws -> Plan {
        var json = try examplePlanJSON()
        var preparation = json["preparation"] as! [String: Any]
        preparation["anticoagulants"] = [
            ["drug": "warfarin", "stopDaysBefore": 5, "resume": "next-day"],
            ["drug": "acido acetilsalicilico", "stopDaysBefore": 0, "resume": "same-day"],
        ]
        json["preparation"] = preparation
        json["outcome"] = NSNull()  // given at booking: no outcome yet
        return try OsteoDoc.plan(from: try data(json))
    }

    func testItalianSheetFollowsEachDrugsInstruction() throws {
        let plan = try planWithTwoDrugs()
        let text = try engine.document(.preparation, plan: plan, language: "it").dump()
        XCTAssertTrue(text.contains("Come prepararsi alla cura"), text)
        XCTAssertTrue(text.contains("non lo prenda più a partire da sabato 28 novembre 2026."), text)
        let doNotStop = try XCTUnwrap(engine.content.locale("it")?.string("anticoagulant.stop.none"))
        XCTAssertTrue(text.contains(doNotStop), "the second drug keeps its own instruction (do not stop)")
        XCTAssertTrue(text.contains("Segua la regola di ogni farmaco."))
        XCTAssertFalse(text.contains("deve smettere di prenderli"), "no blanket instruction to stop every drug")
        XCTAssertTrue(text.contains("Stia a digiuno (niente cibo e niente bevande) da giovedì 3 dicembre 2026, ore 3:30."), text)
        XCTAssertTrue(text.contains("Nelle prime 24 ore a casa deve avere vicino un adulto."), "day surgery with sedation")
        XCTAssertTrue(text.contains("Radiologia Interventistica, Ospedale San Martino"))
        XCTAssertTrue(engine.documentId(.preparation, plan: plan, language: "it").hasPrefix("PS-PLN-2026-004217-it-"))
    }

    func testEveryLanguageInHTMLAndPDF() throws {
        let plan = try planWithTwoDrugs()
        let dir = try temporaryFolder()
        for language in engine.content.localeTags {
            let html = String(decoding: try engine.render(.preparation, plan: plan, language: language, format: .html), as: UTF8.self)
            XCTAssertTrue(html.contains("<html lang=\"\(language)\""), language)
            XCTAssertTrue(html.contains("warfarin") && html.contains("acido acetilsalicilico"), language)
            let pdf = dir.appendingPathComponent("preparation-\(language).pdf")
            try Data(try engine.render(.preparation, plan: plan, language: language, format: .pdf)).write(to: pdf)
            let text = try tool("pdftotext", ["-layout", pdf.path, "-"]).output
            let title = try XCTUnwrap(engine.content.locale(language)?.string("preparation-sheet.title"))
            let firstWord = String(title.split(separator: " ").first!)
            XCTAssertTrue(text.contains(firstWord), "\(language): title in the PDF text")
            XCTAssertTrue(text.contains("warfarin"), "\(language): the drug's row")
            XCTAssertEqual(try tool("qpdf", ["--check", pdf.path]).status, 0, language)
        }
    }
}
