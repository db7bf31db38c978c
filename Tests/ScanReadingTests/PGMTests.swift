import Foundation
import XCTest
@testable import ScanReading

final class PGMTests: XCTestCase {
    func testPdftoppmsHeaderAndCommentsAreRead() throws {
        let image = try PGM.parse(Data("P5\n3 2\n255\n".utf8) + Data([0, 10, 20, 30, 40, 255]))
        XCTAssertEqual(image.width, 3)
        XCTAssertEqual(image.height, 2)
        XCTAssertEqual(image.pixels, [0, 10, 20, 30, 40, 255])
        let commented = try PGM.parse(Data("P5 # poppler\n2 # width\n1\n15\n".utf8) + Data([15, 0]))
        XCTAssertEqual(commented.pixels, [255, 0])
    }

    func testBadHeadersAreRefused() {
        let bad: [(String, [UInt8])] = [
            ("P6\n1 1\n255\n", [0, 0, 0]),        // colour
            ("P2\n1 1\n255\n", Array("0".utf8)),  // plain (text) grey map
            ("P5\n2 1\n", [0, 0]),                // no maximum value
            ("P5\n2 x\n255\n", [0, 0]),
            ("P5\n0 1\n255\n", []),
            ("P5\n-2 1\n255\n", [0, 0]),
            ("P5\n1 1\n65535\n", [0, 0]),         // 16-bit
            ("P5\n1 1\n0\n", [0]),
            ("P5\n2 2\n255\n", [0, 0, 0]),        // a pixel short
            ("P5\n1 1\n255\n", [0, 0]),           // a byte too many
            ("P5\n99999999 99999999\n255\n", [0]),
            ("P5", []),
            ("", []),
        ]
        for (header, pixels) in bad {
            XCTAssertThrowsError(try PGM.parse(Data(header.utf8) + Data(pixels)), header.debugDescription) { error in
                XCTAssertTrue(error is ScanError, "\(error)")
            }
        }
    }
}
