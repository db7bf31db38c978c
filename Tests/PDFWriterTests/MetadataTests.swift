// Dates (ISO 32000-1 §7.9.4) and the XMP packet (§14.3.2).
import XCTest
@testable import PDFWriter

final class MetadataTests: XCTestCase {
    func testRFC3339DatesConvertToPDFAndXMP() throws {
        let local = try PDFDate(rfc3339: "2026-02-03T10:15:30+01:00")
        XCTAssertEqual(local.pdfString, "D:20260203101530+01'00'")
        XCTAssertEqual(local.xmpString, "2026-02-03T10:15:30+01:00")
        let utc = try PDFDate(rfc3339: "2026-12-31t23:59:60.25z")
        XCTAssertEqual(utc.pdfString, "D:20261231235959Z")
        XCTAssertEqual(utc.xmpString, "2026-12-31T23:59:60.25Z")
        let west = try PDFDate(rfc3339: "2024-02-29 08:00:00-05:30")
        XCTAssertEqual(west.pdfString, "D:20240229080000-05'30'")
        XCTAssertEqual(try PDFDate(rfc3339: "2026-01-01T00:00:00-00:00").pdfString, "D:20260101000000Z")
    }

    func testMalformedDatesThrow() {
        for text in ["", "2026-02-03", "2026-02-30T10:00:00Z", "2025-02-29T10:00:00Z", "2026-02-03T24:00:00Z",
                     "2026-02-03T10:00:00", "2026-02-03T10:00:00+1:00", "2026-02-03T10:00:00.Z", "2026-02-03T10:00:00Zx"] {
            XCTAssertThrowsError(try PDFDate(rfc3339: text), text) { error in
                XCTAssertEqual((error as? PDFWriterError)?.code, .invalidDate)
            }
        }
    }

    func testXMPPacketMirrorsTheInfoDictionary() throws {
        var info = PDFDocumentInfo(title: "Consenso <informato> & \"firma\"", language: "it-IT", identifier: "x")
        var packet = String(decoding: XMP.packet(info: info, creationDate: nil), as: UTF8.self)
        XCTAssertTrue(packet.hasPrefix("<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"))
        XCTAssertTrue(packet.contains("<rdf:li xml:lang=\"x-default\">Consenso &lt;informato&gt; &amp; &quot;firma&quot;</rdf:li>"))
        XCTAssertTrue(packet.contains("<dc:language><rdf:Bag><rdf:li>it-IT</rdf:li></rdf:Bag></dc:language>"))
        XCTAssertTrue(packet.contains("<dc:format>application/pdf</dc:format>"))
        XCTAssertTrue(packet.contains("<pdf:Producer>osteodoc</pdf:Producer>"))
        XCTAssertFalse(packet.contains("CreateDate"))
        XCTAssertFalse(packet.contains("dc:creator"))
        XCTAssertTrue(packet.hasSuffix("<?xpacket end=\"r\"?>"))

        info.author = "Dr. Rossi"
        info.creator = "osteodoc 0.1"
        packet = String(decoding: XMP.packet(info: info, creationDate: try PDFDate(rfc3339: "2026-02-03T10:15:00Z")),
                        as: UTF8.self)
        XCTAssertTrue(packet.contains("<xmp:CreateDate>2026-02-03T10:15:00Z</xmp:CreateDate>"))
        XCTAssertTrue(packet.contains("<dc:creator><rdf:Seq><rdf:li>Dr. Rossi</rdf:li></rdf:Seq></dc:creator>"))
        XCTAssertTrue(packet.contains("<xmp:CreatorTool>osteodoc 0.1</xmp:CreatorTool>"))
    }
}
