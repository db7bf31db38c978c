import Foundation
import TestSupport
import XCTest
@testable import ScanReading

/// What ScanDecoder refuses, and how: a ScanError naming the problem, nothing left on disk.
final class ScanDecoderTests: XCTestCase {
    private let marker = "ROSSI-MARIA-1954"

    func testUnknownFormatsAreRefused() {
        assertRefused(Data("GIF89a\u{1}\u{0}\(marker)".utf8), "not a PNG, JPEG or PDF")
        assertRefused(Data([0x00, 0x01, 0x02, 0x03]), "not a PNG, JPEG or PDF")
        assertRefused(Data(), "not a PNG, JPEG or PDF")
        // The name a file had does not matter: only the bytes do, and text is not a scan.
        assertRefused(Data("\(marker)\n".utf8), "not a PNG, JPEG or PDF")
    }

    func testTruncatedAndCorruptPNGAreRefused() throws {
        let png = try ConsentScans.get().page1PNG
        assertRefused(png.prefix(png.count / 2), "PNG:")
        assertRefused(png.prefix(30), "PNG:")
        var damaged = png
        let middle = damaged.count / 2
        for i in middle..<(middle + 64) { damaged[i] ^= 0x5A }
        assertRefused(damaged, "PNG:")
        assertRefused(Data([0x89, 0x50, 0x4E, 0x47]) + Data(marker.utf8), "PNG:")
    }

    func testTruncatedAndCorruptJPEGAreRefused() throws {
        let jpeg = try ConsentScans.get().page1TiltedJPEG
        XCTAssertNoThrow(try ScanDecoder.pages(of: jpeg))
        assertRefused(jpeg.prefix(jpeg.count / 2), "JPEG:")
        assertRefused(Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(marker.utf8), "JPEG:")
    }

    func testAPDFPopplerCannotReadIsRefused() {
        assertRefused(Data("%PDF-1.7\n\(marker)\n%%EOF\n".utf8), "PDF:")
    }

    func testLimitsAreEnforcedBeforeRendering() throws {
        let scans = try ConsentScans.get()
        // 9 copies of the 8-page consent: more than 64 pages.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let many = folder.appendingPathComponent("many.pdf")
        let source = folder.appendingPathComponent("c.pdf").path
        try scans.pdf.write(to: folder.appendingPathComponent("c.pdf"))
        try runTool("qpdf", ["--empty", "--pages"] + Array(repeating: source, count: 9) + ["--", many.path])
        assertRefused(try Data(contentsOf: many), "more than 64 pages")
        // A4 at 1200 dpi is 139 million pixels.
        assertRefused(scans.pdf, "more than 60000000 pixels", resolution: 1200)
        assertRefused(scans.pdf, "resolution 1201 dpi", resolution: 1201)
        assertRefused(scans.pdf, "resolution 0 dpi", resolution: 0)
        var huge = Data("%PDF-1.7\n".utf8)
        huge.append(Data(count: ScanDecoder.maximumInputBytes + 1 - huge.count))
        assertRefused(huge, "more than the 67108864 accepted")
    }

    func testOtherResolutionsScaleThePage() throws {
        let pages = try ScanDecoder.pages(of: try ConsentScans.get().pdf, resolution: 72)
        // A4 is 595.28 × 841.89 points; poppler rounds up.
        XCTAssertEqual(pages.first?.width, 596)
        XCTAssertEqual(pages.first?.height, 842)
    }

    func testNothingIsLeftInTheTemporaryFolder() throws {
        let scans = try ConsentScans.get()
        let before = try scanFolders()
        _ = try ScanDecoder.pages(of: scans.pdf, resolution: 50)
        _ = try? ScanDecoder.pages(of: Data("%PDF-1.7\n\(marker)".utf8))
        _ = try? ScanDecoder.pages(of: scans.pdf, resolution: 1200)
        XCTAssertEqual(try scanFolders(), before)
    }

    func testColourAndTransparencyBecomeGreyOnWhite() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rgba.png")
        let script = """
        import sys
        from PIL import Image
        image = Image.new("RGBA", (3, 1))
        image.putdata([(0, 0, 0, 255), (0, 0, 0, 0), (255, 255, 255, 255)])
        image.save(sys.argv[1])
        """
        try runTool("python3", ["-c", script, file.path])
        let page = try XCTUnwrap(try ScanDecoder.pages(of: try Data(contentsOf: file)).first)
        XCTAssertEqual(page.pixels, [0, 255, 255])
    }

    func testGrayImageChecksItsPixelsAndReadsRowMajor() throws {
        XCTAssertThrowsError(try GrayImage(width: 2, height: 2, pixels: [0, 1, 2]))
        XCTAssertThrowsError(try GrayImage(width: 0, height: 0, pixels: []))
        XCTAssertThrowsError(try GrayImage(width: -1, height: -1, pixels: [0]))
        var image = try GrayImage(width: 3, height: 2, pixels: [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(image[x: 2, y: 0], 2)
        XCTAssertEqual(image[x: 0, y: 1], 3)
        image[x: 1, y: 1] = 99
        XCTAssertEqual(image.pixels, [0, 1, 2, 3, 99, 5])
    }

    private func scanFolders() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.hasPrefix("osteodoc-scan-") }.sorted()
    }

    private func assertRefused(_ data: Data, _ expected: String, resolution: Int = 200, line: UInt = #line) {
        XCTAssertThrowsError(try ScanDecoder.pages(of: data, resolution: resolution), line: line) { error in
            guard let error = error as? ScanError else { return XCTFail("not a ScanError: \(error)", line: line) }
            XCTAssertTrue(error.description.contains(expected), "\(error.description)", line: line)
            XCTAssertFalse(error.description.contains(marker), "the message quotes the input: \(error.description)", line: line)
        }
    }
}
