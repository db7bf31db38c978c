import Foundation
import XCTest

/// Issue 14 class 10: the file system. `--out` never replaces `--plan`, a killed run's
/// temporary is cleaned by the next run (only osteodoc's own, only old ones), and messages
/// name files by their option unless `--verbose`.
final class CLIFileTests: XCTestCase {
    private func folderWithPlan(named name: String) throws -> (URL, URL) {
        let dir = try temporaryFolder()
        let plan = dir.appendingPathComponent(name)
        try examplePlanData().write(to: plan)
        return (dir, plan)
    }

    func testOutputThatIsThePlanIsRefusedHoweverItIsSpelled() throws {
        // The plan's name ends in .pdf so that only the same-file rule can refuse it.
        let (dir, plan) = try folderWithPlan(named: "plan.pdf")
        let original = try Data(contentsOf: plan)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("soft.pdf").path, withDestinationPath: plan.path)
        try FileManager.default.linkItem(atPath: plan.path, toPath: dir.appendingPathComponent("hard.pdf").path)
        let sub = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        for out in [plan.path, dir.appendingPathComponent("soft.pdf").path, dir.appendingPathComponent("hard.pdf").path,
                    sub.path + "/../plan.pdf", dir.path + "//./plan.pdf"] {
            let r = try runCLI(["render", "consent", "--plan", plan.path, "--out", out])
            XCTAssertEqual(r.status, 1, out)
            XCTAssertTrue(r.stderr.contains("--out: is the same file as --plan"), r.stderr)
            XCTAssertEqual(try Data(contentsOf: plan), original, "the plan was changed through \(out)")
        }
        // The plan through a symbolic link, the output the real file.
        let r = try runCLI(["render", "consent", "--plan", dir.appendingPathComponent("soft.pdf").path, "--out", plan.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(try Data(contentsOf: plan), original)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(),
                       ["hard.pdf", "plan.pdf", "soft.pdf", "sub"], "no temporary left")
    }

    func testADifferentFileWithTheSameContentIsNotTheSameFile() throws {
        let (dir, plan) = try folderWithPlan(named: "plan.json")
        let out = dir.appendingPathComponent("copy.html")
        try FileManager.default.copyItem(at: plan, to: out)
        let r = try runCLI(["render", "consent", "--plan", plan.path, "--out", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try String(contentsOf: out, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    }

    func testStaleTemporariesOfOsteodocAreCleanedAndNothingElse() throws {
        let (dir, plan) = try folderWithPlan(named: "plan.json")
        let fm = FileManager.default
        let old = Date(timeIntervalSinceNow: -3600)
        // A complete document left by a killed run (pid 999999999 does not exist).
        let stale = [".consent.html.osteodoc-999999999.tmp", ".other.pdf.osteodoc-999999998.tmp"]
        // Not osteodoc's, or too recent, or of a live process (this test's own pid), or a folder.
        let kept = [".consent.html.999999999.tmp", ".consent.html.osteodoc-x.tmp", "consent.html.osteodoc-999999999.tmp",
                    ".consent.html.osteodoc-999999997.tmp.bak", ".recent.html.osteodoc-999999996.tmp",
                    ".live.html.osteodoc-\(ProcessInfo.processInfo.processIdentifier).tmp", "notes.tmp"]
        for name in stale + kept { try Data("x".utf8).write(to: dir.appendingPathComponent(name)) }
        let folder = dir.appendingPathComponent(".dir.html.osteodoc-999999995.tmp")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in stale + kept where !name.hasPrefix(".recent") {
            try fm.setAttributes([.modificationDate: old], ofItemAtPath: dir.appendingPathComponent(name).path)
        }
        try fm.setAttributes([.modificationDate: old], ofItemAtPath: folder.path)

        let r = try runCLI(["render", "consent", "--plan", plan.path, "--out", dir.appendingPathComponent("consent.html").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let left = Set(try fm.contentsOfDirectory(atPath: dir.path))
        for name in stale { XCTAssertFalse(left.contains(name), "\(name) was not cleaned") }
        for name in kept + [".dir.html.osteodoc-999999995.tmp", "consent.html", "plan.json"] {
            XCTAssertTrue(left.contains(name), "\(name) was removed")
        }
    }

    func testAKilledRunLeavesAHiddenTemporaryThatTheNextRunRemoves() throws {
        let (dir, plan) = try folderWithPlan(named: "plan.json")
        let out = dir.appendingPathComponent("consent.pdf")
        // Simulate kill -9 between write and rename: a temporary of a dead process, 11 minutes old.
        let leftover = dir.appendingPathComponent(".consent.pdf.osteodoc-999999990.tmp")
        try Data("%PDF-1.7 complete document".utf8).write(to: leftover)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -660)], ofItemAtPath: leftover.path)
        let r = try runCLI(["render", "consent", "--plan", plan.path, "--out", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["consent.pdf", "plan.json"])
    }

    func testMessagesNameNoPathUnlessVerbose() throws {
        let (dir, _) = try folderWithPlan(named: "plan.json")
        let patientNamed = dir.appendingPathComponent("Rossi Maria 1951.json").path
        let outNamed = dir.appendingPathComponent("no-such-folder/Rossi Maria.pdf").path
        let cases: [[String]] = [
            ["plan", "check", patientNamed],
            ["render", "consent", "--plan", patientNamed, "--out", dir.appendingPathComponent("x.pdf").path],
            ["render", "consent", "--plan", dir.appendingPathComponent("plan.json").path, "--out", outNamed],
            ["render", "consent", "--plan", dir.path, "--out", dir.appendingPathComponent("y.pdf").path],
        ]
        for args in cases {
            let r = try runCLI(args)
            XCTAssertEqual(r.status, 1, "\(args)")
            XCTAssertFalse(r.stderr.contains("Rossi"), r.stderr)
            XCTAssertFalse(r.stderr.contains(dir.path), r.stderr)
            XCTAssertTrue(r.stderr.contains("--plan") || r.stderr.contains("--out") || r.stderr.contains("plan file"), r.stderr)
            let verbose = try runCLI(args.prefix(2) + ["--verbose"] + args.dropFirst(2))
            XCTAssertEqual(verbose.status, 1)
            XCTAssertTrue(verbose.stderr.contains("Rossi") || verbose.stderr.contains(dir.path), verbose.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["plan.json"])
    }

    func testAPlanLargerThanOneMebibyteIsRefusedWithoutReadingItAll() throws {
        let dir = try temporaryFolder()
        let big = dir.appendingPathComponent("big.json")
        try Data(repeating: 0x20, count: 1_048_577).write(to: big)
        let r = try runCLI(["plan", "check", big.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("larger than 1 MiB"), r.stderr)
        XCTAssertFalse(r.stderr.contains(dir.path))
    }
}
