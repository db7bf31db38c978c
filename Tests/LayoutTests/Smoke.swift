import XCTest
@testable import Layout

final class LayoutSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
