import XCTest
@testable import Markdown

final class MarkdownSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
