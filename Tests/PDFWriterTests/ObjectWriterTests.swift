// Byte-exact test of the file structure (ISO 32000-1 §7.5).
import XCTest
@testable import PDFWriter

final class ObjectWriterTests: XCTestCase {
    func testMinimalFileIsByteExact() throws {
        var writer = ObjectWriter()
        writer.writeHeader()
        let catalog = writer.allocate()
        let stream = writer.allocate()
        XCTAssertEqual([catalog, stream], [1, 2])
        writer.dictionary(catalog) { out in
            out.ascii(" /Type /Catalog /Pages ")
            out.pdfRef(stream)
        }
        writer.stream(stream, data: Array("abc".utf8)) { $0.ascii(" /Filter /FlateDecode") }
        let file = try writer.finish(root: catalog, info: catalog, id: [UInt8](0..<16))

        var expected: [UInt8] = Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        expected += Array("""
            1 0 obj
            << /Type /Catalog /Pages 2 0 R >>
            endobj
            2 0 obj
            << /Length 3 /Filter /FlateDecode >>
            stream
            abc
            endstream
            endobj
            xref
            0 3
            0000000000 65535 f\r
            0000000015 00000 n\r
            0000000064 00000 n\r
            trailer
            << /Size 3 /Root 1 0 R /Info 1 0 R /ID [<000102030405060708090A0B0C0D0E0F><000102030405060708090A0B0C0D0E0F>] >>
            startxref
            137
            %%EOF

            """.utf8)
        XCTAssertEqual(file, expected, String(decoding: file, as: UTF8.self))
    }

    func testFlateIsDeterministicAndZlibFramed() throws {
        let data = Array(String(repeating: "BT /F1 12 Tf ET\n", count: 50).utf8)
        let first = try Flate.compress(data)
        XCTAssertEqual(first, try Flate.compress(data))
        XCTAssertLessThan(first.count, data.count / 4)
        XCTAssertEqual(first.first, 0x78, "zlib header (RFC 1950)")
        XCTAssertFalse(try Flate.compress([]).isEmpty)
    }
}
