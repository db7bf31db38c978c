import XCTest
@testable import HTMLExport

final class HTMLExportSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
