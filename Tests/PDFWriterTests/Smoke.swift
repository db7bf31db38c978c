import XCTest
@testable import PDFWriter

final class PDFWriterSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
