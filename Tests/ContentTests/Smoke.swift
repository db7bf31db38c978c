import XCTest
@testable import Content

final class ContentSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
