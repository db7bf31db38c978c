import Foundation
import XCTest
@testable import PlanImport

final class PlanDecoderFacilityTests: XCTestCase {
    func testNameMustNotBeEmpty() {
        assertSingleIssue(example(("\"Ospedale San Martino\"", "\" \"")),
                          path: "facility.name", message: "must not be empty")
    }

    func testControlCharactersAreRefused() {
        for bad in ["Radiologia\\nInterventistica", "Radiologia\\tInterventistica", "Radiologia\\u0000",
                    "Radiologia\\u0085", "Radiologia\\u2028"] {
            assertSingleIssue(example(("\"department\": \"Radiologia Interventistica\"", "\"department\": \"\(bad)\"")),
                              path: "facility.department",
                              message: "must not contain control characters or line breaks")
        }
    }

    func testPhone() {
        let phone = "\"+39 010 555 0134\""
        for good in ["(010) 555-0134", "010/5550134", "+390105550134", "112"] {
            XCTAssertEqual(decoded(example((phone, "\"\(good)\"")))?.facility.phone, good)
        }
        for bad in ["010 555 0134 ext. 5", "39+010", "+39 010 555 0134\\t"] {
            assertSingleIssue(example((phone, "\"\(bad)\"")), path: "facility.phone",
                              message: "may contain only digits, spaces, '-', '/', '(', ')' and a leading '+'")
        }
        assertSingleIssue(example((phone, "\"+1 2\"")), path: "facility.phone",
                          message: "must contain at least 3 digits")
    }

    func testEmergencyNumber() {
        for bad in ["1", "1234567", "11a", " 112", "+112", ""] {
            assertSingleIssue(example(("\"112\"", "\"\(bad)\"")), path: "facility.emergencyNumber",
                              message: "must be 2–6 digits")
        }
        XCTAssertEqual(decoded(example(("\"112\"", "\"118\"")))?.facility.emergencyNumber, "118")
        assertSingleIssue(example(("\"112\"", "112")), path: "facility.emergencyNumber", message: "must be a string")
    }

    func testAddressIsOptional() {
        let address = ",\n    \"address\": \"Largo Rosanna Benzi 10, 16132 Genova\""
        XCTAssertEqual(decoded(example((address, "")))?.facility.address, nil)
        assertSingleIssue(example((address, ",\n    \"address\": null")),
                          path: "facility.address", message: "must be a string")
        assertSingleIssue(example((address, ",\n    \"address\": \"\"")),
                          path: "facility.address", message: "must not be empty")
    }

    func testRequiredFacilityField() {
        assertSingleIssue(example(("\"department\": \"Radiologia Interventistica\",", "")),
                          path: "facility.department", message: "required field is missing")
    }
}
