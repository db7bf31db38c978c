import XCTest
@testable import OsteoDoc

final class OsteoDocSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
