import Foundation
import XCTest
@testable import PlanImport

final class PlanDecoderOutcomeTests: XCTestCase {
    static let t1 = "{ \"id\": \"T1\", \"treated\": true, \"cementMl\": 7.5, \"leakage\": \"minor-asymptomatic\" }"
    static let t2 = "{ \"id\": \"T2\", \"treated\": true, \"cementMl\": 3.0, \"leakage\": \"none\" }"

    func testPerformedEndAfterStart() {
        assertSingleIssue(example(("\"2026-12-03T10:51:00+01:00\"", "\"2026-12-03T09:30:00+01:00\"")),
                          path: "outcome.performedEnd", message: "must be after outcome.performedStart")
        // Equal is not after.
        assertSingleIssue(example(("\"2026-12-03T10:51:00+01:00\"", "\"2026-12-03T09:42:00+01:00\"")),
                          path: "outcome.performedEnd", message: "must be after outcome.performedStart")
    }

    func testTimesAreComparedAsInstantsAcrossOffsets() {
        // 10:00+02:00 is 08:00 UTC, before the start at 08:42 UTC, although its clock reads later.
        assertSingleIssue(example(("\"2026-12-03T10:51:00+01:00\"", "\"2026-12-03T10:00:00+02:00\"")),
                          path: "outcome.performedEnd", message: "must be after outcome.performedStart")
        // 09:00Z is after 08:42 UTC although its clock reads earlier than 09:42.
        XCTAssertEqual(decoded(example(("\"2026-12-03T10:51:00+01:00\"", "\"2026-12-03T09:00:00Z\"")))?
            .outcome?.performedEnd.offsetSeconds, 0)
    }

    func testDischargeAfterEnd() {
        assertSingleIssue(example(("\"2026-12-03T15:30:00+01:00\"", "\"2026-12-03T10:51:00+01:00\"")),
                          path: "outcome.dischargeAt", message: "must be after outcome.performedEnd")
    }

    func testTargetIdMustBeAPlannedOne() {
        let found = issues(example((Self.t2, Self.t2.replacingOccurrences(of: "T2", with: "T3"))))
        XCTAssertEqual(found, [
            PlanIssue(path: "outcome.targets[1].id", message: "must be the id of a planned target"),
            PlanIssue(path: "outcome.targets", message: "no outcome for targets[1]"),
        ])
    }

    func testTargetOutcomeGivenTwice() {
        let found = issues(example((Self.t2, Self.t1)))
        XCTAssertEqual(found, [
            PlanIssue(path: "outcome.targets[1].id",
                      message: "duplicate outcome for the same target (see outcome.targets[0])"),
            PlanIssue(path: "outcome.targets", message: "no outcome for targets[1]"),
        ])
    }

    func testMissingTargetOutcome() {
        assertSingleIssue(example((",\n      " + Self.t2, "")), path: "outcome.targets",
                          message: "no outcome for targets[1]")
        let found = issues(example((Self.t1 + ",\n      " + Self.t2, "")))
        XCTAssertEqual(found.map(\.description), [
            "outcome.targets: no outcome for targets[0]",
            "outcome.targets: no outcome for targets[1]",
        ])
    }

    func testOutcomeOrderMayDifferFromPlanOrder() throws {
        let plan = try XCTUnwrap(decoded(example((Self.t1 + ",\n      " + Self.t2, Self.t2 + ",\n      " + Self.t1))))
        XCTAssertEqual(plan.outcome?.targets.map(\.id), ["T2", "T1"])
    }

    func testCementRange() {
        for bad in ["-0.1", "60.01", "61"] {
            assertSingleIssue(example(("\"cementMl\": 3.0", "\"cementMl\": \(bad)")),
                              path: "outcome.targets[1].cementMl", message: "must be between 0 and 60")
        }
        assertSingleIssue(example(("\"cementMl\": 3.0", "\"cementMl\": \"3\"")),
                          path: "outcome.targets[1].cementMl", message: "must be a number")
    }

    func testCementIsRoundedHalfUpToTenths() {
        for (written, tenths) in [("3.0", 30), ("0", 0), ("60", 600), ("7.45", 75), ("7.44", 74), ("1.15", 12),
                                  ("2.675", 27), ("0.05", 1), ("0.04999", 0), ("0.00001", 0), ("59.96", 600),
                                  ("3.25", 33), ("3.35", 34)] {
            XCTAssertEqual(decoded(example(("\"cementMl\": 3.0", "\"cementMl\": \(written)")))?
                .outcome?.targets[1].cementTenthsMl, tenths, written)
        }
    }

    func testTreatedAndLeakage() {
        assertSingleIssue(example(("\"treated\": true, \"cementMl\": 3.0", "\"treated\": 1, \"cementMl\": 3.0")),
                          path: "outcome.targets[1].treated", message: "must be a boolean")
        assertSingleIssue(example(("\"leakage\": \"none\"", "\"leakage\": \"major\"")),
                          path: "outcome.targets[1].leakage", message: "must be one of: none, minor-asymptomatic, symptomatic")
    }

    func testComplications() {
        XCTAssertEqual(decoded(example(("\"complications\": []", "\"complications\": [\"haematoma\", \"other\"]")))?
            .outcome?.complications, [.haematoma, .other])
        assertSingleIssue(example(("\"complications\": []", "\"complications\": [\"pain\"]")),
                          path: "outcome.complications[0]",
                          message: "must be one of: haematoma, infection, cement-embolism, nerve-irritation, "
                            + "allergic-reaction, fracture, other")
        assertSingleIssue(example(("\"complications\": []", "\"complications\": [\"fracture\", \"fracture\"]")),
                          path: "outcome.complications[1]", message: "\"fracture\" is already listed")
    }

    func testAnalgesiaIsOptional() {
        let analgesia = ",\n    \"analgesia\": \"paracetamolo 1 g fino a 3 volte al giorno per 3 giorni\""
        XCTAssertNil(decoded(example((analgesia, "")))?.outcome?.analgesia)
        assertSingleIssue(example((analgesia, ",\n    \"analgesia\": \"\"")), path: "outcome.analgesia",
                          message: "must not be empty")
    }

    func testOutcomeMustBeAnObjectOrNull() {
        let start = exampleText.range(of: "\"outcome\": {")!
        var edited = exampleText
        edited.replaceSubrange(start.lowerBound..<exampleText.range(of: "}\n", options: .backwards)!.lowerBound,
                               with: "\"outcome\": []\n")
        assertSingleIssue(Data(edited.utf8), path: "outcome", message: "must be an object")
    }

    func testMissingOutcomeField() {
        assertSingleIssue(example(("\"complications\": [],", "")), path: "outcome.complications",
                          message: "required field is missing")
    }
}
