import Foundation
import XCTest
@testable import OsteoDoc

/// The command line's contract for integrators: version, exit codes, JSON errors, standard input, suggestions.
final class CLIReleaseTests: XCTestCase {
    func testVersionNamesProgramContentAndCommit() throws {
        let r = try runCLI(["--version"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "osteodoc \(OsteoDoc.version)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("content \(engine.contentVersion("it")) (it); translations: ar ") }, r.stdout)
        XCTAssertTrue(lines.last?.hasPrefix("source commit ") == true, r.stdout)
        XCTAssertEqual(OsteoDoc.producer, "osteodoc \(OsteoDoc.version)")
    }

    func testMisspelledSubcommandSuggestsTheRightOne() throws {
        let r = try runCLI(["rendr", "consent", "--plan", "examples/plan.json"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("did you mean 'osteodoc render'?"), r.stderr)
        XCTAssertFalse(r.stderr.contains("--plan"), r.stderr)
        let nested = try runCLI(["locales", "stauts"])
        XCTAssertEqual(nested.status, 64)
        XCTAssertTrue(nested.stderr.contains("did you mean 'osteodoc locales status'?"), nested.stderr)
        let far = try runCLI(["frobnicate"])
        XCTAssertEqual(far.status, 64)
        XCTAssertTrue(far.stderr.contains("the commands of 'osteodoc' are: render, batch, plan, content, locales"), far.stderr)
    }

    func testUsageErrorsExit64InputErrorsExit1() throws {
        XCTAssertEqual(try runCLI(["render", "consent", "--out", "x.pdf"]).status, 64)  // --plan missing
        XCTAssertEqual(try runCLI(["render", "consent", "--plan", "examples/plan.json", "--out", "x.pdf", "--bogus"]).status, 64)
        XCTAssertEqual(try runCLI(["plan", "check", "/nonexistent.json"]).status, 1)
    }

    func testJSONErrorsArePathAndRule() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var json = try examplePlanJSON()
        var targets = json["targets"] as! [[String: Any]]
        targets[1]["side"] = "midline"
        json["targets"] = targets
        var patient = json["patient"] as! [String: Any]
        patient["givenName"] = "Ma<ria9"
        json["patient"] = patient
        let plan = dir.appendingPathComponent("plan.json")
        try data(json).write(to: plan)
        let out = dir.appendingPathComponent("x.pdf")
        let r = try runCLI(["render", "consent", "--plan", plan.path, "--out", out.path, "--json"])
        XCTAssertEqual(r.status, 1)
        let decoded = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: [[String: String]]])
        let errors = try XCTUnwrap(decoded["errors"])
        XCTAssertEqual(Set(errors.compactMap { $0["path"] }), ["patient.givenName", "targets[1].side"])
        XCTAssertTrue(errors.allSatisfy { Set($0.keys) == ["path", "rule"] })
        XCTAssertFalse(r.stdout.contains("Ma<ria9"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        let lang = try runCLI(["render", "consent", "--plan", "examples/plan.json", "--lang", "pt", "--out", out.path, "--json"])
        XCTAssertTrue(lang.stdout.hasPrefix("{\"errors\":[{\"path\":\"--lang\",\"rule\":"), lang.stdout)
        let valid = try runCLI(["plan", "check", "examples/plan.json", "--json"])
        XCTAssertEqual(valid.stdout, "{\"errors\":[]}\n")
    }

    func testPlanFromStandardInput() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("consent.html")
        let r = try runCLI(["render", "consent", "--plan", "-", "--out", out.path], input: try examplePlanData())
        XCTAssertEqual(r.status, 0, r.stderr)
        let fromFile = dir.appendingPathComponent("file.html")
        XCTAssertEqual(try runCLI(["render", "consent", "--plan", "examples/plan.json", "--out", fromFile.path]).status, 0)
        XCTAssertEqual(try Data(contentsOf: out), try Data(contentsOf: fromFile))
        let empty = try runCLI(["plan", "check", "-"], input: Data())
        XCTAssertEqual(empty.status, 1)
        let big = try runCLI(["plan", "check", "-"], input: Data(repeating: 0x20, count: OsteoDoc.maximumPlanSize + 10))
        XCTAssertEqual(big.status, 1)
        XCTAssertTrue(big.stderr.contains("larger than 1 MiB"), big.stderr)
    }
}
