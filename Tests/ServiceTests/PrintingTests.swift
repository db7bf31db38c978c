import Foundation
import Registry
import Service
import TestSupport
import XCTest

/// Printing through a real CUPS scheduler with Debian's cups-pdf as the printer: the PDF that CUPS
/// writes has the issued document's pages, each page's QR code decodes to that document and page,
/// and the print event names the job. `.ci/run` starts CUPS and adds the queues
/// (`scripts/cups-test-printers.sh`); elsewhere the tests skip when the queues are not there.
final class PrintingTests: XCTestCase {
    /// A cups-pdf queue, and one that is stopped (cupsdisable).
    static let printer = ProcessInfo.processInfo.environment["OSTEODOC_TEST_PRINTER"] ?? "osteodoc-pdf"
    static let stoppedPrinter = ProcessInfo.processInfo.environment["OSTEODOC_TEST_STOPPED_PRINTER"] ?? "osteodoc-stopped"
    /// Where cups-pdf writes (its `Out`, ${HOME}/PDF in Debian's configuration: the home folder of
    /// the job's user in the password database, whatever HOME says).
    static let outputFolder = ProcessInfo.processInfo.environment["OSTEODOC_TEST_CUPS_PDF_OUT"]
        ?? ((getpwuid(getuid()).map { String(cString: $0.pointee.pw_dir) } ?? NSHomeDirectory()) as NSString).appendingPathComponent("PDF")

    private func requireQueues() throws {
        let state = try? ProcessRunner.run("/usr/bin/lpstat", ["-r", "-p", Self.printer, "-p", Self.stoppedPrinter])
        let ready = state.map { $0.status == 0 && $0.stdout.contains("scheduler is running") } ?? false
        if !ready {
            let message = "CUPS with the queues \(Self.printer) and \(Self.stoppedPrinter) is needed (scripts/cups-test-printers.sh)"
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail(message); throw XCTSkip(message) }
            throw XCTSkip(message)
        }
    }

    func testAConsentPrintedOnCupsPdfHasItsPagesAndQRCodesAndTheEventNamesTheJob() async throws {
        try requireQueues()
        let s = try await TestService { $0.printerConsent = Self.printer }
        let plan = try examplePlan()
        let outcome = Found<(String, String, Data)>()
        try await s.test { c in
            let (desk, id) = try await c.frontDeskWithConsent(plan)
            let first = try await c.request(.post, "/api/v1/documents/\(id)/print", body: Data("{}".utf8), login: desk)
            XCTAssertEqual(first.status, .created, first.text)
            let event = first.json["event"] as? [String: Any]
            XCTAssertEqual(event?["type"] as? String, "printed")
            let job = try XCTUnwrap(first.json["job"] as? String)
            XCTAssertTrue(job.hasPrefix("\(Self.printer)-"), job)
            XCTAssertEqual(event?["detail"] as? String, "printer \(Self.printer), job \(job)")
            let again = try await c.request(.post, "/api/v1/documents/\(id)/print", body: Data("{\"printer\":\"\(Self.printer)\"}".utf8), login: desk)
            XCTAssertEqual(again.status, .created, again.text)
            XCTAssertEqual((again.json["event"] as? [String: Any])?["type"] as? String, "reprinted", "a second print is a reprint")
            let pdf = try await c.request(.get, "/api/v1/documents/\(id).pdf", login: desk)
            outcome.set((id, job, pdf.body))
        }
        let (id, job, issuedPDF) = try XCTUnwrap(outcome.value)
        let printed = try waitForCupsPdfOutput(job: job)
        defer { try? FileManager.default.removeItem(at: printed) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let issuedFile = folder.appendingPathComponent("issued.pdf")
        try issuedPDF.write(to: issuedFile)
        let pages = try pageCount(issuedFile)
        XCTAssertGreaterThan(pages, 1)
        XCTAssertEqual(try pageCount(printed), pages, "CUPS printed every page")
        // Every page's QR code names the document (the id printed on it: the registry's id without
        // its issue number) and the page.
        let printedId = String(id[..<id.lastIndex(of: "-")!])
        let raster = try ProcessRunner.run("pdftoppm", ["-r", "110", "-gray", "-png", printed.path, folder.appendingPathComponent("page").path])
        XCTAssertEqual(raster.status, 0, raster.stderr)
        let images = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("page") }.sorted()
        XCTAssertEqual(images.count, pages)
        for (index, image) in images.enumerated() {
            let decoded = try ProcessRunner.run("zbarimg", ["-q", "--raw", folder.appendingPathComponent(image).path])
            XCTAssertEqual(decoded.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
                           "OSTEODOC:\(printedId):\(index + 1)/\(pages)", image)
        }
    }

    func testAPrinterThatIsDownOrMissingIsAnAnswerAndAnEventNeverASilentLoss() async throws {
        try requireQueues()
        let s = try await TestService()
        let plan = try examplePlan()
        try await s.test { c in
            let (desk, id) = try await c.frontDeskWithConsent(plan)
            let none = try await c.request(.post, "/api/v1/documents/\(id)/print", body: Data("{}".utf8), login: desk)
            XCTAssertEqual(none.status, .unprocessableContent, "no printer configured: \(none.text)")
            let stopped = try await c.request(.post, "/api/v1/documents/\(id)/print",
                                              body: Data("{\"printer\":\"\(Self.stoppedPrinter)\"}".utf8), login: desk)
            XCTAssertEqual(stopped.status, .conflict, stopped.text)
            XCTAssertTrue(stopped.text.contains("stopped"), stopped.text)
            let missing = try await c.request(.post, "/api/v1/documents/\(id)/print",
                                              body: Data("{\"printer\":\"no-such-queue\"}".utf8), login: desk)
            XCTAssertEqual(missing.status, .unprocessableContent, missing.text)
            let unsafe = try await c.request(.post, "/api/v1/documents/\(id)/print",
                                             body: Data("{\"printer\":\"-o evil\"}".utf8), login: desk)
            XCTAssertEqual(unsafe.status, .badRequest, unsafe.text)
            let ward = try await c.login(.ward)
            let forbidden = try await c.request(.post, "/api/v1/documents/\(id)/print",
                                                body: Data("{\"printer\":\"\(Self.printer)\"}".utf8), login: ward)
            XCTAssertEqual(forbidden.status, .forbidden, "the ward does not print consents")
            let events = try await s.registry.events(documentId: id).map(\.type)
            XCTAssertEqual(events, [.issued, .printFailed, .printFailed], "each failed attempt recorded, nothing printed")
        }
    }

    /// The file cups-pdf wrote for `job` ("osteodoc-pdf-12" → a name ending in "job_12.pdf").
    private func waitForCupsPdfOutput(job: String) throws -> URL {
        let number = job.split(separator: "-").last.map(String.init) ?? ""
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.outputFolder)) ?? []
            if let name = names.first(where: { $0.hasSuffix("job_\(number).pdf") }) {
                let url = URL(fileURLWithPath: Self.outputFolder).appendingPathComponent(name)
                // cups-pdf writes in place: wait until the file has stopped growing and parses.
                let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
                Thread.sleep(forTimeInterval: 0.5)
                let later = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
                if size > 0, size == later, (try? pageCount(url)) != nil { return url }
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
        XCTFail("cups-pdf wrote nothing for job \(job) in \(Self.outputFolder) within 90 s")
        throw NSError(domain: "PrintingTests", code: 2)
    }

    private func pageCount(_ file: URL) throws -> Int {
        let info = try ProcessRunner.run("pdfinfo", [file.path])
        guard info.status == 0, let line = info.stdout.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }),
              let pages = Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) else {
            throw NSError(domain: "PrintingTests", code: 1, userInfo: [NSLocalizedDescriptionKey: "pdfinfo: \(info.stderr)"])
        }
        return pages
    }
}
