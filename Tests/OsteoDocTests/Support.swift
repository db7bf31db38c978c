import Foundation
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

func runCLI(_ args: [String], input: Data? = nil) throws -> CLIResult {
    let bin = productsDirectory().appendingPathComponent("osteodoc")
    let p = Process()
    p.executableURL = bin
    p.arguments = args
    p.currentDirectoryURL = repositoryRoot
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    let stdin = Pipe()
    signal(SIGPIPE, SIG_IGN)  // the program may close its input early; that must not end the test run
    p.standardInput = input == nil ? FileHandle.nullDevice : stdin
    try p.run()
    if let input {
        // Written from another thread: the program may stop reading (and exit) before taking it all.
        let writer = stdin.fileHandleForWriting
        DispatchQueue.global().async { try? writer.write(contentsOf: input); try? writer.close() }
    }
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return CLIResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
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

/// Runs an outside tool (pdftotext, qpdf, …) and returns its standard output; fails the test if missing.
func tool(_ name: String, _ args: [String]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [name] + args
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    if p.terminationStatus == 127 { XCTFail("\(name) is not installed (run scripts/setup.sh)") }
    return (p.terminationStatus, String(decoding: o, as: UTF8.self))
}
