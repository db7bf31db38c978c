// Tagged PDF (ISO 32000-1 §14.7–14.8), the PDF/A identification and OutputIntent, and the
// compressed object stream and cross-reference stream they are written with.
import Foundation
import XCTest
@testable import PDFWriter

final class TaggedPDFTests: XCTestCase {
    private static let profilePath = "/usr/share/color/icc/sRGB.icc"

    /// The sample's two pages tagged: a Document with an H1 and a P on page 1 (the P goes on
    /// to page 2), a Figure with Alt, a table header cell with a scope, the rules artifacts.
    private func taggedSample() throws -> [UInt8] {
        var (pages, info) = try SampleDocument.twoPages()
        info.structure = [
            PDFStructureElement(type: "Document", parent: nil),
            PDFStructureElement(type: "H1", parent: 0),
            PDFStructureElement(type: "P", parent: 0),
            PDFStructureElement(type: "P", parent: 0, language: "ar"),
            PDFStructureElement(type: "Figure", parent: 0, alternateDescription: "Una forma grigia"),
            PDFStructureElement(type: "Table", parent: 0),
            PDFStructureElement(type: "TR", parent: 5),
            PDFStructureElement(type: "TH", parent: 6, scope: .row),
        ]
        let profile = try XCTUnwrap(FileManager.default.contents(atPath: Self.profilePath), "icc-profiles-free")
        info.outputIntentProfile = [UInt8](profile)
        info.producer = "osteodoc 9.9.9"
        pages[0].graphicMarks = [.artifact(.header), .artifact(.layout), .element(7), .element(4)]
        let marks: [PDFContentMark] = [.element(1), .element(2), .element(2), .element(3), .element(7)]
        for index in pages[0].texts.indices { pages[0].texts[index].mark = marks[index] }
        pages[0].texts[1].spans = [PDFTextSpan(glyphs: 0..<5, language: "it-IT", actualText: "Cemen")]
        pages[1].graphicMarks = [.artifact(.header), .artifact(.layout)]
        pages[1].texts[0].mark = .artifact(.footer(alternateDescription: "OSTEODOC:x:2/2"))
        pages[1].texts[1].mark = .element(2)
        return try PDFDocumentWriter.write(pages: pages, info: info)
    }

    func testTaggedFileReadsBackInPopplerAndQpdf() throws {
        let bytes = try taggedSample()
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("/Type/XRef"), "object stream needs a cross-reference stream")
        XCTAssertTrue(text.contains("/DecodeParms<</Predictor 12/Columns "), "cross-reference rows PNG-Up predicted")
        // Every dictionary sits in the object stream: none of the catalog, page or font keys in the file's own bytes.
        for key in ["/Catalog", "/MediaBox", "/CIDFontType2", "/StructTreeRoot", "/GTS_PDFA1"] {
            XCTAssertFalse(text.contains(key), key)
        }
        XCTAssertTrue(text.contains("<pdfaid:part>2</pdfaid:part>"))
        XCTAssertTrue(text.contains("<pdfuaid:part>1</pdfuaid:part>"))
        XCTAssertTrue(text.contains("<pdf:Producer>osteodoc 9.9.9</pdf:Producer>"))
        try withTemporaryFile(bytes) { path in
            let objects = try runTool("qpdf", ["--stream-data=uncompress", "--object-streams=disable", path, "-"]).output
            // qpdf writes the objects out of the object stream, keys sorted.
            XCTAssertTrue(objects.contains("/MarkInfo << /Marked true >>") && objects.contains("/StructTreeRoot"), objects)
            XCTAssertTrue(objects.contains("/StructParents 1 /Tabs /S"), objects)
            XCTAssertTrue(objects.contains("/OutputConditionIdentifier (sRGB IEC61966-2.1) /S /GTS_PDFA1"), objects)
            let check = try runTool("qpdf", ["--check", path])
            XCTAssertEqual(check.status, 0, check.output + check.error)
            let info = try runTool("pdfinfo", [path]).output
            XCTAssertTrue(info.contains("Tagged:          yes"), info)
            XCTAssertTrue(info.contains("Producer:        osteodoc 9.9.9"), info)
            let dump = try runTool("pdfinfo", ["-struct-text", path]).output
            // The paragraph's three sequences (two on page 1, one on page 2) in order, under the Document.
            XCTAssertTrue(dump.hasPrefix("Document\n  H1 (block)\n    \"Consenso informato\"\n  P (block)\n"), dump)
            XCTAssertTrue(dump.contains("Controllo tra 30 giorni"), dump)
            XCTAssertTrue(dump.contains("/Scope /Row"), dump)
            // Artifacts are not in the structure.
            XCTAssertFalse(dump.contains("OSTEODOC"), dump)
            // pdftotext reads the page text as before, the ActualText span included.
            let page1 = try runTool("pdftotext", ["-f", "1", "-l", "1", path, "-"]).output
            XCTAssertTrue(page1.contains(SampleDocument.italian), page1)
        }
    }

    func testContentStreamMarksEverySequence() throws {
        let bytes = try taggedSample()
        try withTemporaryFile(bytes) { path in
            let content = try runTool("qpdf", ["--stream-data=uncompress", "--object-streams=disable", path, "-"]).output
            XCTAssertTrue(content.contains("/Artifact <</Type /Pagination /Subtype /Header>> BDC"), "header rule")
            XCTAssertTrue(content.contains("/Artifact BMC"), "layout artifact")
            XCTAssertTrue(content.contains("/H1<</MCID 2>>BDC"), "heading content")
            // The span is a sequence of the paragraph's own (MCID 3), not nested inside the paragraph's.
            XCTAssertTrue(content.contains("/Span<</MCID 3/Lang(it-IT)/ActualText(Cemen)>>BDC"), "span as a sequence of its own")
            XCTAssertTrue(content.contains("/Artifact <</Type /Pagination /Subtype /Footer /Alt (OSTEODOC:x:2/2)>> BDC"))
        }
    }

    func testStructureMustBeWellFormed() throws {
        var (pages, info) = try SampleDocument.twoPages()
        info.structure = [PDFStructureElement(type: "P", parent: 1), PDFStructureElement(type: "Document", parent: nil)]
        XCTAssertThrowsError(try PDFDocumentWriter.write(pages: pages, info: info)) { error in
            XCTAssertEqual((error as? PDFWriterError)?.code, .invalidStructure)
        }
        info.structure = [PDFStructureElement(type: "P", parent: nil)]
        pages[0].texts[0].mark = .element(3)
        XCTAssertThrowsError(try PDFDocumentWriter.write(pages: pages, info: info)) { error in
            XCTAssertEqual((error as? PDFWriterError)?.code, .invalidStructure)
        }
        info.structure = nil
        info.outputIntentProfile = Array(repeating: 0, count: 200)
        XCTAssertThrowsError(try PDFDocumentWriter.write(pages: pages, info: info), "not an ICC profile")
    }

    func testTaggedOutputIsDeterministic() throws {
        XCTAssertEqual(try taggedSample(), try taggedSample())
    }
}
