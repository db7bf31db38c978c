import Foundation
import XCTest
@testable import PlanImport

final class PlanDecoderTargetsTests: XCTestCase {
    /// The example's second target, as text.
    static let secondTarget: String = {
        let text = exampleText
        let start = text.range(of: "    {\n      \"id\": \"T2\"")!.lowerBound
        let end = text.range(of: "}", range: start..<text.endIndex)!.upperBound
        return String(text[start..<end])
    }()

    func testCount() {
        let start = exampleText.range(of: "\"targets\": [")!.upperBound
        let end = exampleText.range(of: "  ],\n  \"preparation\"")!.lowerBound
        var empty = exampleText
        empty.replaceSubrange(start..<end, with: "")
        let found = issues(Data(empty.utf8))
        XCTAssertEqual(found.first, PlanIssue(path: "targets", message: "must have 1 to 8 items"))

        let nine = (1...9).map { Self.secondTarget.replacingOccurrences(of: "\"T2\"", with: "\"N\($0)\"") }
        var many = exampleText
        many.replaceSubrange(start..<end, with: "\n" + nine.joined(separator: ",\n") + "\n")
        XCTAssertEqual(issues(Data(many.utf8)).first, PlanIssue(path: "targets", message: "must have 1 to 8 items"))
    }

    func testTargetsMustBeAnArray() {
        let start = exampleText.range(of: "\"targets\": [")!
        let end = exampleText.range(of: "  ],\n  \"preparation\"")!
        var edited = exampleText
        edited.replaceSubrange(start.lowerBound..<exampleText.index(end.lowerBound, offsetBy: 3),
                               with: "\"targets\": {}")
        // Outcome ids are not matched without a list of planned ids: one issue only.
        assertSingleIssue(Data(edited.utf8), path: "targets", message: "must be an array")
    }

    func testIdsAreUnique() {
        let found = issues(example(("\"id\": \"T2\",\n", "\"id\": \"T1\",\n")))
        XCTAssertEqual(found, [
            PlanIssue(path: "targets[1].id", message: "duplicate id (already used by targets[0])"),
            PlanIssue(path: "outcome.targets[1].id", message: "must be the id of a planned target"),
        ])
    }

    func testIdMustNotBeEmpty() {
        // The outcome's "T1" is not reported in addition: ids are matched only when
        // every planned id could be read.
        assertSingleIssue(example(("\"id\": \"T1\",\n", "\"id\": \" \",\n")),
                          path: "targets[0].id", message: "must not be empty")
    }

    func testSite() {
        assertSingleIssue(example(("\"acetabulum\"", "\"skull\"")), path: "targets[0].site",
                          message: "must be one of: humerus-proximal, humerus-shaft, femur-proximal, femur-shaft, "
                            + "acetabulum, iliac-bone, ischium, pubis, sacrum, vertebra, scapula, rib, tibia-proximal, "
                            + "calcaneus, sternum")
    }

    func testLevelIsRequiredForVertebra() {
        assertSingleIssue(example(("\"site\": \"humerus-proximal\"", "\"site\": \"vertebra\"")),
                          path: "targets[1].level", message: "required when site is \"vertebra\"")
    }

    func testLevelIsForbiddenElsewhere() {
        assertSingleIssue(example(("\"site\": \"humerus-proximal\",", "\"site\": \"humerus-proximal\", \"level\": \"L2\",")),
                          path: "targets[1].level", message: "only allowed when site is \"vertebra\"")
    }

    func testLevelValues() throws {
        for bad in ["L6", "T13", "C0", "C8", "l2", "L02", "S1", "", "L"] {
            assertSingleIssue(example(("\"site\": \"humerus-proximal\",", "\"site\": \"vertebra\", \"level\": \"\(bad)\",")),
                              path: "targets[1].level", message: "must be one of C1–C7, T1–T12, L1–L5")
        }
        assertSingleIssue(example(("\"site\": \"humerus-proximal\",", "\"site\": \"vertebra\", \"level\": 2,")),
                          path: "targets[1].level", message: "must be a string")
        for good in ["C1", "C7", "T1", "T12", "L1", "L5"] {
            let plan = try XCTUnwrap(decoded(example(("\"site\": \"humerus-proximal\",",
                                                      "\"site\": \"vertebra\", \"level\": \"\(good)\","))))
            XCTAssertEqual(plan.targets[1].level?.code, good)
        }
    }

    func testMidlineOnlyForMidlineSites() {
        let found = issues(example(("\"side\": \"right\"", "\"side\": \"midline\"")))
        XCTAssertEqual(found.map(\.description),
                       ["targets[0].side: \"midline\" is only allowed for sacrum, vertebra, sternum"])
        for site in ["sacrum", "sternum"] {
            XCTAssertEqual(decoded(example(("\"site\": \"acetabulum\"", "\"site\": \"\(site)\""),
                                           ("\"side\": \"right\"", "\"side\": \"midline\"")))?.targets[0].side, .midline)
        }
        XCTAssertEqual(decoded(example(("\"site\": \"acetabulum\",", "\"site\": \"vertebra\", \"level\": \"T8\","),
                                       ("\"side\": \"right\"", "\"side\": \"midline\"")))?.targets[0].side, .midline)
    }

    func testSideAndLesionCodes() {
        assertSingleIssue(example(("\"side\": \"right\"", "\"side\": \"both\"")), path: "targets[0].side",
                          message: "must be one of: left, right, midline")
        assertSingleIssue(example(("\"lesion\": \"osteolytic-metastasis\",\n      \"needles\": 1",
                                   "\"lesion\": \"benign\",\n      \"needles\": 1")),
                          path: "targets[1].lesion",
                          message: "must be one of: osteolytic-metastasis, mixed-metastasis, myeloma, fracture")
    }

    func testNeedles() {
        for bad in ["0", "7"] {
            assertSingleIssue(example(("\"needles\": 2", "\"needles\": \(bad)")), path: "targets[0].needles",
                              message: "must be between 1 and 6")
        }
        assertSingleIssue(example(("\"needles\": 2", "\"needles\": true")), path: "targets[0].needles",
                          message: "must be an integer")
        assertSingleIssue(example(("\"needles\": 2", "\"needles\": 1.5")), path: "targets[0].needles",
                          message: "must be an integer")
        XCTAssertEqual(decoded(example(("\"needles\": 2", "\"needles\": 2.0")))?.targets[0].needles, 2)
    }

    func testNeedleGauge() {
        for bad in ["7", "16"] {
            assertSingleIssue(example(("\"needleGauge\": 11", "\"needleGauge\": \(bad)")),
                              path: "targets[0].needleGauge", message: "must be between 8 and 15")
        }
    }

    func testPlannedCement() {
        let cement = "\"plannedCementMl\": 8.0"
        for bad in ["0.4", "60.1", "-1", "0"] {
            assertSingleIssue(example((cement, "\"plannedCementMl\": \(bad)")), path: "targets[0].plannedCementMl",
                              message: "must be between 0.5 and 60")
        }
        for bad in ["8.25", "8.05", "8.00000000001"] {
            assertSingleIssue(example((cement, "\"plannedCementMl\": \(bad)")), path: "targets[0].plannedCementMl",
                              message: "must have at most one decimal")
        }
        assertSingleIssue(example((cement, "\"plannedCementMl\": \"8\"")), path: "targets[0].plannedCementMl",
                          message: "must be a number")
        for (good, tenths) in [("8", 80), ("8.10", 81), ("0.5", 5), ("60", 600), ("0.1e1", 10), ("59.9", 599),
                               ("1.3", 13), ("0.7", 7)] {
            XCTAssertEqual(decoded(example((cement, "\"plannedCementMl\": \(good)")))?.targets[0].plannedCementTenthsMl,
                           tenths, good)
        }
    }

    func testApproachIsOptionalFreeText() {
        XCTAssertEqual(decoded(example(("\"posterolaterale\"", "\"  via posteriore  \"")))?.targets[0].approach,
                       "  via posteriore  ")
        assertSingleIssue(example(("\"posterolaterale\"", "\"\"")), path: "targets[0].approach",
                          message: "must not be empty")
        assertSingleIssue(example(("\"posterolaterale\"", "7")), path: "targets[0].approach",
                          message: "must be a string")
    }

    func testTargetMustBeAnObject() {
        assertSingleIssue(example((Self.secondTarget, "\"T2\"")), path: "targets[1]", message: "must be an object")
    }
}
