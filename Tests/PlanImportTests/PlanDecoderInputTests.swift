import Foundation
import XCTest
@testable import PlanImport

/// Problems with the input as a whole: one clear issue at path "", never a crash.
final class PlanDecoderInputTests: XCTestCase {
    func testEmptyInput() {
        assertSingleIssue(Data(), path: "", message: "input is empty")
    }

    func testGarbage() {
        assertSingleIssue(Data("hello, world".utf8), path: "", message: "not valid JSON")
        assertSingleIssue(Data("   ".utf8), path: "", message: "not valid JSON")
        assertSingleIssue(Data([0x00, 0x01, 0x02]), path: "", message: "not valid JSON")
    }

    func testTruncatedJSON() {
        let text = exampleText
        let truncated = String(text.prefix(text.count / 2))
        assertSingleIssue(Data(truncated.utf8), path: "", message: "not valid JSON")
    }

    func testNumberBeyondDoubleIsNotValidJSON() {
        // Foundation refuses numbers it cannot represent; the value is not echoed.
        assertSingleIssue(example(("\"expectedDurationMinutes\": 75", "\"expectedDurationMinutes\": 1e400")),
                          path: "", message: "not valid JSON")
    }

    func testNotUTF8() {
        var data = Data(#"{"schema": ""#.utf8)
        data.append(contentsOf: [0xC3, 0x28, 0xFF])  // invalid sequence
        data.append(contentsOf: Array(#""}"#.utf8))
        assertSingleIssue(data, path: "", message: "input is not valid UTF-8")
    }

    func testTopLevelMustBeAnObject() {
        for text in ["[]", "[1, 2]", "\"plan\"", "42", "true", "null"] {
            assertSingleIssue(Data(text.utf8), path: "", message: "the top level must be a JSON object")
        }
    }

    func testDeepNestingIsRefusedWithoutRecursion() {
        let deep = Data(String(repeating: "[", count: 200_000).utf8)
        assertSingleIssue(deep, path: "", message: "JSON nesting deeper than 32 levels")

        let deepObjects = Data((String(repeating: #"{"a":"#, count: 100_000) + "1"
            + String(repeating: "}", count: 100_000)).utf8)
        assertSingleIssue(deepObjects, path: "", message: "JSON nesting deeper than 32 levels")
    }

    func testNestingAtTheLimitIsParsed() {
        // Root object = level 1, `extensions` = level 2, then 30 arrays: 32 levels, accepted.
        func extensions(arrays: Int) -> Data {
            let nested = String(repeating: "[", count: arrays) + String(repeating: "]", count: arrays)
            return example(("\"schema\":", "\"extensions\": {\"a\": \(nested)},\n  \"schema\":"))
        }
        XCTAssertNotNil(decoded(extensions(arrays: 30)))
        assertSingleIssue(extensions(arrays: 31), path: "", message: "JSON nesting deeper than 32 levels")
    }

    func testBracketsInsideStringsDoNotCountAsNesting() {
        let brackets = String(repeating: "[{", count: 100)
        XCTAssertNotNil(decoded(example(("\"posterolaterale\"", "\"\(brackets) \\\" \(brackets)\""))))
    }

    func testInputOverOneMebibyte() {
        XCTAssertEqual(PlanDecoder.maximumSize, 1_048_576)
        let tooLarge = Data(repeating: UInt8(ascii: " "), count: PlanDecoder.maximumSize + 1)
        let found = issues(tooLarge)
        XCTAssertEqual(found, [PlanIssue(path: "", message: "input is larger than 1 MiB (1048576 bytes)")])
        XCTAssertEqual(found.first?.description, ": input is larger than 1 MiB (1048576 bytes)")
    }

    func testInputOfExactlyOneMebibyteIsRead() {
        // Pad the example with whitespace to exactly the limit: still a valid plan.
        var data = Data(exampleText.utf8)
        data.append(Data(repeating: UInt8(ascii: " "), count: PlanDecoder.maximumSize - data.count))
        XCTAssertEqual(data.count, PlanDecoder.maximumSize)
        XCTAssertNotNil(decoded(data))
    }

    func testDuplicateKeysAreReportedAtTheirPaths() {
        let found = issues(example(
            ("\"sex\": \"female\",", "\"sex\": \"female\", \"sex\": \"male\","),
            ("\"needles\": 1,", "\"needles\": 1, \"needles\": 2,")))
        XCTAssertEqual(found, [
            PlanIssue(path: "patient.sex", message: "duplicate field"),
            PlanIssue(path: "targets[1].needles", message: "duplicate field"),
        ])
    }

    func testDuplicateKeysAreFoundThroughEscapes() {
        // "\u0073ex" is "sex".
        assertSingleIssue(example(("\"sex\": \"female\",", #""sex": "female", "\u0073ex": "male","#)),
                          path: "patient.sex", message: "duplicate field")
    }

    func testDuplicateTopLevelKeys() {
        assertSingleIssue(example(("\"planId\":", "\"planId\": \"A\", \"planId\":")),
                          path: "planId", message: "duplicate field")
    }

    func testExtensionsMayHoldAnythingIncludingDuplicateKeys() {
        let extensions = #""extensions": {"x": 1, "x": [true, {"y": null, "y": "z"}], "nested": {"deep": [1.5]}},"#
        XCTAssertNotNil(decoded(example(("\"schema\":", extensions + "\n  \"schema\":"))))
    }

    func testExtensionsMustBeAnObject() {
        assertSingleIssue(example(("\"schema\":", "\"extensions\": [],\n  \"schema\":")),
                          path: "extensions", message: "must be an object")
    }

    func testByteOrderMarkIsTolerated() {
        // RFC 8259 §8.1: a parser MAY ignore a leading BOM; Foundation does.
        XCTAssertNotNil(decoded(Data([0xEF, 0xBB, 0xBF]) + Data(exampleText.utf8)))
    }

    func testErrorDescriptionHasOneIssuePerLine() {
        let error = PlanValidationError(issues: [
            PlanIssue(path: "a", message: "x"),
            PlanIssue(path: "b[1]", message: "y"),
        ])
        XCTAssertEqual(error.description, "a: x\nb[1]: y")
    }
}
