import Foundation
import XCTest
@testable import PlanImport

final class PlanModelTests: XCTestCase {
    func testTimestampOrderAgreesWithEquality() {
        let instant = Date(timeIntervalSince1970: 1_800_000_000)
        let rome = Timestamp(date: instant, offsetSeconds: 3600)
        let london = Timestamp(date: instant, offsetSeconds: 0)
        XCTAssertNotEqual(rome, london)
        // Exactly one of <, ==, > holds.
        XCTAssertTrue(london < rome)
        XCTAssertFalse(rome < london)
        XCTAssertTrue(Timestamp(date: instant, offsetSeconds: 7200) < Timestamp(date: instant + 1, offsetSeconds: 0))
    }

    func testVertebralLevelCodes() {
        XCTAssertEqual(VertebralLevel("T12")?.region, .thoracic)
        XCTAssertEqual(VertebralLevel("C7")?.number, 7)
        for bad in ["C8", "T0", "L6", "L+5", "L05", "l5", "S1", ""] {
            XCTAssertNil(VertebralLevel(bad), bad)
        }
    }
}
