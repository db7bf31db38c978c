import Foundation
import ScanReading
import TestSupport
import XCTest
@testable import OsteoDoc

/// The fill-in places osteodoc reports are where the PDF draws its boxes, lines and QR codes:
/// checked on the rasterized page (pdftoppm), not against the layout's own numbers.
final class DocumentFormTests: XCTestCase {
    func testTheConsentFormNamesEveryBoxSignatureAndPageCode() throws {
        let plan = try OsteoDoc.plan(from: examplePlanData())
        let form = try engine.form(.consent, plan: plan, language: "it")
        let pdf = try engine.render(.consent, plan: plan, language: "it", format: .pdf)
        XCTAssertEqual(form.pages.count, try pageCount(pdf))
        XCTAssertEqual(form.documentId, engine.documentId(.consent, plan: plan, language: "it"))
        for (index, page) in form.pages.enumerated() {
            let codes = page.fields.filter { $0.kind == .pageCode }
            XCTAssertEqual(codes.map(\.label), ["OSTEODOC:\(form.documentId):\(index + 1)/\(form.pages.count)"])
            for field in page.fields {
                XCTAssertTrue(field.x >= 0 && field.y >= 0 && field.x + field.width <= page.width && field.y + field.height <= page.height)
            }
        }
        let fields = form.pages.flatMap(\.fields)
        let decision = fields.filter { $0.kind == .checklist && ($0.label.hasPrefix("CONSENTO ") || $0.label.hasPrefix("NON CONSENTO ")) }
        XCTAssertEqual(decision.count, 2, fields.filter { $0.kind == .checklist }.map(\.label).joined(separator: " | "))
        XCTAssertEqual(Set(decision.map(\.group)).count, 1, "the two decisions are one list")
        XCTAssertTrue(decision.allSatisfy(\.oneAnswer), "consent or refusal: one tick")
        XCTAssertEqual(fields.filter { $0.kind == .checklist && $0.oneAnswer }.count, 2, "no other list takes one tick only")
        let questions = Dictionary(grouping: fields.filter { $0.kind == .choice }, by: \.group)
        XCTAssertGreaterThanOrEqual(questions.count, 3, "allergies, anticoagulants, infection")
        XCTAssertTrue(questions.values.allSatisfy { $0.count >= 2 && Set($0.map(\.prompt)).count == 1 })
        let signatures = fields.filter { $0.kind == .signature }
        XCTAssertTrue(signatures.contains { $0.label == "Firma" && $0.required && $0.prompt.contains("paziente") }, signatures.map(\.prompt).description)
        XCTAssertEqual(Set(signatures.filter(\.required).map(\.label)), ["Firma"], "dates, times and names are not signatures")
        // The patient's and the physician's; not the witness's nor the revocation's (signed only when it applies).
        XCTAssertEqual(signatures.filter(\.required).map(\.prompt), ["La paziente", "Il medico che ha dato le informazioni"])
        XCTAssertEqual(Set(signatures.map(\.group)).count, 4, signatures.map(\.prompt).description)
        let choices = fields.filter { $0.kind == .choice }
        XCTAssertTrue(choices.filter { !$0.prompt.hasPrefix("Se la paziente non può firmare") }.allSatisfy(\.oneAnswer))
        XCTAssertTrue(choices.filter { $0.prompt.hasPrefix("Se la paziente non può firmare") }.allSatisfy { !$0.oneAnswer },
                      "how a patient who cannot sign consented: answered only then")
        // Same input, same form.
        XCTAssertEqual(try engine.form(.consent, plan: plan, language: "it"), form)
    }

    func testEveryBoxIsWhereThePageDrawsASquare() throws {
        let plan = try OsteoDoc.plan(from: examplePlanData())
        for language in ["it", "ar"] {
            let form = try engine.form(.consent, plan: plan, language: language)
            let pdf = try engine.render(.consent, plan: plan, language: language, format: .pdf)
            // Rasterized by poppler (ScanReading runs pdftoppm -gray), the scans' own path.
            let dpi = 144, scale = Double(dpi) / 72
            let images = try ScanDecoder.pages(of: Data(pdf), resolution: dpi)
            XCTAssertEqual(images.count, form.pages.count)
            var boxes = 0
            for (index, page) in form.pages.enumerated() where page.fields.contains(where: { $0.kind != .pageCode }) {
                let image = images[index]
                for field in page.fields where field.kind == .choice || field.kind == .checklist {
                    // The border is dark, the inside white: sample the middle of each side and the centre.
                    let left = field.x * scale, top = field.y * scale, w = field.width * scale, h = field.height * scale
                    let sides = [(left, top + h / 2), (left + w, top + h / 2), (left + w / 2, top), (left + w / 2, top + h)]
                    for (x, y) in sides {
                        XCTAssertLessThan(image.darkest(aroundX: x, y: y, radius: 2), 110, "\(language) page \(index + 1): \(field.label) border at \(x),\(y)")
                    }
                    XCTAssertGreaterThan(image.value(x: left + w / 2, y: top + h / 2), 230, "\(language) page \(index + 1): \(field.label) inside")
                    boxes += 1
                }
                for field in page.fields where field.kind == .signature {
                    // The signing line runs along the field's bottom edge.
                    let y = (field.y + field.height) * scale
                    XCTAssertLessThan(image.darkest(aroundX: (field.x + field.width / 2) * scale, y: y, radius: 2), 110,
                                      "\(language) page \(index + 1): line under \(field.label)")
                }
            }
            XCTAssertGreaterThan(boxes, 10, language)
        }
    }

    private func pageCount(_ pdf: [UInt8]) throws -> Int {
        let r = try ProcessRunner.run("pdfinfo", ["-"], input: Data(pdf))
        let line = r.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? -1
    }
}

extension GrayImage {
    fileprivate func value(x: Double, y: Double) -> UInt8 {
        self[x: min(max(Int(x), 0), width - 1), y: min(max(Int(y), 0), height - 1)]
    }

    fileprivate func darkest(aroundX x: Double, y: Double, radius: Int) -> UInt8 {
        var low: UInt8 = 255
        for dy in -radius...radius { for dx in -radius...radius { low = min(low, value(x: x + Double(dx), y: y + Double(dy))) } }
        return low
    }
}
