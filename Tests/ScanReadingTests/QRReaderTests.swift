import Foundation
import XCTest
@testable import ScanReading

/// zbar on real pages of the example consent: the payload of each page's code and where its
/// corners are, upright, turned by 90° and tilted by 1.5° with noise and JPEG loss.
final class QRReaderTests: XCTestCase {
    func testUprightPageOneHasItsCodeWithCornersInZbarOrder() throws {
        let scans = try ConsentScans.get()
        let pages = try ScanDecoder.pages(of: scans.page1PNG)
        XCTAssertEqual(pages.count, 1)
        let page = try XCTUnwrap(pages.first)
        // A4 at 150 dpi.
        XCTAssertEqual(page.width, 1241)
        XCTAssertEqual(page.height, 1754)
        let symbols = QRReader.symbols(in: page)
        XCTAssertEqual(symbols.map(\.payload), [scans.payload(page: 1)])
        let corners = try XCTUnwrap(symbols.first).corners
        XCTAssertEqual(corners.count, 4)
        guard corners.count == 4 else { return }
        // The order documented on QRReader: top-left, bottom-left, bottom-right, top-right.
        let (topLeft, bottomLeft, bottomRight, topRight) = (corners[0], corners[1], corners[2], corners[3])
        XCTAssertLessThan(topLeft.y, bottomLeft.y - 40)
        XCTAssertEqual(topLeft.x, bottomLeft.x, accuracy: 2)
        XCTAssertLessThan(bottomLeft.x, bottomRight.x - 40)
        XCTAssertEqual(bottomLeft.y, bottomRight.y, accuracy: 2)
        XCTAssertGreaterThan(bottomRight.y, topRight.y + 40)
        XCTAssertEqual(topRight.x, bottomRight.x, accuracy: 2)
        // The code sits in the page's bottom-left corner, inside the pixels.
        XCTAssertLessThan(topLeft.x, Double(page.width) / 4)
        XCTAssertGreaterThan(topLeft.y, Double(page.height) * 3 / 4)
    }

    func testTheCornersTurnWithThePage() throws {
        let scans = try ConsentScans.get()
        let upright = try XCTUnwrap(QRReader.symbols(in: try ScanDecoder.pages(of: scans.page1PNG)[0]).first)
        let turnedPage = try ScanDecoder.pages(of: scans.page1TurnedPNG)[0]
        XCTAssertEqual(turnedPage.width, 1754)
        let turned = QRReader.symbols(in: turnedPage)
        XCTAssertEqual(turned.map(\.payload), [scans.payload(page: 1)])
        let corners = try XCTUnwrap(turned.first).corners
        XCTAssertEqual(corners.count, 4)
        // A quarter turn clockwise maps (x, y) to (height − 1 − y, x): each corner is the same
        // corner of the symbol, so the first one is now the image's top-right of the code.
        for (before, after) in zip(upright.corners, corners) {
            XCTAssertEqual(after.x, Double(1754 - 1) - before.y, accuracy: 2)
            XCTAssertEqual(after.y, before.x, accuracy: 2)
        }
        XCTAssertGreaterThan(corners[0].x, corners[1].x + 40)
        XCTAssertEqual(corners[0].y, corners[1].y, accuracy: 2)
    }

    func testATiltedNoisyJPEGScanGivesTheSameCodeWhereTheTiltPutIt() throws {
        let scans = try ConsentScans.get()
        let upright = try XCTUnwrap(QRReader.symbols(in: try ScanDecoder.pages(of: scans.page1PNG)[0]).first)
        let page = try XCTUnwrap(try ScanDecoder.pages(of: scans.page1TiltedJPEG).first)
        // Pillow's expand=True: the turned page's bounding box.
        XCTAssertGreaterThan(page.width, 1241 + 30)
        XCTAssertGreaterThan(page.height, 1754 + 20)
        let symbols = QRReader.symbols(in: page)
        XCTAssertEqual(symbols.map(\.payload), [scans.payload(page: 1)])
        let corners = try XCTUnwrap(symbols.first).corners
        XCTAssertEqual(corners.count, 4)
        // Pillow turned the page by 1.5° counter-clockwise about its centre, then centred it in the
        // larger image: each upright corner, carried the same way, lands within a few pixels of
        // what zbar found (without the turn the code would be about 24 pixels away).
        let angle = 1.5 * Double.pi / 180
        let (cx, cy) = (1241 / 2.0, 1754 / 2.0), (nx, ny) = (Double(page.width) / 2, Double(page.height) / 2)
        for (before, after) in zip(upright.corners, corners) {
            let (dx, dy) = (before.x - cx, before.y - cy)
            let expected = ScanPoint(x: nx + dx * cos(angle) + dy * sin(angle), y: ny - dx * sin(angle) + dy * cos(angle))
            XCTAssertEqual(after.x, expected.x, accuracy: 4, "corner \(after) expected near \(expected)")
            XCTAssertEqual(after.y, expected.y, accuracy: 4, "corner \(after) expected near \(expected)")
        }
        // The top edge (first to last corner) rises to the right: y decreases with x.
        XCTAssertLessThan(corners[3].y, corners[0].y)
    }

    func testEveryPageOfTheRenderedPDFHasItsOwnCode() throws {
        let scans = try ConsentScans.get()
        let pages = try ScanDecoder.pages(of: scans.pdf, resolution: 150)
        XCTAssertEqual(pages.count, scans.pageCount)
        XCTAssertGreaterThan(scans.pageCount, 1)
        for (index, page) in pages.enumerated() {
            XCTAssertEqual(page.width, 1241, "page \(index + 1)")
            XCTAssertEqual(page.height, 1754, "page \(index + 1)")
            XCTAssertEqual(QRReader.symbols(in: page).map(\.payload), [scans.payload(page: index + 1)], "page \(index + 1)")
        }
    }

    func testSymbolsAreSortedByPayloadThenFirstCorner() throws {
        let scans = try ConsentScans.get()
        let pages = try ScanDecoder.pages(of: scans.pdf, resolution: 150)
        XCTAssertGreaterThanOrEqual(pages.count, 2)
        // Page 2 left of page 1; then page 1 above page 1.
        let sideBySide = try stitched([pages[1], pages[0]], horizontally: true)
        XCTAssertEqual(QRReader.symbols(in: sideBySide).map(\.payload), [scans.payload(page: 1), scans.payload(page: 2)])
        let stacked = try stitched([pages[0], pages[0]], horizontally: false)
        let twice = QRReader.symbols(in: stacked)
        XCTAssertEqual(twice.map(\.payload), [scans.payload(page: 1), scans.payload(page: 1)])
        if twice.count == 2 {
            XCTAssertLessThan(twice[0].corners[0].y, twice[1].corners[0].y)
            XCTAssertEqual(twice[1].corners[0].y - twice[0].corners[0].y, Double(pages[0].height), accuracy: 2)
        }
        XCTAssertEqual(QRReader.symbols(in: stacked), twice)
    }

    func testABlankPageHasNoSymbol() throws {
        let blank = try GrayImage(width: 400, height: 300, pixels: [UInt8](repeating: 255, count: 400 * 300))
        XCTAssertEqual(QRReader.symbols(in: blank), [])
    }

    /// Images of the same height (side by side) or width (one above the other) joined.
    private func stitched(_ images: [GrayImage], horizontally: Bool) throws -> GrayImage {
        if !horizontally {
            return try GrayImage(width: images[0].width, height: images.map(\.height).reduce(0, +), pixels: images.flatMap(\.pixels))
        }
        let height = images[0].height
        var pixels: [UInt8] = []
        for y in 0..<height {
            for image in images { pixels += image.pixels[(y * image.width)..<((y + 1) * image.width)] }
        }
        return try GrayImage(width: images.map(\.width).reduce(0, +), height: height, pixels: pixels)
    }
}
