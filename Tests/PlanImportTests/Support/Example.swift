import Foundation
import XCTest
@testable import PlanImport

/// The package root, found from this file's location (no resources, no Package.swift change).
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // PlanImportTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

/// `examples/plan.json`, the contract's complete valid example, as text.
let exampleText: String = {
    let url = packageRoot.appendingPathComponent("examples/plan.json")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        fatalError("cannot read \(url.path)")
    }
    return text
}()

/// The example with textual replacements applied. Each `from` must occur exactly
/// once in the text so far, which keeps every edit unambiguous.
func example(_ replacements: (String, String)..., file: StaticString = #filePath, line: UInt = #line) -> Data {
    example(replacements, file: file, line: line)
}

func example(_ replacements: [(String, String)], file: StaticString = #filePath, line: UInt = #line) -> Data {
    var text = exampleText
    for (from, to) in replacements {
        let occurrences = text.components(separatedBy: from).count - 1
        XCTAssertEqual(occurrences, 1, "«\(from)» occurs \(occurrences) times", file: file, line: line)
        text = text.replacingOccurrences(of: from, with: to)
    }
    return Data(text.utf8)
}

/// The issues `PlanDecoder` reports for `data`; fails if it decodes.
func issues(_ data: Data, file: StaticString = #filePath, line: UInt = #line) -> [PlanIssue] {
    do {
        _ = try PlanDecoder.decode(data)
        XCTFail("decoded, but issues were expected", file: file, line: line)
        return []
    } catch {
        return error.issues
    }
}

/// Asserts that decoding `data` reports exactly one issue, at `path`, whose message
/// contains `message`.
func assertSingleIssue(_ data: Data, path: String, message: String,
                       file: StaticString = #filePath, line: UInt = #line) {
    let found = issues(data, file: file, line: line)
    XCTAssertEqual(found.count, 1, "issues: \(found)", file: file, line: line)
    guard let issue = found.first else { return }
    XCTAssertEqual(issue.path, path, "issue: \(issue)", file: file, line: line)
    XCTAssertTrue(issue.message.contains(message), "issue: \(issue)", file: file, line: line)
}

/// Decodes `data`, failing the test with the issues if it does not decode.
func decoded(_ data: Data, file: StaticString = #filePath, line: UInt = #line) -> Plan? {
    do {
        return try PlanDecoder.decode(data)
    } catch {
        XCTFail("unexpected issues:\n\(error)", file: file, line: line)
        return nil
    }
}
