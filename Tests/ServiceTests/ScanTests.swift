import Foundation
import OsteoDoc
import Registry
import Service
import TestSupport
import XCTest

/// Scan-back through the API: the consent issued by the server, printed (rasterized), filled in
/// with pen strokes at the form's places, scanned (turned, noisy, JPEG in a PDF) and uploaded.
final class ScanTests: XCTestCase {
    static let engine: OsteoDoc = try! OsteoDoc(resources: repositoryRoot)

    static func makeScan(_ pdf: Data, form: DocumentForm, tick: (FormField) -> Bool, sign: (FormField) -> Bool,
                          pages: [Int], folder: URL) throws -> Data {
        let source = folder.appendingPathComponent("issued.pdf")
        try pdf.write(to: source)
        let specPages: [[String: Any]] = pages.map { number in
            let fields = form.pages[number - 1].fields
            return ["page": number,
                    "ticks": fields.filter { ($0.kind == .choice || $0.kind == .checklist) && tick($0) }.map { [$0.x, $0.y, $0.width, $0.height] },
                    "scribbles": fields.filter { $0.kind == .signature && sign($0) }.map { [$0.x, $0.y, $0.width, $0.height] }]
        }
        let spec: [String: Any] = ["pdf": source.path, "dpi": 200, "rotate": 1.2, "noise": 10, "jpeg_quality": 70, "pages": specPages]
        let specFile = folder.appendingPathComponent("spec.json"), out = folder.appendingPathComponent("scan.pdf")
        try JSONSerialization.data(withJSONObject: spec).write(to: specFile)
        let made = try ProcessRunner.run("python3", [repositoryRoot.appendingPathComponent("scripts/make-test-scan.py").path, specFile.path, out.path])
        XCTAssertEqual(made.status, 0, made.stderr)
        return try Data(contentsOf: out)
    }

    func testTheSignedConsentIsReadStoredAndFlaggedThroughTheAPI() async throws {
        let s = try await TestService()
        let planBytes = try examplePlan()
        let plan = try OsteoDoc.plan(from: planBytes)
        let form = try Self.engine.form(.consent, plan: plan, language: "it")
        let folder = s.folder.appendingPathComponent("scans")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try await s.test { c in
            let (desk, id) = try await c.frontDeskWithConsent(planBytes)
            let pdf = try await c.request(.get, "/api/v1/documents/\(id).pdf", login: desk).body
            // Complete: the first box of every group that takes one answer, every required signature.
            var firsts = Set<Int>()
            let complete = try Self.makeScan(pdf, form: form, tick: { f in f.oneAnswer && firsts.insert(f.group).inserted },
                                             sign: \.required, pages: Array(1...form.pages.count), folder: folder)
            let wrongType = try await c.request(.post, "/api/v1/documents/\(id)/scans", body: complete, contentType: "text/plain", login: desk)
            XCTAssertEqual(wrongType.status, .unsupportedMediaType)
            let first = try await c.request(.post, "/api/v1/documents/\(id)/scans", body: complete, contentType: "application/pdf", login: desk)
            XCTAssertEqual(first.status, .created, first.text)
            let report = try XCTUnwrap(first.json["report"] as? [String: Any])
            XCTAssertEqual((report["flags"] as? [Any])?.count, 0, "\(report["flags"] ?? "")")
            XCTAssertEqual(report["pagesMissing"] as? [Int], [])
            let answers = try XCTUnwrap(report["answers"] as? [[String: Any]])
            for answer in answers where answer["oneAnswer"] as? Bool == true {
                let ticked = (answer["options"] as? [[String: Any]] ?? []).map { $0["ticked"] as? Bool ?? false }
                XCTAssertEqual(ticked.first, true, "\(answer)")
                XCTAssertEqual(ticked.filter { $0 }.count, 1, "\(answer)")
            }
            XCTAssertEqual((first.json["event"] as? [String: Any])?["detail"] as? String, "complete")
            // Signed now: a plain re-issue is refused.
            let again = try await c.issue(desk)
            XCTAssertEqual(again.status, .conflict, again.text)
            // A second scan with a page missing and no signature: stored, flagged.
            let partial = try Self.makeScan(pdf, form: form, tick: { _ in false }, sign: { _ in false },
                                            pages: Array(1...form.pages.count).filter { $0 != 1 }, folder: folder)
            let second = try await c.request(.post, "/api/v1/documents/\(id)/scans", body: partial, contentType: "application/pdf", login: desk)
            XCTAssertEqual(second.status, .created, second.text)
            let flags = ((second.json["report"] as? [String: Any])?["flags"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            XCTAssertTrue(flags.contains("page-missing") && flags.contains("signature-missing") && flags.contains("no-box-ticked"), "\(flags)")
            // A scan of nothing of this document stores nothing.
            let blank = try await c.request(.post, "/api/v1/documents/\(id)/scans", body: Data("%PDF-1.4 not a scan".utf8),
                                            contentType: "application/pdf", login: desk)
            XCTAssertEqual(blank.status, .unprocessableContent, blank.text)
            let listed = try await c.request(.get, "/api/v1/documents/\(id)/scans", login: desk)
            XCTAssertEqual(listed.status, .ok)
            let scans = try XCTUnwrap(try JSONSerialization.jsonObject(with: listed.body) as? [[String: Any]])
            XCTAssertEqual(scans.count, 2)
            let translator = try await c.login(.translator)
            let refused = try await c.request(.post, "/api/v1/documents/\(id)/scans", body: complete, contentType: "application/pdf", login: translator)
            XCTAssertEqual(refused.status, .forbidden)
        }
        let documents = try await s.registry.documents(planId: "PLN-2026-004217")
        let events = try await s.registry.events(documentId: try XCTUnwrap(documents.first?.id)).map(\.type)
        XCTAssertEqual(events.filter { $0 == .scanned }.count, 2)
    }
}
