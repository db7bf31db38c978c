import Foundation
import XCTest
@testable import PlanImport

final class PlanDecoderProcedureTests: XCTestCase {
    func testCodes() {
        assertSingleIssue(example(("\"type\": \"cementoplasty\"", "\"type\": \"kyphoplasty\"")),
                          path: "procedure.type", message: "must be one of: cementoplasty, sacroplasty, vertebroplasty")
        assertSingleIssue(example(("\"painful-metastasis\"", "\"pain\"")), path: "procedure.indication",
                          message: "must be one of: painful-metastasis, myeloma-lesion, pathological-fracture, fracture-prevention")
        assertSingleIssue(example(("\"day-surgery\"", "\"outpatient\"")), path: "procedure.setting",
                          message: "must be one of: day-surgery, inpatient")
        assertSingleIssue(example(("\"local-with-sedation\"", "\"sedation\"")), path: "procedure.anaesthesia",
                          message: "must be one of: local, local-with-sedation, general")
        // Codes are case-sensitive.
        assertSingleIssue(example(("\"type\": \"cementoplasty\"", "\"type\": \"Cementoplasty\"")),
                          path: "procedure.type", message: "must be one of:")
    }

    func testScheduledStartNeedsAnOffset() {
        assertSingleIssue(example(("\"2026-12-03T09:30:00+01:00\"", "\"2026-12-03T09:30:00\"")),
                          path: "procedure.scheduledStart", message: "must include a UTC offset")
    }

    func testExpectedDuration() {
        for bad in ["14", "361", "-75"] {
            assertSingleIssue(example(("\"expectedDurationMinutes\": 75", "\"expectedDurationMinutes\": \(bad)")),
                              path: "procedure.expectedDurationMinutes", message: "must be between 15 and 360")
        }
        for bad in ["75.5", "\"75\"", "true", "null", "[75]"] {
            assertSingleIssue(example(("\"expectedDurationMinutes\": 75", "\"expectedDurationMinutes\": \(bad)")),
                              path: "procedure.expectedDurationMinutes", message: "must be an integer")
        }
        for (good, value) in [("75.0", 75), ("7.5e1", 75), ("15", 15), ("360", 360)] {
            XCTAssertEqual(decoded(example(("\"expectedDurationMinutes\": 75",
                                            "\"expectedDurationMinutes\": \(good)")))?.procedure
                            .expectedDurationMinutes, value)
        }
        // Far outside Int: a range error, not a crash.
        assertSingleIssue(example(("\"expectedDurationMinutes\": 75", "\"expectedDurationMinutes\": 1e300")),
                          path: "procedure.expectedDurationMinutes", message: "must be between 15 and 360")
        assertSingleIssue(example(("\"expectedDurationMinutes\": 75",
                                   "\"expectedDurationMinutes\": 123456789012345678901234567890")),
                          path: "procedure.expectedDurationMinutes", message: "must be between 15 and 360")
    }

    func testGuidance() {
        let guidance = "[\"ct\", \"fluoroscopy\"]"
        assertSingleIssue(example((guidance, "[]")), path: "procedure.guidance", message: "must not be empty")
        assertSingleIssue(example((guidance, "[\"ct\", \"mri\"]")), path: "procedure.guidance[1]",
                          message: "must be one of: ct, fluoroscopy, cone-beam-ct")
        assertSingleIssue(example((guidance, "[\"ct\", \"ct\"]")), path: "procedure.guidance[1]",
                          message: "\"ct\" is already listed")
        assertSingleIssue(example((guidance, "\"ct\"")), path: "procedure.guidance", message: "must be an array")
        XCTAssertEqual(decoded(example((guidance, "[\"cone-beam-ct\"]")))?.procedure.guidance, [.coneBeamCT])
    }

    func testOperator() {
        assertSingleIssue(example(("\"Luca Bianchi\"", "\"\"")), path: "procedure.operator.name",
                          message: "must not be empty")
        assertSingleIssue(example((", \"title\": \"Radiologo interventista\"", "")),
                          path: "procedure.operator.title", message: "required field is missing")
    }

    func testCombinedWithAblation() {
        let null = "\"combinedWithAblation\": null"
        XCTAssertEqual(decoded(example((null, "\"combinedWithAblation\": \"microwave\"")))?
            .procedure.combinedWithAblation, .microwave)
        XCTAssertNil(decoded(example((",\n    \(null)", "")))?.procedure.combinedWithAblation)
        assertSingleIssue(example((null, "\"combinedWithAblation\": \"laser\"")),
                          path: "procedure.combinedWithAblation",
                          message: "must be one of: radiofrequency, microwave, cryoablation")
    }
}
