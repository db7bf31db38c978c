import XCTest
@testable import PlanImport

final class PlanImportSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
