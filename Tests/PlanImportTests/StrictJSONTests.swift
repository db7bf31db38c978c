import Foundation
import XCTest
@testable import PlanImport

/// Issue 14 class 7: only UTF-8 JSON by RFC 8259, and the duplicate-key check sees the bytes the parser reads.
final class StrictJSONTests: XCTestCase {
    private func parse(_ text: String) -> Result<StrictJSON.Parsed, StrictJSON.Failure> {
        Array(text.utf8).withUnsafeBytes { StrictJSON.parse($0) }
    }

    private func value(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONValue? {
        switch parse(text) {
        case .success(let parsed): return parsed.value
        case .failure(let failure): XCTFail("\(text): \(failure)", file: file, line: line); return nil
        }
    }

    private func assertRefused(_ text: String, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        guard case .failure(.syntax(let found, _)) = parse(text) else {
            return XCTFail("\(text) was accepted", file: file, line: line)
        }
        XCTAssertTrue(found.contains(message), "\(text): \(found)", file: file, line: line)
    }

    func testBooleansNumbersStringsAndNull() {
        XCTAssertEqual(value("[true, false, 1, 0, 1.0, -0.0, 2.5, 1e2, -3E-1]"), .array([
            .bool(true), .bool(false), .number(1), .number(0), .number(1), .number(0), .number(2.5), .number(100),
            .number(-0.3),
        ]))
        XCTAssertEqual(value(#"{"a": null, "b": "x", "c": {"d": []}}"#), .object([
            "a": .null, "b": .string("x"), "c": .object(["d": .array([])]),
        ]))
        XCTAssertEqual(value("[12345678901234567890]"), .array([.number(1.2345678901234567e19)]))
    }

    func testEscapesAreDecoded() {
        XCTAssertEqual(value(#"["\"\\\/\b\f\n\r\t", "\u0061\u00e8", "\ud83d\ude00", "Nicolò"]"#), .array([
            .string("\"\\/\u{8}\u{C}\n\r\t"), .string("aè"), .string("😀"), .string("Nicolò"),
        ]))
    }

    func testLeniencesOfOtherParsersAreRefused() {
        assertRefused(#"{"a": 1,}"#, "trailing comma")
        assertRefused("[1, 2,]", "trailing comma")
        assertRefused("[1,,2]", "a value was expected")
        assertRefused(#"{"a": 1 // note"#, "',' or '}' was expected")
        assertRefused("/* c */ {}", "comments are not JSON")
        assertRefused("{'a': 1}", "a key in double quotes was expected")
        assertRefused("['a']", "strings must be in double quotes")
        assertRefused("[NaN]", "a value was expected")
        assertRefused("[Infinity]", "a value was expected")
        assertRefused("[+1]", "a value was expected")
        assertRefused("[.5]", "a value was expected")
        assertRefused("[01]", "leading zeros")
        assertRefused("[1.]", "a digit was expected after '.'")
        assertRefused("[1e]", "a digit was expected in an exponent")
        assertRefused("[1e400]", "number out of range")
        assertRefused("[True]", "a value was expected")
        assertRefused("[nul]", "a value was expected")
        assertRefused("{\"a\"\u{A0}: 1}", "':' was expected")  // no-break space is not JSON whitespace
        assertRefused("[\"a\u{9}b\"]", "control characters must be escaped")
        assertRefused("[\"a\nb\"]", "control characters must be escaped")
        assertRefused(#"["\x41"]"#, "invalid escape")
        assertRefused(#"["\u12"]"#, "four hex digits")
        assertRefused(#"["\ud800"]"#, "unpaired surrogate")
        assertRefused(#"["\ud800\u0041"]"#, "unpaired surrogate")
        assertRefused(#"["\udc00"]"#, "unpaired surrogate")
        assertRefused(#"["abc"#, "unterminated string")
        assertRefused("{} {}", "unexpected content after the JSON value")
        assertRefused("{}\u{0}", "unexpected content after the JSON value")
        assertRefused("", "unexpected end of input")
        assertRefused(#"{"a": [1, 2"#, "unexpected end of input in an array")
    }

    func testDuplicateKeysAreCollectedWithTheirPaths() throws {
        let parsed = try parse(#"{"a": {"b": 1, "\u0062": 2}, "c": [{"d": 1, "d": 1}], "a": 0}"#).get()
        XCTAssertEqual(parsed.duplicateKeys.map(\.rendered), ["a.b", "c[0].d", "a"])
    }

    func testDuplicateKeysInsideTopLevelExtensionsAreFree() throws {
        let parsed = try parse(#"{"extensions": {"x": 1, "x": {"y": 1, "y": 2}}, "z": {"extensions": {"k": 1, "k": 2}}}"#).get()
        XCTAssertEqual(parsed.duplicateKeys.map(\.rendered), ["z.extensions.k"])
    }

    func testDepthIsBounded() {
        let deep = String(repeating: "[", count: 33) + String(repeating: "]", count: 33)
        XCTAssertEqual(Array(deep.utf8).withUnsafeBytes { StrictJSON.parse($0) }.failure, .tooDeep)
        let limit = String(repeating: "[", count: 32) + String(repeating: "]", count: 32)
        XCTAssertNil(Array(limit.utf8).withUnsafeBytes { StrictJSON.parse($0) }.failure)
        let huge = String(repeating: "[", count: 200_000)
        XCTAssertEqual(Array(huge.utf8).withUnsafeBytes { StrictJSON.parse($0) }.failure, .tooDeep)
    }

    func testPositionIsLineAndCharacter() {
        let text = "{\n  \"é\": [1,]\n}"
        Array(text.utf8).withUnsafeBytes { bytes in
            guard case .failure(.syntax(_, let offset)) = StrictJSON.parse(bytes) else { return XCTFail("accepted") }
            XCTAssertEqual(StrictJSON.position(of: offset, in: bytes).line, 2)
            XCTAssertEqual(StrictJSON.position(of: offset, in: bytes).column, 11)  // at the "]" after the comma
        }
    }
}

/// The same rules through `PlanDecoder`, with the example plan.
final class PlanDecoderEncodingTests: XCTestCase {
    private func encoded(_ text: String, _ encoding: String.Encoding) -> Data {
        text.data(using: encoding) ?? Data()
    }

    func testUTF16AndUTF32AreRefusedByName() {
        // Swift's .utf16 writes a byte-order mark; the *Endian variants write none.
        let cases: [(String.Encoding, String)] = [
            (.utf16LittleEndian, "input is UTF-16, not UTF-8"),
            (.utf16BigEndian, "input is UTF-16, not UTF-8"),
            (.utf16, "input is UTF-16 (with a byte-order mark), not UTF-8"),
            (.utf32LittleEndian, "input is UTF-32, not UTF-8"),
            (.utf32BigEndian, "input is UTF-32, not UTF-8"),
            (.utf32, "input is UTF-32 (with a byte-order mark), not UTF-8"),
        ]
        for (encoding, message) in cases {
            assertSingleIssue(encoded(exampleText, encoding), path: "", message: message)
        }
        XCTAssertTrue(issues(encoded(exampleText, .utf16LittleEndian)).first?.message.contains("RFC 8259") ?? false)
    }

    /// In UTF-16 without a byte-order mark every other byte is NUL: a byte scan for keys saw
    /// nothing, while Foundation decoded the document, and the second `birthDate` won.
    func testUTF16WithDuplicateBirthDateIsRefused() {
        let text = exampleText.replacingOccurrences(of: "\"birthDate\": \"1951-03-12\",",
                                                    with: "\"birthDate\": \"1951-03-12\", \"birthDate\": \"2001-03-12\",")
        XCTAssertEqual(issues(Data(text.utf8)), [PlanIssue(path: "patient.birthDate", message: "duplicate field")])
        for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian] {
            let found = issues(encoded(text, encoding))
            XCTAssertEqual(found.count, 1)
            XCTAssertTrue(found.first?.message.hasPrefix("input is UTF-16") ?? false, "\(found)")
        }
    }

    func testTrailingCommaInThePlanIsRefusedWithItsPosition() {
        let data = example(("\"labTests\": [\"blood-count\", \"coagulation\", \"creatinine\"]",
                            "\"labTests\": [\"blood-count\", \"coagulation\", \"creatinine\",]"))
        let found = issues(data)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.path, "")
        XCTAssertTrue(found.first?.message.hasPrefix("not valid JSON (RFC 8259): trailing comma (line ") ?? false, "\(found)")
    }

    func testRawControlCharacterAndNulInAStringAreRefused() {
        assertSingleIssue(example(("\"Rossi\"", "\"Ros\u{0}si\"")), path: "", message: "control characters must be escaped")
        assertSingleIssue(example(("\"Rossi\"", "\"Ros\tsi\"")), path: "", message: "control characters must be escaped")
    }

    func testErrorsNeverQuoteTheInput() {
        for bad in ["\"Rossi\",", "\"Rossi\"  \"x\""] {
            let found = issues(example(("\"Rossi\"", bad)))
            XCTAssertFalse(found.description.contains("Rossi"), "\(found)")
        }
    }
}

private extension Result {
    var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
