import Foundation
import TestSupport
import XCTest
@testable import OsteoDoc

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// One engine for all tests (fonts and templates loaded once).
let engine: OsteoDoc = try! OsteoDoc(resources: repositoryRoot)

func examplePlanData() throws -> Data {
    try Data(contentsOf: repositoryRoot.appendingPathComponent("examples/plan.json"))
}

/// The example plan as a mutable JSON object, to derive variants from.
func examplePlanJSON() throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: try examplePlanData()) as! [String: Any]
}

func data(_ json: [String: Any]) throws -> Data {
    try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
}

/// Compares text with a golden file under Tests/OsteoDocTests/Golden; OSTEODOC_UPDATE_GOLDEN=1 rewrites it.
func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let url = repositoryRoot.appendingPathComponent("Tests/OsteoDocTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["OSTEODOC_UPDATE_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    if expected != text {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let i = Array(zip(a, b)).firstIndex { $0.0 != $0.1 } ?? min(a.count, b.count)
        XCTFail("\(name) differs from golden at line \(i + 1):\n  expected: \(i < a.count ? a[i] : "<end>")\n  actual:   \(i < b.count ? b[i] : "<end>")",
                file: file, line: line)
    }
}

/// Runs the built `osteodoc` executable.
struct CLIResult { var status: Int32; var stdout: String; var stderr: String }

func runCLI(_ args: [String], stdin: URL? = nil, input: Data? = nil) throws -> CLIResult {
    let r = try ProcessRunner.run(productsDirectory().appendingPathComponent("osteodoc").path, args, stdin: stdin,
                                  input: input, directory: repositoryRoot)
    return CLIResult(status: r.status, stdout: r.stdout, stderr: r.stderr)
}

/// The folder holding the built products (where the test bundle is).
func productsDirectory() -> URL {
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent()
    }
    return Bundle.main.bundleURL
}

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs an outside tool (pdftotext, qpdf, …) and returns its standard output and error together; fails the test if missing.
func tool(_ name: String, _ args: [String]) throws -> (status: Int32, output: String) {
    do {
        let r = try ProcessRunner.run(name, args)
        return (r.status, r.stdout + r.stderr)
    } catch let missing as ProcessRunner.NotInstalled {
        XCTFail(missing.description)
        throw missing
    }
}
