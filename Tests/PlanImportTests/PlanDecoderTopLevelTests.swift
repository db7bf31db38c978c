import Foundation
import XCTest
@testable import PlanImport

/// Top-level fields, `generator`, unknown and missing fields, document order.
final class PlanDecoderTopLevelTests: XCTestCase {
    func testUnsupportedSchemaIsTheOnlyIssueAndIsNotEchoed() {
        let found = issues(example(
            ("\"cementoplasty-plan/1\"", "\"cementoplasty-plan/2\""),
            ("\"PLN-2026-004217\"", "\"bad id\"")))
        XCTAssertEqual(found, [PlanIssue(
            path: "schema", message: "unsupported version; this program reads \"cementoplasty-plan/1\"")])
        XCTAssertEqual(found.first?.description,
                       "schema: unsupported version; this program reads \"cementoplasty-plan/1\"")
        XCTAssertFalse(found.description.contains("plan/2"))
    }

    func testSchemaMissing() {
        assertSingleIssue(example(("\"schema\": \"cementoplasty-plan/1\",", "")),
                          path: "schema", message: "required field is missing")
    }

    func testSchemaMustBeAString() {
        assertSingleIssue(example(("\"cementoplasty-plan/1\"", "1")), path: "schema", message: "must be a string")
    }

    func testPlanIdCharacters() {
        for bad in ["PLN 2026", "PLN/2026", "PLN-2026-ä", "", String(repeating: "A", count: 65)] {
            assertSingleIssue(example(("\"PLN-2026-004217\"", "\"\(bad)\"")), path: "planId",
                              message: "must be 1–64 characters: letters A–Z a–z, digits, '.', '_', '-'")
        }
        XCTAssertEqual(decoded(example(("\"PLN-2026-004217\"", "\"a.B_c-9\"")))?.planId, "a.B_c-9")
        let longest = String(repeating: "A", count: 64)
        XCTAssertEqual(decoded(example(("\"PLN-2026-004217\"", "\"\(longest)\"")))?.planId, longest)
    }

    func testGeneratedAtWithoutOffset() {
        assertSingleIssue(example(("\"2026-11-20T10:15:00+01:00\"", "\"2026-11-20T10:15:00\"")),
                          path: "generatedAt", message: "must include a UTC offset")
    }

    func testGeneratedAtInvalidDate() {
        assertSingleIssue(example(("\"2026-11-20T10:15:00+01:00\"", "\"2026-02-30T10:15:00+01:00\"")),
                          path: "generatedAt", message: "must be a valid calendar date")
    }

    func testGeneratedAtNotRFC3339() {
        for bad in ["2026-11-20 10:15:00+01:00", "20/11/2026", "2026-11-20", "2026-11-20T10:15+01:00",
                    "2026-11-20T10:15:00+0100", "2026-11-20T10:15:00.+01:00", "2026-11-20T10:15:00+01:00 "] {
            assertSingleIssue(example(("\"2026-11-20T10:15:00+01:00\"", "\"\(bad)\"")),
                              path: "generatedAt", message: "must be an RFC 3339 date-time with offset")
        }
    }

    func testGeneratedAtTimeAndOffsetRanges() {
        assertSingleIssue(example(("\"2026-11-20T10:15:00+01:00\"", "\"2026-11-20T24:00:00+01:00\"")),
                          path: "generatedAt", message: "must be a valid time of day")
        assertSingleIssue(example(("\"2026-11-20T10:15:00+01:00\"", "\"2026-11-20T10:15:60+01:00\"")),
                          path: "generatedAt", message: "must be a valid time of day")
        assertSingleIssue(example(("\"2026-11-20T10:15:00+01:00\"", "\"2026-11-20T10:15:00+24:00\"")),
                          path: "generatedAt", message: "must have an offset between")
        assertSingleIssue(example(("\"2026-11-20T10:15:00+01:00\"", "\"2026-11-20T10:15:00-00:00\"")),
                          path: "generatedAt", message: "must not use -00:00")
    }

    func testGeneratedAtOffsetsAreKept() throws {
        let utc = try XCTUnwrap(decoded(example(("\"2026-11-20T10:15:00+01:00\"", "\"2026-11-20T09:15:00Z\""))))
        XCTAssertEqual(utc.generatedAt.offsetSeconds, 0)
        let india = try XCTUnwrap(decoded(example(
            ("\"2026-11-20T10:15:00+01:00\"", "\"2026-11-20t14:45:00.25+05:30\""))))
        XCTAssertEqual(india.generatedAt.offsetSeconds, 19_800)
        XCTAssertEqual(india.generatedAt.date.timeIntervalSince(utc.generatedAt.date), 0.25)
        let newfoundland = try XCTUnwrap(decoded(example(
            ("\"2026-11-20T10:15:00+01:00\"", "\"2026-11-20T05:45:00-03:30\""))))
        XCTAssertEqual(newfoundland.generatedAt.offsetSeconds, -12_600)
        XCTAssertEqual(newfoundland.generatedAt.date, utc.generatedAt.date)
    }

    func testGeneratorFields() {
        assertSingleIssue(example(("\"planning-core\"", "\"\"")), path: "generator.name", message: "must not be empty")
        assertSingleIssue(example(("\"planning-core\"", "\"   \"")), path: "generator.name", message: "must not be empty")
        assertSingleIssue(example((", \"version\": \"3.2.0\"", "")),
                          path: "generator.version", message: "required field is missing")
        assertSingleIssue(example(("\"3.2.0\"", "3.2")), path: "generator.version", message: "must be a string")
        assertSingleIssue(example(("{ \"name\": \"planning-core\", \"version\": \"3.2.0\" }", "\"planning-core\"")),
                          path: "generator", message: "must be an object")
    }

    func testUnknownFields() {
        assertSingleIssue(example(("\"schema\":", "\"comment\": \"x\",\n  \"schema\":")),
                          path: "comment", message: "unknown field")
        assertSingleIssue(example(("\"sex\":", "\"nickname\": \"Mimi\", \"sex\":")),
                          path: "patient.nickname", message: "unknown field")
        assertSingleIssue(example(("\"needles\": 1,", "\"needles\": 1, \"colour\": \"red\",")),
                          path: "targets[1].colour", message: "unknown field")
    }

    func testUnusualUnknownKeysCannotBreakTheReport() {
        assertSingleIssue(example(("\"sex\":", "\"nick name\": 1, \"sex\":")),
                          path: "patient[\"nick name\"]", message: "unknown field")
        assertSingleIssue(example(("\"sex\":", "\"a\\nb\\\"\": 1, \"sex\":")),
                          path: "patient[\"a\\u000Ab\\\"\"]", message: "unknown field")
    }

    func testRequiredTopLevelObjectMissing() {
        let text = exampleText
        let start = text.range(of: "  \"preparation\": {")!.lowerBound
        let end = text.range(of: "  \"followUp\":")!.lowerBound
        var edited = text
        edited.removeSubrange(start..<end)
        assertSingleIssue(Data(edited.utf8), path: "preparation", message: "required field is missing")
    }

    func testOptionalPartsMayBeAbsentOrNull() throws {
        let text = exampleText
        var edited = text
        let outcome = text.range(of: ",\n  \"outcome\": {")!.lowerBound
        edited.replaceSubrange(outcome..<text.range(of: "}\n", options: .backwards)!.lowerBound, with: "\n")
        let withoutOutcome = try XCTUnwrap(decoded(Data(edited.utf8)))
        XCTAssertNil(withoutOutcome.outcome)

        let followUpStart = edited.range(of: "  \"followUp\": [")!.lowerBound
        let followUpEnd = edited.range(of: "  ]\n", range: followUpStart..<edited.endIndex)!.upperBound
        edited.removeSubrange(followUpStart..<followUpEnd)
        edited = edited.replacingOccurrences(of: "\"creatinine\"]\n  },", with: "\"creatinine\"]\n  }")
        let minimal = try XCTUnwrap(decoded(Data(edited.utf8)))
        XCTAssertEqual(minimal.followUp, [])

        let nullOutcome = try XCTUnwrap(decoded(Data(
            edited.replacingOccurrences(of: "\"creatinine\"]\n  }", with: "\"creatinine\"]\n  },\n  \"outcome\": null")
                .utf8)))
        XCTAssertNil(nullOutcome.outcome)
    }

    func testFollowUpMustBeAnArrayWhenPresent() {
        let start = exampleText.range(of: "[\n    { \"kind\": \"phone-call\"")!.lowerBound
        let end = exampleText.range(of: "  ],\n  \"outcome\"")!.lowerBound
        var edited = exampleText
        edited.replaceSubrange(start..<exampleText.index(end, offsetBy: 3), with: "{}")
        assertSingleIssue(Data(edited.utf8), path: "followUp", message: "must be an array")
    }

    func testAllViolationsAreReportedInDocumentOrder() {
        let found = issues(example(
            ("\"planId\": \"PLN-2026-004217\"", "\"planId\": \"PLN 2026\""),
            ("\"sex\": \"female\"", "\"sex\": \"f\""),
            ("\"interpreterRequired\": false", "\"interpreterRequired\": 0"),
            ("\"expectedDurationMinutes\": 75", "\"expectedDurationMinutes\": 400"),
            ("\"side\": \"right\"", "\"side\": \"midline\""),
            ("\"needleGauge\": 13", "\"needleGauge\": 13.5"),
            ("\"fastingHours\": 6", "\"fastingHours\": \"6\""),
            ("\"afterDays\": 30", "\"afterDays\": 0"),
            ("\"dischargeAt\": \"2026-12-03T15:30:00+01:00\"", "\"dischargeAt\": \"2026-12-03T10:00:00+01:00\"")))
        XCTAssertEqual(found.map(\.description), [
            "planId: must be 1–64 characters: letters A–Z a–z, digits, '.', '_', '-'",
            "patient.sex: must be one of: female, male, other, unknown",
            "patient.interpreterRequired: must be a boolean",
            "procedure.expectedDurationMinutes: must be between 15 and 360",
            "targets[0].side: \"midline\" is only allowed for sacrum, vertebra, sternum",
            "targets[1].needleGauge: must be an integer",
            "preparation.fastingHours: must be an integer",
            "followUp[1].afterDays: must be between 1 and 365",
            "outcome.dischargeAt: must be after outcome.performedEnd",
        ])
    }

    func testIssueOrderIsDeterministic() {
        let data = example(("\"sex\":", "\"zeta\": 1, \"alpha\": 2, \"mid\": 3, \"sex\":"))
        let first = issues(data)
        XCTAssertEqual(first.map(\.path), ["patient.alpha", "patient.mid", "patient.zeta"])
        for _ in 0..<20 { XCTAssertEqual(issues(data), first) }
    }
}
