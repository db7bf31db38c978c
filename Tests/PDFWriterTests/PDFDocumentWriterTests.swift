// Whole documents checked with real oracles: qpdf, pdffonts, pdfinfo, pdftotext,
// pdftoppm (poppler 22.12 on Debian 12).
import Foundation
import XCTest
@testable import PDFWriter

final class PDFDocumentWriterTests: XCTestCase {
    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map {
            // pdftotext wraps right-to-left lines in RLE … PDF (U+202B, U+202C).
            String($0.unicodeScalars.filter { $0 != "\u{202B}" && $0 != "\u{202C}" && $0 != "\u{0C}" }
                .map(Character.init)).trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }

    func testTwoPageDocumentPassesTheOracles() throws {
        let sample = try SampleDocument.twoPages()
        let pdf = try PDFDocumentWriter.write(pages: sample.pages, info: sample.info)
        XCTAssertLessThan(pdf.count, 60_000, "the fonts must be subset")

        try withTemporaryFile(pdf) { path in
            // qpdf: no errors, no warnings (exit status 3 means warnings).
            let check = try runTool("qpdf", ["--check", path], allowFailure: true)
            XCTAssertEqual(check.status, 0, check.output + check.error)
            XCTAssertTrue(check.output.contains("No syntax or stream encoding errors found"), check.output)
            XCTAssertFalse((check.output + check.error).uppercased().contains("WARNING"), check.output + check.error)

            // pdffonts: three Type0 fonts with CID TrueType descendants, embedded, subset, ToUnicode.
            let fonts = try runTool("pdffonts", [path]).output.split(separator: "\n").dropFirst(2)
            XCTAssertEqual(fonts.count, 3, fonts.joined(separator: "\n"))
            let row = try NSRegularExpression(pattern: #"^[A-Z]{6}\+(\S+)\s+CID TrueType\s+Custom\s+yes\s+yes\s+yes\s+\d+\s+0$"#)
            var names: [String] = []
            for line in fonts {
                let text = String(line)
                let match = row.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
                XCTAssertNotNil(match, "pdffonts row: \(text)")
                if let match, let range = Range(match.range(at: 1), in: text) { names.append(String(text[range])) }
            }
            XCTAssertEqual(names, ["NotoSans-Bold", "NotoSans-Regular", "NotoNaskhArabic-Regular"])

            // pdfinfo: pages, A4, title, no creation date.
            let info = try runTool("pdfinfo", [path]).output
            let fields = Dictionary(info.split(separator: "\n").compactMap { line -> (String, String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }, uniquingKeysWith: { first, _ in first })
            XCTAssertEqual(fields["Pages"], "2")
            let size = fields["Page size"] ?? ""
            XCTAssertTrue(size.hasPrefix("595.276 x 841.89") || size.hasPrefix("595.28 x 841.89") || size.hasPrefix("595 x 842"), size)
            XCTAssertEqual(fields["Title"], SampleDocument.title)
            XCTAssertEqual(fields["Author"], "Ospedale di prova")
            XCTAssertEqual(fields["Creator"], "osteodoc 0.1")
            XCTAssertEqual(fields["Producer"], "osteodoc")
            XCTAssertEqual(fields["Metadata Stream"], "yes")
            XCTAssertNil(fields["CreationDate"], info)
            XCTAssertEqual(fields["PDF version"], "1.7")

            // pdftotext: the Italian text exactly, the Arabic words in logical order.
            let page1 = lines(try runTool("pdftotext", ["-f", "1", "-l", "1", path, "-"]).output)
            XCTAssertEqual(page1.filter { $0 == SampleDocument.italian }.count, 2, page1.joined(separator: "\n"))
            XCTAssertTrue(page1.contains("Consenso informato"), page1.joined(separator: "\n"))
            XCTAssertTrue(page1.contains(SampleDocument.arabic), "Arabic line: \(page1.joined(separator: "\n"))")
            let arabicLine = page1.first { $0.unicodeScalars.contains { ToUnicodeCMap.isRightToLeft($0) } } ?? ""
            XCTAssertEqual(arabicLine.split(separator: " "), ["السلام", "عليكم", "ولا"])
            let page2 = lines(try runTool("pdftotext", ["-f", "2", "-l", "2", path, "-"]).output)
            XCTAssertEqual(page2, ["Lettera di dimissione", "Controllo tra 30 giorni: città di Pisa, è già fissato."])

            // Outline: two items pointing to pages 1 and 2, shown when the file opens.
            let json = try runTool("qpdf", ["--json", "--json-key=outlines", path]).output
            let outline = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let items = try XCTUnwrap(outline["outlines"] as? [[String: Any]])
            XCTAssertEqual(items.map { $0["title"] as? String }, ["Consenso informato", "Lettera di dimissione"])
            XCTAssertEqual(items.map { $0["destpageposfrom1"] as? Int }, [1, 2])

            // pdftoppm renders both pages without complaint.
            let prefix = path + "-render"
            let render = try runTool("pdftoppm", ["-png", "-r", "80", path, prefix])
            XCTAssertEqual(render.error, "")
            for page in 1...2 {
                let png = "\(prefix)-\(page).png"
                XCTAssertTrue(FileManager.default.fileExists(atPath: png), png)
                try? FileManager.default.removeItem(atPath: png)
            }
        }

        // The catalog and Info entries as written.
        let text = String(decoding: pdf, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("%PDF-1.7\n"))
        XCTAssertTrue(text.contains("/Lang (it-IT)"))
        XCTAssertTrue(text.contains("/ViewerPreferences << /DisplayDocTitle true >>"))
        XCTAssertTrue(text.contains("/PageMode /UseOutlines"))
        XCTAssertTrue(text.contains("/Type /Metadata /Subtype /XML"))
        XCTAssertFalse(text.contains("CreationDate"))
        XCTAssertFalse(text.contains("CreateDate"))
    }

    /// A font (Noto Sans Arabic) that draws lam-alef as one glyph standing for
    /// two characters: the case where poppler reverses the pair.
    func testLamAlefLigaturesExtractInLogicalOrder() throws {
        let font = "NotoSansArabic-Regular.ttf"
        let lines = ["السلام عليكم ولا", "لا إله إلا الله", "ولا السلام"]
        let runs = try lines.enumerated().map { index, text in
            try SampleDocument.arabicRun(text, font: font, size: 14, right: 545, y: 780 - Double(index) * 30)
        }
        let ligatures = runs.flatMap(\.glyphs).filter { $0.text.unicodeScalars.count > 1 }.map(\.text)
        XCTAssertTrue(ligatures.contains("لا"), "precondition: \(font) must form a lam-alef ligature glyph, got \(ligatures)")

        let pdf = try PDFDocumentWriter.write(
            pages: [PDFPage(width: SampleDocument.width, height: SampleDocument.height, texts: runs)],
            info: PDFDocumentInfo(title: "Arabic", language: "ar", identifier: "lam-alef"))
        try withTemporaryFile(pdf) { path in
            XCTAssertEqual(try runTool("qpdf", ["--check", path], allowFailure: true).status, 0)
            XCTAssertEqual(self.lines(try runTool("pdftotext", [path, "-"]).output), lines)
        }
    }

    /// One byte addresses 250 glyphs and the space: a document showing more glyphs of one font
    /// gets a second encoding (a second Type0 font over the same CIDFont and program), switched
    /// with Tf inside a line; every letter still extracts, in order, and the file is clean.
    func testMoreGlyphsThanOneByteGetASecondEncoding() throws {
        let font = try Fonts.load("NotoSans-Regular.ttf")
        // Latin, Greek and Cyrillic letters the font has, each its own glyph: 320 of them.
        var letters: [Character] = []
        var seen = Set<UInt16>()
        for value in UInt32(0x41)...0x4FF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic,
                  let glyph = font.pdf.nominalGlyph(scalar), seen.insert(glyph).inserted else { continue }
            letters.append(Character(scalar))
            if letters.count == 320 { break }
        }
        XCTAssertEqual(letters.count, 320)
        // Forty letters a line, the second line starting inside the first encoding's range
        // and running into the second's.
        let lines = stride(from: 0, to: letters.count, by: 40).map { String(letters[$0..<min($0 + 40, letters.count)]) }
        let runs = try lines.enumerated().map { index, text in
            try SampleDocument.latinRun(text, font: "NotoSans-Regular.ttf", size: 10, x: 40, y: 780 - Double(index) * 20)
        }
        let pdf = try PDFDocumentWriter.write(pages: [PDFPage(width: SampleDocument.width, height: SampleDocument.height, texts: runs)],
                                              info: PDFDocumentInfo(title: "Letters", language: "it", identifier: "letters"))
        try withTemporaryFile(pdf) { path in
            let check = try runTool("qpdf", ["--check", path], allowFailure: true)
            XCTAssertEqual(check.status, 0, check.output + check.error)
            let fonts = try runTool("pdffonts", [path]).output.split(separator: "\n").dropFirst(2)
            XCTAssertEqual(fonts.count, 2, "two encodings: \(fonts.joined(separator: "\n"))")
            XCTAssertEqual(Set(fonts.map { $0.split(separator: " ")[0] }).count, 1, "one subset behind both")
            XCTAssertEqual(self.lines(try runTool("pdftotext", [path, "-"]).output), lines)
        }
    }

    func testCreationDateIsWrittenOnlyWhenGiven() throws {
        let sample = try SampleDocument.twoPages(creationDate: "2026-02-03T10:15:30+01:00")
        let pdf = try PDFDocumentWriter.write(pages: sample.pages, info: sample.info)
        let text = String(decoding: pdf, as: UTF8.self)
        XCTAssertTrue(text.contains("/CreationDate (D:20260203101530+01'00')"))
        XCTAssertTrue(text.contains("<xmp:CreateDate>2026-02-03T10:15:30+01:00</xmp:CreateDate>"))
        try withTemporaryFile(pdf) { path in
            XCTAssertTrue(try runTool("pdfinfo", [path]).output.contains("CreationDate:"))
            XCTAssertEqual(try runTool("qpdf", ["--check", path], allowFailure: true).status, 0)
        }
    }

    func testSameInputGivesIdenticalBytes() throws {
        let sample = try SampleDocument.twoPages()
        let first = try PDFDocumentWriter.write(pages: sample.pages, info: sample.info)
        let second = try PDFDocumentWriter.write(pages: sample.pages, info: sample.info)
        XCTAssertEqual(first, second)

        // Also with fresh font objects for the same files (no identity or
        // address leaks into the output).
        func rebuilt(_ pages: [PDFPage]) throws -> [PDFPage] {
            var fresh: [ObjectIdentifier: PDFFont] = [:]
            return try pages.map { page in
                var page = page
                page.texts = try page.texts.map { run in
                    var run = run
                    let key = ObjectIdentifier(run.font)
                    if fresh[key] == nil {
                        let name = ["NotoSans-Regular", "NotoSans-Bold", "NotoNaskhArabic-Regular"].first { $0 == run.font.postScriptName }!
                        fresh[key] = try PDFFont.load(fileData: Fonts.data(name + ".ttf"))
                    }
                    run.font = fresh[key]!
                    return run
                }
                return page
            }
        }
        XCTAssertEqual(try PDFDocumentWriter.write(pages: rebuilt(sample.pages), info: sample.info), first)

        var other = sample.info
        other.identifier = "osteodoc-test-0002"
        let third = try PDFDocumentWriter.write(pages: sample.pages, info: other)
        XCTAssertNotEqual(third, first, "the /ID derives from the identifier")
        XCTAssertEqual(third.count, first.count)
    }

    /// A font's first subset comes from the raw face, later ones from the preprocessed
    /// face (Typesetting's FontSubsetter): both must give the same bytes.
    func testFirstAndLaterSubsetsAreIdentical() throws {
        let sample = try SampleDocument.twoPages()
        var fresh: [ObjectIdentifier: PDFFont] = [:]
        let pages = try sample.pages.map { page in
            var page = page
            page.texts = try page.texts.map { run in
                var run = run
                let key = ObjectIdentifier(run.font)
                if fresh[key] == nil { fresh[key] = try PDFFont.load(fileData: Fonts.data(run.font.postScriptName + ".ttf")) }
                run.font = fresh[key]!
                return run
            }
            return page
        }
        let writes = try (0..<3).map { _ in try PDFDocumentWriter.write(pages: pages, info: sample.info) }
        XCTAssertEqual(writes[0], writes[1], "raw face vs preprocessed face")
        XCTAssertEqual(writes[1], writes[2])
    }

    /// Fonts are shared between documents written at the same time.
    func testConcurrentWritesShareFontsAndAgree() throws {
        let sample = try SampleDocument.twoPages()
        let expected = try PDFDocumentWriter.write(pages: sample.pages, info: sample.info)
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var outputs: [[UInt8]] = []
            var errors: [Error] = []
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            do {
                let pdf = try PDFDocumentWriter.write(pages: sample.pages, info: sample.info)
                results.lock.withLock { results.outputs.append(pdf) }
            } catch {
                results.lock.withLock { results.errors.append(error) }
            }
        }
        XCTAssertTrue(results.errors.isEmpty, "\(results.errors)")
        XCTAssertEqual(results.outputs.count, 16)
        XCTAssertTrue(results.outputs.allSatisfy { $0 == expected })
    }

    func testIDIsTheMD5OfTheIdentifier() throws {
        let sample = try SampleDocument.twoPages()
        let text = String(decoding: try PDFDocumentWriter.write(pages: sample.pages, info: sample.info), as: UTF8.self)
        let digest = MD5.digest(Array("osteodoc-test-0001".utf8)).map { String(format: "%02X", $0) }.joined()
        XCTAssertTrue(text.contains("/ID [<\(digest)><\(digest)>]"), digest)
    }

    func testGlyphZeroThrows() throws {
        var sample = try SampleDocument.twoPages()
        sample.pages[1].texts[1].glyphs[3].id = 0
        XCTAssertThrowsError(try PDFDocumentWriter.write(pages: sample.pages, info: sample.info)) { error in
            let error = error as? PDFWriterError
            XCTAssertEqual(error?.code, .notdefGlyph)
            XCTAssertEqual(error?.page, 1)
            XCTAssertEqual(error?.run, 1)
            XCTAssertEqual(error?.glyph, 3)
        }
    }

    func testInvalidDocumentsThrow() throws {
        let sample = try SampleDocument.twoPages()
        XCTAssertThrowsError(try PDFDocumentWriter.write(pages: [], info: sample.info)) {
            XCTAssertEqual(($0 as? PDFWriterError)?.code, .noPages)
        }
        var info = sample.info
        info.outline = [PDFOutlineItem(title: "x", pageIndex: 2, y: 0)]
        XCTAssertThrowsError(try PDFDocumentWriter.write(pages: sample.pages, info: info)) {
            XCTAssertEqual(($0 as? PDFWriterError)?.code, .invalidOutline)
        }
        info = sample.info
        info.creationDate = "yesterday"
        XCTAssertThrowsError(try PDFDocumentWriter.write(pages: sample.pages, info: info)) {
            XCTAssertEqual(($0 as? PDFWriterError)?.code, .invalidDate)
        }
        var pages = sample.pages
        pages[0].width = 0
        XCTAssertThrowsError(try PDFDocumentWriter.write(pages: pages, info: sample.info)) {
            XCTAssertEqual(($0 as? PDFWriterError)?.code, .invalidValue)
        }
    }

    func testNestedOutline() throws {
        var sample = try SampleDocument.twoPages()
        sample.info.outline = [
            PDFOutlineItem(title: "Consenso", pageIndex: 0, y: 800, children: [
                PDFOutlineItem(title: "Rischi", pageIndex: 0, y: 700),
                PDFOutlineItem(title: "Benefici", pageIndex: 1, y: 600, children: [
                    PDFOutlineItem(title: "Dolore", pageIndex: 1, y: 500.5)]),
            ]),
            PDFOutlineItem(title: "Dimissione — città", pageIndex: 1, y: 816),
        ]
        let pdf = try PDFDocumentWriter.write(pages: sample.pages, info: sample.info)
        let text = String(decoding: pdf, as: UTF8.self)
        XCTAssertTrue(text.contains("/Type /Outlines /First 6 0 R /Last 10 0 R /Count 5"))
        XCTAssertTrue(text.contains("<< /Title (Consenso) /Parent 5 0 R /Next 10 0 R /First 7 0 R /Last 8 0 R /Count 3 /Dest ["))
        XCTAssertTrue(text.contains("<< /Title (Benefici) /Parent 6 0 R /Prev 7 0 R /First 9 0 R /Last 9 0 R /Count 1 /Dest ["))
        XCTAssertTrue(text.contains("/XYZ null 500.5 null]"))
        try withTemporaryFile(pdf) { path in
            XCTAssertEqual(try runTool("qpdf", ["--check", path], allowFailure: true).status, 0)
            let json = try runTool("qpdf", ["--json", "--json-key=outlines", path]).output
            let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let items = try XCTUnwrap(root["outlines"] as? [[String: Any]])
            XCTAssertEqual(items.map { $0["title"] as? String }, ["Consenso", "Dimissione — città"])
            let kids = try XCTUnwrap(items[0]["kids"] as? [[String: Any]])
            XCTAssertEqual(kids.map { $0["title"] as? String }, ["Rischi", "Benefici"])
            XCTAssertEqual(kids.map { $0["destpageposfrom1"] as? Int }, [1, 2])
            XCTAssertEqual((kids[1]["kids"] as? [[String: Any]])?.first?["title"] as? String, "Dolore")
        }
    }

    /// Not an assertion: prints how long a 4-page write takes with fonts cached.
    /// Meaningful in release: swift test -c release -Xswiftc -enable-testing --filter Timing
    func testTimingFourPages() throws {
        let pages = try SampleDocument.pages(4)
        let info = PDFDocumentInfo(title: "Timing", language: "it-IT", identifier: "timing")
        _ = try PDFDocumentWriter.write(pages: pages, info: info)  // warm up
        let rounds = 20
        let start = DispatchTime.now().uptimeNanoseconds
        var size = 0
        for _ in 0..<rounds { size = try PDFDocumentWriter.write(pages: pages, info: info).count }
        let perWrite = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(rounds) / 1e6
        print(String(format: "PDFWriter timing: 4 pages, %d glyphs, %d bytes: %.2f ms per write",
                     pages.flatMap(\.texts).map(\.glyphs.count).reduce(0, +), size, perWrite))
        for name in ["NotoSans-Regular.ttf", "NotoNaskhArabic-Regular.ttf"] {
            let data = try Fonts.data(name)
            let begin = DispatchTime.now().uptimeNanoseconds
            _ = try PDFFont.load(fileData: data)
            print(String(format: "PDFWriter timing: PDFFont(%@) once per process: %.2f ms", name,
                         Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6))
        }
    }
}
