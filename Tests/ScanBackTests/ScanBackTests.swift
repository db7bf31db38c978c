import Foundation
import OsteoDoc
import PlanImport
import Templating
import ScanBack
import ScanReading
import TestSupport
import XCTest

/// End to end on paper-like scans: the example consent rendered, rasterized, ticked and signed
/// at chosen places with pen-like strokes, turned, given sensor noise and JPEG compression
/// (`scripts/make-test-scan.py`, Pillow), then read back: the report says exactly what was drawn.
final class ScanBackTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let engine: OsteoDoc = try! OsteoDoc(resources: root)
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func plan() throws -> Plan { try OsteoDoc.plan(from: Data(contentsOf: Self.root.appendingPathComponent("examples/plan.json"))) }

    private func render(_ kind: DocumentKind, _ language: String) throws -> (URL, DocumentForm) {
        let plan = try plan()
        let file = folder.appendingPathComponent("\(kind.rawValue)-\(language).pdf")
        try Data(try Self.engine.render(kind, plan: plan, language: language, format: .pdf)).write(to: file)
        return (file, try Self.engine.form(kind, plan: plan, language: language))
    }

    /// What to draw: for each group in reading order, the indexes of the boxes to tick.
    private func scan(_ pdf: URL, form: DocumentForm, ticks: (Int, [FormField]) -> [Int], signed: (FormField) -> Bool,
                      pages: [Int]? = nil, extra: [(URL, Int)] = [], dpi: Int = 200, format: String = "pdf") throws -> Data {
        var groups: [Int: [FormField]] = [:], order: [Int] = []
        for field in form.pages.flatMap(\.fields) where field.kind == .choice || field.kind == .checklist {
            if groups[field.group] == nil { order.append(field.group) }
            groups[field.group, default: []].append(field)
        }
        var chosen = Set<[Double]>()
        for (index, group) in order.enumerated() {
            let fields = groups[group]!
            for i in ticks(index, fields) { chosen.insert([fields[i].x, fields[i].y]) }
        }
        var specPages: [[String: Any]] = []
        for number in pages ?? Array(1...form.pages.count) {
            let page = form.pages[number - 1]
            let boxes = page.fields.filter { ($0.kind == .choice || $0.kind == .checklist) && chosen.contains([$0.x, $0.y]) }
            let signatures = page.fields.filter { $0.kind == .signature && signed($0) }
            specPages.append(["page": number, "ticks": boxes.map { [$0.x, $0.y, $0.width, $0.height] },
                              "scribbles": signatures.map { [$0.x, $0.y, $0.width, $0.height] }])
        }
        for (source, page) in extra { specPages.append(["source": source.path, "page": page]) }
        let spec: [String: Any] = ["pdf": pdf.path, "dpi": dpi, "rotate": 1.5, "noise": 10, "jpeg_quality": 70, "pages": specPages]
        let specFile = folder.appendingPathComponent("spec.json"), out = folder.appendingPathComponent("scan.\(format)")
        try JSONSerialization.data(withJSONObject: spec).write(to: specFile)
        let made = try ProcessRunner.run("python3", [Self.root.appendingPathComponent("scripts/make-test-scan.py").path, specFile.path, out.path])
        XCTAssertEqual(made.status, 0, made.stderr)
        return try Data(contentsOf: out)
    }

    private func read(_ scan: Data, form: DocumentForm) throws -> ScanReport { try SignedScan.read(scan, form: form) }

    func testASignedConsentIsReadExactlyAsFilledIn() throws {
        let (pdf, form) = try render(.consent, "it")
        // One answer per question (alternating first and last box), the first two statements of a
        // list, the consent box of the decision; every required signature, no date or time.
        func choose(_ index: Int, _ count: Int, _ oneAnswer: Bool) -> [Int] {
            oneAnswer ? [index % 2 == 0 ? 0 : count - 1] : Array(0..<min(2, count))
        }
        let ticks: (Int, [FormField]) -> [Int] = { index, fields in choose(index, fields.count, fields[0].oneAnswer) }
        let report = try read(try scan(pdf, form: form, ticks: ticks, signed: \.required), form: form)
        XCTAssertEqual(report.pagesMissing, [])
        XCTAssertEqual(report.pagesReceived, Array(1...form.pages.count))
        XCTAssertEqual(report.flags, [], "\(report.flags)")
        for (index, answer) in report.answers.enumerated() {
            let expected = Set(choose(index, answer.options.count, answer.oneAnswer))
            XCTAssertEqual(Set(answer.options.indices.filter { answer.options[$0].ticked }), expected,
                           "\(answer.prompt) \(answer.options.map { "\($0.label.prefix(20)): \($0.ticked)" })")
        }
        XCTAssertGreaterThanOrEqual(report.answers.count, 5)
        // Clear of the thresholds (6 % ticked, 0.4 % signed: twice and half of them), not just on the right side.
        let options = report.answers.flatMap(\.options)
        XCTAssertGreaterThan(options.filter(\.ticked).map(\.ink).min() ?? 0, 0.12, "\(options.map(\.ink))")
        XCTAssertLessThan(options.filter { !$0.ticked }.map(\.ink).max() ?? 1, 0.02, "\(options.map(\.ink))")
        XCTAssertGreaterThan(report.signatures.filter(\.present).map(\.ink).min() ?? 0, 0.02, "\(report.signatures.map(\.ink))")
        XCTAssertLessThan(report.signatures.filter { !$0.present }.map(\.ink).max() ?? 1, 0.002, "\(report.signatures.map(\.ink))")
        XCTAssertEqual(report.signatures.filter(\.present).count, report.signatures.filter(\.required).count)
        XCTAssertTrue(report.signatures.allSatisfy { $0.present == $0.required }, "\(report.signatures)")
        XCTAssertTrue(report.isComplete)
    }

    func testAMissingPageAForeignPageTwoDecisionsAndNoSignatureAreFlagged() throws {
        let (pdf, form) = try render(.consent, "it")
        let (other, otherForm) = try render(.discharge, "it")
        let decision = form.pages.flatMap(\.fields).first { $0.kind == .checklist && $0.oneAnswer }!.group
        let report = try read(try scan(pdf, form: form, ticks: { _, fields in
            fields[0].group == decision ? [0, 1] : [0]
        }, signed: { _ in false }, pages: (1...form.pages.count).filter { $0 != 2 }, extra: [(other, 1)]), form: form)
        XCTAssertEqual(report.pagesMissing, [2])
        let kinds = report.flags.map(\.kind)
        XCTAssertTrue(kinds.contains(.pageMissing))
        XCTAssertTrue(report.flags.contains(ScanReport.Flag(kind: .foreignPage, about: otherForm.documentId)), "\(report.flags)")
        XCTAssertTrue(kinds.contains(.severalBoxesTicked), "consent and refusal both ticked: \(report.flags)")
        XCTAssertTrue(kinds.contains(.signatureMissing))
        XCTAssertFalse(report.isComplete)
    }

    func testASinglePageJPEGAt150DpiIsRead() throws {
        let (pdf, form) = try render(.consent, "it")
        guard let page = form.pages.firstIndex(where: { $0.fields.contains { $0.kind == .checklist && $0.oneAnswer } }) else {
            return XCTFail("no decision in the consent")
        }
        let data = try scan(pdf, form: form, ticks: { _, fields in fields[0].oneAnswer ? [0] : [] }, signed: \.required,
                            pages: [page + 1], dpi: 150, format: "jpg")
        let report = try read(data, form: form)
        XCTAssertEqual(report.pagesReceived, [page + 1])
        let decision = try XCTUnwrap(report.answers.first { $0.oneAnswer && $0.prompt.isEmpty })
        XCTAssertEqual(decision.options.map(\.ticked), [true, false], "\(decision.options)")
    }
}
