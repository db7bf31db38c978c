import Foundation
import XCTest
@testable import PlanImport

final class PlanDecoderPreparationTests: XCTestCase {
    func testFastingHours() {
        for bad in ["13", "-1"] {
            assertSingleIssue(example(("\"fastingHours\": 6", "\"fastingHours\": \(bad)")),
                              path: "preparation.fastingHours", message: "must be between 0 and 12")
        }
        assertSingleIssue(example(("\"fastingHours\": 6", "\"fastingHours\": 6.5")),
                          path: "preparation.fastingHours", message: "must be an integer")
        XCTAssertEqual(decoded(example(("\"fastingHours\": 6", "\"fastingHours\": 0")))?.preparation.fastingHours, 0)
    }

    func testAnticoagulants() {
        let warfarin = "{ \"drug\": \"warfarin\", \"stopDaysBefore\": 5, \"resume\": \"next-day\" }"
        XCTAssertEqual(decoded(example((warfarin, "")))?.preparation.anticoagulants, [])
        assertSingleIssue(example(("\"drug\": \"warfarin\"", "\"drug\": \" \"")),
                          path: "preparation.anticoagulants[0].drug", message: "must not be empty")
        assertSingleIssue(example(("\"stopDaysBefore\": 5", "\"stopDaysBefore\": 15")),
                          path: "preparation.anticoagulants[0].stopDaysBefore", message: "must be between 0 and 14")
        assertSingleIssue(example(("\"resume\": \"next-day\"", "\"resume\": \"tomorrow\"")),
                          path: "preparation.anticoagulants[0].resume",
                          message: "must be one of: same-day, next-day, as-instructed")
        assertSingleIssue(example(("\"resume\": \"next-day\" }", "\"resume\": \"next-day\" },\n      \"aspirin\"")),
                          path: "preparation.anticoagulants[1]", message: "must be an object")
        assertSingleIssue(example(("\"anticoagulants\": [\n      \(warfarin)\n    ]", "\"anticoagulants\": {}")),
                          path: "preparation.anticoagulants", message: "must be an array")
    }

    func testAllergies() {
        let allergies = "[\"iodinated-contrast\"]"
        XCTAssertEqual(decoded(example((allergies, "[]")))?.preparation.allergies, [])
        assertSingleIssue(example((allergies, "[\"peanuts\"]")), path: "preparation.allergies[0]",
                          message: "must be one of: iodinated-contrast, local-anaesthetics, latex, pmma, other")
        assertSingleIssue(example((allergies, "[\"latex\", \"pmma\", \"latex\"]")),
                          path: "preparation.allergies[2]", message: "\"latex\" is already listed")
    }

    func testLabTests() {
        let labTests = "[\"blood-count\", \"coagulation\", \"creatinine\"]"
        assertSingleIssue(example((labTests, "[\"blood-count\", \"ecg\"]")), path: "preparation.labTests[1]",
                          message: "must be one of: blood-count, coagulation, creatinine, pregnancy-test")
        assertSingleIssue(example((labTests, "[\"creatinine\", \"creatinine\"]")), path: "preparation.labTests[1]",
                          message: "\"creatinine\" is already listed")
        assertSingleIssue(example((",\n    \"labTests\": [\"blood-count\", \"coagulation\", \"creatinine\"]", "")),
                          path: "preparation.labTests", message: "required field is missing")
    }
}

final class PlanDecoderFollowUpTests: XCTestCase {
    func testFollowUpItems() {
        assertSingleIssue(example(("\"kind\": \"visit\"", "\"kind\": \"video-call\"")), path: "followUp[1].kind",
                          message: "must be one of: visit, phone-call, imaging")
        assertSingleIssue(example(("\"afterDays\": 2", "\"afterDays\": 366")), path: "followUp[0].afterDays",
                          message: "must be between 1 and 365")
        assertSingleIssue(example(("\"with\": \"Ambulatorio di Oncologia\"", "\"with\": \"\"")),
                          path: "followUp[1].with", message: "must not be empty")
        assertSingleIssue(example(("\"afterDays\": 30,", "\"afterDays\": 30, \"when\": \"2026-12-10\",")),
                          path: "followUp[1].when", message: "unknown field")
        assertSingleIssue(example(("\"afterDays\": 30,", "")), path: "followUp[1].afterDays",
                          message: "required field is missing")
    }
}
