import DocumentModel
import Foundation
import Layout
import PlanImport
import Templating
import TestSupport
import XCTest
@testable import OsteoDoc

/// Runs an outside program; stdout only (zbarimg writes D-Bus noise on stderr). Fails clearly when it is missing.
private func runTool(_ name: String, _ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> (status: Int32, stdout: String) {
    do {
        let r = try ProcessRunner.run(name, args)
        return (r.status, r.stdout)
    } catch let missing as ProcessRunner.NotInstalled {
        XCTFail("\(name) is not installed: install Debian's \(name == "zbarimg" ? "zbar-tools" : "poppler-utils and qpdf") (scripts/setup.sh)",
                file: file, line: line)
        throw missing
    }
}

final class SummaryFigureTests: XCTestCase {
    private func plan() throws -> Plan { try OsteoDoc.plan(from: try examplePlanData()) }

    private func pdf(_ kind: DocumentKind, _ language: String, plan: Plan? = nil) throws -> URL {
        let url = try temporaryFolder().appendingPathComponent("\(kind.rawValue)-\(language).pdf")
        try Data(try engine.render(kind, plan: try plan ?? self.plan(), language: language, format: .pdf)).write(to: url)
        return url
    }

    /// Every page of the example consent and discharge, in Italian and in Arabic, carries a QR code
    /// that a real decoder (zbarimg) reads as `OSTEODOC:<document id>:<page>/<pages>` from a 150 dpi image.
    func testEveryPageHasAScannableCode() throws {
        for kind in DocumentKind.allCases {
            for language in ["it", "ar"] {
                let url = try pdf(kind, language)
                let id = engine.documentId(kind, plan: try plan(), language: language)
                let pages = try engine.layout(try engine.document(kind, plan: try plan(), language: language)).pages.count
                let prefix = url.deletingPathExtension().path
                XCTAssertEqual(try runTool("pdftoppm", ["-png", "-r", "150", url.path, prefix]).status, 0)
                let images = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
                    .filter { $0.hasSuffix(".png") }.sorted()
                XCTAssertEqual(images.count, pages, "\(kind) \(language)")
                for (i, image) in images.enumerated() {
                    let path = url.deletingLastPathComponent().appendingPathComponent(image).path
                    let decoded = try runTool("zbarimg", ["--raw", "-q", path]).stdout
                        .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    XCTAssertEqual(decoded, ["OSTEODOC:\(id):\(i + 1)/\(pages)"], "\(kind) \(language) page \(i + 1)")
                }
            }
        }
    }

    /// The figure is in the PDF as path operators: curves (c), fills and strokes (B, f, S) in the content streams.
    func testPDFHasTheFigurePaths() throws {
        let url = try pdf(.consent, "it")
        let qdf = url.deletingLastPathComponent().appendingPathComponent("qdf.pdf")
        let r = try runTool("qpdf", ["--qdf", "--object-streams=disable", url.path, qdf.path])
        XCTAssertEqual(r.status, 0)
        let text = String(decoding: try Data(contentsOf: qdf), as: UTF8.self)
        let curves = text.components(separatedBy: " c\n").count - 1
        XCTAssertGreaterThan(curves, 300, "the skeleton's Bézier curves")
        XCTAssertTrue(text.contains("\nB\n"), "bones: filled and outlined")
        XCTAssertTrue(text.contains("0.9 g"), "bones: light gray")
        XCTAssertTrue(text.contains("\n0 0 7.017 1.017 re f\n"),
                      "QR modules: filled rectangles in module units, a hair larger (the bottom-left finder's bottom row)")
        // The words of the figure are real text.
        let words = try runTool("pdftotext", ["-enc", "UTF-8", url.path, "-"]).stdout
        for word in ["Destra", "Sinistra", "Davanti", "I numeri sono quelli della tabella.",
                     "Dati dal piano PLN-2026-004217 (planning-core 3.2.0), esportato il venerdì 20 novembre 2026, ore 10:15."] {
            XCTAssertTrue(words.contains(word), word)
        }
    }

    /// The example's figure: target 1 (right acetabulum) left of the figure's midline, target 2 (left humerus) right of it;
    /// a vertebra or the sacrum adds the back view.
    func testExampleFigureMarkers() throws {
        let doc = try engine.document(.consent, plan: try plan(), language: "it")
        func figure(_ blocks: [Block]) -> BodyDiagramSpec? {
            for block in blocks {
                switch block {
                case .bodyDiagram(let s): return s
                case .beside(let inner), .keepTogether(let inner): if let s = figure(inner) { return s }
                default: continue
                }
            }
            return nil
        }
        let spec = try XCTUnwrap(figure(doc.blocks), "the figure, beside the targets table")
        XCTAssertEqual(spec.markers, [.init(number: 1, site: "acetabulum", side: "right"),
                                      .init(number: 2, site: "humerus-proximal", side: "left")])
        XCTAssertEqual(spec.labels.right, "Destra")

        var json = try examplePlanJSON()
        var targets = json["targets"] as! [[String: Any]]
        targets.append(["id": "T3", "site": "vertebra", "level": "L2", "side": "midline", "lesion": "myeloma",
                        "needles": 2, "needleGauge": 11, "plannedCementMl": 4.0])
        json["targets"] = targets
        var outcome = json["outcome"] as! [String: Any]
        var done = outcome["targets"] as! [[String: Any]]
        done.append(["id": "T3", "treated": false, "cementMl": 0, "leakage": "none"])
        outcome["targets"] = done
        json["outcome"] = outcome
        let spine = try OsteoDoc.plan(from: try data(json))
        for kind in [DocumentKind.consent, .discharge] {  // the documents with the plan summary and its figure
            let html = String(decoding: try engine.render(kind, plan: spine, language: "it", format: .html), as: UTF8.self)
            XCTAssertTrue(html.contains("class=\"view-front\"") && html.contains("class=\"view-back\""), "\(kind)")
            XCTAssertTrue(html.contains(">Dietro</text>"), "\(kind)")
            let ar = String(decoding: try engine.render(kind, plan: spine, language: "ar", format: .html), as: UTF8.self)
            let front = try XCTUnwrap(ar.range(of: "class=\"view-front\"")), back = try XCTUnwrap(ar.range(of: "class=\"view-back\""))
            XCTAssertLessThan(back.lowerBound, front.lowerBound, "Arabic: front view on the right, drawn second")
        }
    }
}
