import XCTest
@testable import Typesetting

final class TypesettingSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
