import DocumentModel
import Foundation
import HTMLExport
import PlanImport
import Templating
import XCTest
@testable import OsteoDoc

/// Golden text dumps of every stage — expanded CommonMark, document tree, layout log, HTML —
/// for the documents whose stages differ most: the discharge sheet (timeline, outcome tables),
/// the preparation sheet, Arabic (right to left) and a bilingual document. A change in a stage
/// shows in that stage's file first. `OSTEODOC_UPDATE_GOLDEN=1` rewrites them.
final class StageGoldenTests: XCTestCase {
    private func plan() throws -> Plan { try OsteoDoc.plan(from: try examplePlanData()) }

    private func stages(_ kind: DocumentKind, _ language: String, name: String) throws {
        let plan = try plan()
        try assertGolden(try engine.markdown(kind, plan: plan, language: language), "\(name).md")
        let document = try engine.document(kind, plan: plan, language: language)
        try assertGolden(document.dump(), "\(name).tree")
        try assertGolden(try engine.layout(document).log, "\(name).layout")
        try assertGolden(HTMLWriter.html(document), "\(name).html")
    }

    func testDischargeSheet() throws { try stages(.discharge, "it", name: "stages/discharge-it") }

    func testPreparationSheet() throws { try stages(.preparation, "it", name: "stages/preparation-it") }

    func testArabicConsent() throws { try stages(.consent, "ar", name: "stages/consent-ar") }

    func testBilingualGermanItalian() throws {
        let html = try engine.renderBilingual(.consent, plan: try plan(), language: "de", second: "it", format: .html)
        try assertGolden(String(decoding: html, as: UTF8.self), "stages/consent-de-it.html")
        try assertGolden(try engine.document(.consent, plan: try plan(), language: "de").dump(), "stages/consent-de.tree")
    }
}
