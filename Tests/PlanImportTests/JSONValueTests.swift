import Foundation
import XCTest
@testable import PlanImport

final class JSONValueTests: XCTestCase {
    /// On Linux, `NSNumber(1) is Bool` is true: the conversion must not be fooled.
    func testBooleansAndNumbersAreToldApart() throws {
        let object = try JSONSerialization.jsonObject(with: Data("[true, false, 1, 0, 1.0, -0.0, 2.5]".utf8))
        XCTAssertEqual(JSONValue(foundationObject: object), .array([
            .bool(true), .bool(false), .number(1), .number(0), .number(1), .number(0), .number(2.5),
        ]))
    }

    func testObjectsStringsAndNull() throws {
        let object = try JSONSerialization.jsonObject(with: Data(#"{"a": null, "b": "x", "c": {"d": []}}"#.utf8))
        XCTAssertEqual(JSONValue(foundationObject: object), .object([
            "a": .null, "b": .string("x"), "c": .object(["d": .array([])]),
        ]))
    }

    func testLargeIntegersBecomeNumbers() throws {
        let object = try JSONSerialization.jsonObject(with: Data("[12345678901234567890, -12345678901234567890]".utf8))
        guard case .array(let values)? = JSONValue(foundationObject: object),
              case .number(let big) = values[0], case .number(let negative) = values[1]
        else { return XCTFail("not numbers") }
        XCTAssertEqual(big, 1.2345678901234567e19)
        XCTAssertEqual(negative, -1.2345678901234567e19)
    }
}

final class JSONPreScanTests: XCTestCase {
    private func scan(_ text: String) -> JSONPreScan.Outcome {
        Array(text.utf8).withUnsafeBytes { JSONPreScan.scan($0) }
    }

    func testDepthCountsOnlyOutsideStrings() {
        XCTAssertEqual(scan(#"{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "b": "\"{{{{"}"#),
                       .scanned(duplicateKeys: []))
        XCTAssertEqual(scan(String(repeating: "[", count: 32)), .scanned(duplicateKeys: []))
        XCTAssertEqual(scan(String(repeating: "[", count: 33)), .tooDeep)
    }

    func testDuplicateKeyPaths() {
        let outcome = scan(#"{"a": [{"x": 1}, {"x": 1, "y": 2, "x": 3}], "b": {"c": {"k": 1, "k": 2}}, "a": 0}"#)
        XCTAssertEqual(outcome, .scanned(duplicateKeys: [
            JSONPath.root.appending("a").appending(1).appending("x"),
            JSONPath.root.appending("b").appending("c").appending("k"),
            JSONPath.root.appending("a"),
        ]))
    }

    func testEscapedKeysAndValuesThatLookLikeKeys() {
        XCTAssertEqual(scan(#"{"\ud83d\ude00": 1, "😀": 2}"#),
                       .scanned(duplicateKeys: [JSONPath.root.appending("😀")]))
        XCTAssertEqual(scan(#"{"a": "b", "b": "a", "c": ["a", "a"]}"#), .scanned(duplicateKeys: []))
        XCTAssertEqual(scan(#"{"a\"b": 1, "a\"b": 2}"#), .scanned(duplicateKeys: [JSONPath.root.appending("a\"b")]))
    }

    func testTopLevelExtensionsAreNotChecked() {
        XCTAssertEqual(scan(#"{"extensions": {"x": 1, "x": {"y": 1, "y": 2}}, "z": {"extensions": {"q": 1, "q": 2}}}"#),
                       .scanned(duplicateKeys: [JSONPath.root.appending("z").appending("extensions").appending("q")]))
    }
}

final class JSONPathTests: XCTestCase {
    func testRendering() {
        XCTAssertEqual(JSONPath.root.rendered, "")
        XCTAssertEqual(JSONPath.root.appending("targets").appending(1).appending("side").rendered, "targets[1].side")
        XCTAssertEqual(JSONPath.root.appending("patient").appending("a b").rendered, #"patient["a b"]"#)
        XCTAssertEqual(JSONPath.root.appending("x\u{1}\"\\").rendered, #"["x\u0001\"\\"]"#)
        let long = String(repeating: "k", count: 70) + "!"
        XCTAssertEqual(JSONPath.root.appending(long).rendered, "[\"" + String(repeating: "k", count: 64) + "…\"]")
    }
}
