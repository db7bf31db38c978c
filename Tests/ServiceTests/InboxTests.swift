import Foundation
import OsteoDoc
import Registry
import Service
import XCTest

final class InboxTests: XCTestCase {
    /// Scans until nothing is left to take (bounded).
    static func drain(_ inbox: Inbox, rounds: Int = 12) async throws {
        var seen: [String: Inbox.Observation] = [:]
        for _ in 0..<rounds {
            await inbox.scan(&seen)
            try await Task.sleep(for: .milliseconds(120))
        }
    }

    private func files(_ dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    func testAFileIsTakenExactlyOnceAndMovedToAccepted() async throws {
        let s = try await TestService()
        let inbox = Inbox(service: s.service)
        try inbox.prepareFolders()
        let dir = s.service.configuration.inboxURL
        try examplePlan().write(to: dir.appendingPathComponent("plan-a.json"))
        try examplePlan().write(to: dir.appendingPathComponent("plan-b.json"))  // the same bytes again
        try await Self.drain(inbox)
        XCTAssertEqual(files(dir.appendingPathComponent("accepted")), ["plan-a.json", "plan-b.json"])
        XCTAssertEqual(files(dir).filter { $0.hasSuffix(".json") }, [])
        XCTAssertEqual(files(dir.appendingPathComponent(".processing")), [])
        let latest = try await s.registry.planRevision(planId: "PLN-2026-004217", revision: nil)
        XCTAssertEqual(latest?.revision, 1, "identical bytes: one revision")
        XCTAssertEqual(latest?.account, "inbox")
        // The same name again later is kept beside the first, never over it.
        try examplePlan(withoutOutcome).write(to: dir.appendingPathComponent("plan-a.json"))
        try await Self.drain(inbox)
        XCTAssertEqual(files(dir.appendingPathComponent("accepted")), ["plan-a.json", "plan-a.json.2", "plan-b.json"])
        let second = try await s.registry.planRevision(planId: "PLN-2026-004217", revision: nil)
        XCTAssertEqual(second?.revision, 2)
    }

    func testAnInvalidFileIsRejectedWithAnErrorFileBesideIt() async throws {
        let s = try await TestService()
        let inbox = Inbox(service: s.service)
        try inbox.prepareFolders()
        let dir = s.service.configuration.inboxURL
        let bad = try examplePlan { json in
            var targets = json["targets"] as! [[String: Any]]
            targets[1]["side"] = "midline"
            json["targets"] = targets
        }
        try bad.write(to: dir.appendingPathComponent("bad.json"))
        try Data("not json".utf8).write(to: dir.appendingPathComponent("garbage.json"))
        try await Self.drain(inbox)
        let rejected = dir.appendingPathComponent("rejected")
        XCTAssertEqual(files(rejected), ["bad.json", "bad.json.error.txt", "garbage.json", "garbage.json.error.txt"])
        let error = try String(contentsOf: rejected.appendingPathComponent("bad.json.error.txt"), encoding: .utf8)
        XCTAssertTrue(error.contains("targets[1].side:"), error)
        XCTAssertFalse(error.contains("Rossi"))
        let none = try await s.registry.planRevision(planId: "PLN-2026-004217", revision: nil)
        XCTAssertNil(none)
    }

    /// A file still growing, or under a temporary name, is never read.
    func testAHalfWrittenFileIsNeverRead() async throws {
        let s = try await TestService { $0.inboxSettleMilliseconds = 600 }
        let inbox = Inbox(service: s.service)
        try inbox.prepareFolders()
        let dir = s.service.configuration.inboxURL
        let plan = try examplePlan()
        // Temporary names, as writers use them.
        for name in [".plan.json", "plan.json.tmp", "plan.json.part", "plan.json~"] {
            try plan.write(to: dir.appendingPathComponent(name))
        }
        // A file written slowly: half now, more on every scan.
        let growing = dir.appendingPathComponent("growing.json")
        let handle: FileHandle = try {
            FileManager.default.createFile(atPath: growing.path, contents: nil)
            return try FileHandle(forWritingTo: growing)
        }()
        var seen: [String: Inbox.Observation] = [:]
        let chunk = max(1, plan.count / 10)
        for i in 0..<10 {
            try handle.write(contentsOf: plan[(i * chunk)..<min(plan.count, (i + 1) * chunk)])
            await inbox.scan(&seen)
            XCTAssertTrue(FileManager.default.fileExists(atPath: growing.path), "taken while still growing (step \(i))")
            try await Task.sleep(for: .milliseconds(150))
        }
        try handle.write(contentsOf: plan[min(plan.count, 10 * chunk)...])
        try handle.close()
        for _ in 0..<12 {
            await inbox.scan(&seen)
            try await Task.sleep(for: .milliseconds(150))
        }
        XCTAssertEqual(files(dir.appendingPathComponent("accepted")), ["growing.json"])
        XCTAssertEqual(files(dir.appendingPathComponent("rejected")), [], "never read half-written")
        XCTAssertEqual(Set(files(dir)), [".plan.json", "plan.json.tmp", "plan.json.part", "plan.json~", ".processing", "accepted", "rejected"])
    }

    /// A crash after taking a file (it sits in .processing/) resumes on the next start, once.
    func testAFileLeftByACrashIsFinishedOnce() async throws {
        let s = try await TestService()
        let inbox = Inbox(service: s.service)
        try inbox.prepareFolders()
        let dir = s.service.configuration.inboxURL
        // Stored before the crash, but not yet moved: taking it again makes no second revision.
        _ = try await s.registry.storePlan(NewPlanRevision(planId: "PLN-2026-004217", bytes: try examplePlan(), receivedAt: s.clock.now,
                                                           account: "inbox", hasOutcome: true))
        try examplePlan().write(to: dir.appendingPathComponent(".processing/left.json"))
        try await Self.drain(inbox, rounds: 2)
        XCTAssertEqual(files(dir.appendingPathComponent("accepted")), ["left.json"])
        let latest = try await s.registry.planRevision(planId: "PLN-2026-004217", revision: nil)
        XCTAssertEqual(latest?.revision, 1)
    }

    func testAScanDroppedInTheScanInboxIsStoredWithItsDocumentAndAStrayOneIsRejected() async throws {
        let s = try await TestService()
        let planBytes = try examplePlan()
        let form = try ScanTests.engine.form(.consent, plan: try OsteoDoc.plan(from: planBytes), language: "it")
        let box = Found<(String, Data)>()
        try await s.test { c in
            let (desk, id) = try await c.frontDeskWithConsent(planBytes)
            let pdf = try await c.request(.get, "/api/v1/documents/\(id).pdf", login: desk).body
            box.set((id, pdf))
        }
        let (id, pdf) = try XCTUnwrap(box.value)
        let inbox = Inbox(service: s.service, purpose: .scans)
        try inbox.prepareFolders()
        let dir = inbox.url
        let work = s.folder.appendingPathComponent("make")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let scan = try ScanTests.makeScan(pdf, form: form, tick: { _ in false }, sign: \.required,
                                          pages: Array(1...form.pages.count), folder: work)
        try scan.write(to: dir.appendingPathComponent("scanner-0001.pdf"))
        try Data("not a scan".utf8).write(to: dir.appendingPathComponent("scanner-0002.pdf"))
        try Data("{}".utf8).write(to: dir.appendingPathComponent("plan.json"))  // not for this folder: left alone
        try await Self.drain(inbox, rounds: 30)
        XCTAssertEqual(files(dir.appendingPathComponent("accepted")), ["scanner-0001.pdf"])
        XCTAssertEqual(files(dir.appendingPathComponent("rejected")), ["scanner-0002.pdf", "scanner-0002.pdf.error.txt"])
        XCTAssertTrue(files(dir).contains("plan.json"))
        let scans = try await s.registry.scans(documentId: id)
        XCTAssertEqual(scans.count, 1)
        XCTAssertEqual(scans.first?.account, "inbox")
        XCTAssertEqual(scans.first?.mediaType, "application/pdf")
        let events = try await s.registry.events(documentId: id).map(\.type)
        XCTAssertEqual(events, [.issued, .downloaded, .scanned])
    }
}
