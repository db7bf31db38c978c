import XCTest
@testable import QRCode

final class QRCodeTests: XCTestCase {
    func testSizeFollowsVersion() throws {
        let code = try QRCode("OSTEODOC:CI-PLN-2026-004217-it-4F3A9C21:1/7")
        XCTAssertEqual(code.size, 17 + 4 * code.version)
        XCTAssertEqual(code.modules.count, code.size * code.size)
        XCTAssertLessThanOrEqual(code.version, 4, "a document id and page fit a 33×33 symbol at level M")
    }

    /// The three finder patterns (7×7, ISO/IEC 18004 §6.3.3) sit in three corners.
    func testFinderPatterns() throws {
        let code = try QRCode("OSTEODOC:DS-PLN-1-ar-00000000:12/12")
        for (r0, c0) in [(0, 0), (0, code.size - 7), (code.size - 7, 0)] {
            for i in 0..<7 {
                XCTAssertTrue(code.isDark(row: r0, column: c0 + i))
                XCTAssertTrue(code.isDark(row: r0 + 6, column: c0 + i))
                XCTAssertTrue(code.isDark(row: r0 + i, column: c0))
            }
            XCTAssertFalse(code.isDark(row: r0 + 1, column: c0 + 1))
            XCTAssertTrue(code.isDark(row: r0 + 3, column: c0 + 3))
        }
    }

    func testRunsCoverExactlyTheDarkModules() throws {
        let code = try QRCode("OSTEODOC:CI-X:1/1", correction: .quartile)
        var dark = Set<Int>()
        for run in code.darkRuns() {
            for c in run.column..<(run.column + run.length) {
                XCTAssertTrue(dark.insert(run.row * code.size + c).inserted)
            }
        }
        XCTAssertEqual(dark, Set(code.modules.indices.filter { code.modules[$0] }))
        XCTAssertLessThan(code.darkRuns().count, dark.count, "runs merge neighbours")
    }

    func testRectanglesCoverExactlyTheDarkModules() throws {
        for text in ["OSTEODOC:CI-PLN-2026-004217-it-4F3A9C21:1/7", "OSTEODOC:DS-X-ar-00000000:12/12", "A"] {
            let code = try QRCode(text)
            var dark = Set<Int>()
            for r in code.darkRectangles() {
                for row in r.row..<(r.row + r.height) {
                    for c in r.column..<(r.column + r.width) {
                        XCTAssertTrue(dark.insert(row * code.size + c).inserted, "overlap at \(row),\(c)")
                    }
                }
            }
            XCTAssertEqual(dark, Set(code.modules.indices.filter { code.modules[$0] }), text)
            XCTAssertLessThan(code.darkRectangles().count, code.darkRuns().count, "rows merged")
        }
    }

    func testEmptyTextIsAnError() {
        XCTAssertThrowsError(try QRCode(""))
    }
}
