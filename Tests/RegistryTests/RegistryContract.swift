import Foundation
import Registry
import XCTest

/// The behaviour every `Registry` must have; run against SQLite and PostgreSQL alike.
struct RegistryContract {
    let registry: any Registry
    let t0 = Date(timeIntervalSince1970: 1_796_000_000)

    func plan(_ id: String = "PLN-1", _ text: String = "{\"a\":1}", outcome: Bool = false, at: Date? = nil) -> NewPlanRevision {
        NewPlanRevision(planId: id, bytes: Data(text.utf8), receivedAt: at ?? t0, account: "planning-core", hasOutcome: outcome)
    }

    func key(revision: Int, kind: String = "consent", languages: [String] = ["it"]) -> RenderingKey {
        RenderingKey(planId: "PLN-1", revision: revision, kind: kind, languages: languages, format: "pdf",
                     contentVersion: "cv1", engineVersion: "ev1")
    }

    func newDocument(revision: Int = 1, bytes: String = "%PDF-1 a", reason: String? = nil, kind: String = "consent") -> NewDocument {
        NewDocument(baseId: "CI-PLN-1-it-ABCD", key: key(revision: revision, kind: kind), bytes: Data(bytes.utf8),
                    issuedAt: t0.addingTimeInterval(60), account: "desk1", reason: reason)
    }

    func planRevisionsAreIdempotentOnIdenticalBytes() async throws {
        let first = try await registry.storePlan(plan())
        XCTAssertEqual(first.revision.revision, 1)
        XCTAssertTrue(first.created)
        let again = try await registry.storePlan(plan(at: t0.addingTimeInterval(5)))
        XCTAssertFalse(again.created)
        XCTAssertEqual(again.revision, first.revision, "identical bytes: the same revision, first reception time kept")
        let changed = try await registry.storePlan(plan("PLN-1", "{\"a\":2}", outcome: true))
        XCTAssertEqual(changed.revision.revision, 2)
        XCTAssertTrue(changed.created)
        let other = try await registry.storePlan(plan("PLN-2"))
        XCTAssertEqual(other.revision.revision, 1, "revisions count per plan id")
        let latest = try await registry.planRevision(planId: "PLN-1", revision: nil)
        XCTAssertEqual(latest?.revision, 2)
        XCTAssertEqual(latest?.bytes, Data("{\"a\":2}".utf8), "the exact bytes")
        XCTAssertEqual(latest?.hasOutcome, true)
        let one = try await registry.planRevision(planId: "PLN-1", revision: 1)
        XCTAssertEqual(one?.bytes, Data("{\"a\":1}".utf8))
        XCTAssertEqual(one?.sha256, Hash.sha256(Data("{\"a\":1}".utf8)))
        XCTAssertEqual(one?.receivedAt, t0)
        let none = try await registry.planRevision(planId: "PLN-9", revision: nil)
        XCTAssertNil(none)
    }

    func issuedDocumentsKeepMetadataBytesAndEvents() async throws {
        _ = try await registry.storePlan(plan())
        let doc = try await registry.issue(newDocument())
        XCTAssertEqual(doc.id, "CI-PLN-1-it-ABCD-1")
        XCTAssertEqual(doc.sha256, Hash.sha256(Data("%PDF-1 a".utf8)))
        XCTAssertEqual(doc.size, 8)
        let second = try await registry.issue(newDocument())
        XCTAssertEqual(second.id, "CI-PLN-1-it-ABCD-2", "each issue is its own record")
        let stored = try await registry.document(id: doc.id)
        XCTAssertEqual(stored, doc)
        XCTAssertEqual(stored?.key.languages, ["it"])
        let bytes = try await registry.documentBytes(id: second.id)
        XCTAssertEqual(bytes, Data("%PDF-1 a".utf8))
        let archived = try await registry.archivedRendering(key(revision: 1))
        XCTAssertEqual(archived?.bytes, Data("%PDF-1 a".utf8))
        let notArchived = try await registry.archivedRendering(key(revision: 1, languages: ["de", "it"]))
        XCTAssertNil(notArchived)

        _ = try await registry.append(NewEvent(documentId: doc.id, type: .printed, account: "desk1", at: t0.addingTimeInterval(70), detail: "desk-printer"))
        _ = try await registry.append(NewEvent(documentId: doc.id, type: .downloaded, account: "desk2", at: t0.addingTimeInterval(80)))
        let events = try await registry.events(documentId: doc.id)
        XCTAssertEqual(events.map(\.type), [.issued, .printed, .downloaded])
        XCTAssertEqual(events.map(\.account), ["desk1", "desk1", "desk2"])
        XCTAssertEqual(events[1].at, t0.addingTimeInterval(70))
        XCTAssertEqual(events[1].detail, "desk-printer")
        XCTAssertTrue(events[0].sequence < events[1].sequence && events[1].sequence < events[2].sequence)
        do {
            _ = try await registry.append(NewEvent(documentId: "nope", type: .printed, account: "x", at: t0))
            XCTFail("an event for an unknown document")
        } catch let e as RegistryError { XCTAssertEqual(e, .unknownDocument("nope")) }
        let all = try await registry.documents(planId: "PLN-1")
        XCTAssertEqual(all.map(\.id), [doc.id, second.id])
    }

    func aSignedDocumentIsOnlyReplacedWithAReason() async throws {
        _ = try await registry.storePlan(plan())
        let doc = try await registry.issue(newDocument())
        // Not yet signed: issuing again is a plain new issue.
        let unsigned = try await registry.issue(newDocument())
        XCTAssertNil(unsigned.replaces)
        _ = try await registry.append(NewEvent(documentId: doc.id, type: .scanned, account: "desk1", at: t0.addingTimeInterval(90)))
        do {
            _ = try await registry.issue(newDocument())
            XCTFail("a signed consent was re-issued silently")
        } catch let e as RegistryError { XCTAssertEqual(e, .signedDocumentExists(documentId: doc.id)) }
        let count = try await registry.documents(planId: "PLN-1").count
        XCTAssertEqual(count, 2, "nothing stored by the refused issue")
        let replacement = try await registry.issue(newDocument(reason: "patient asked for a larger print"))
        XCTAssertEqual(replacement.replaces, doc.id)
        XCTAssertEqual(replacement.reason, "patient asked for a larger print")
        let events = try await registry.events(documentId: replacement.id)
        XCTAssertEqual(events.first?.detail, "replaces \(doc.id)")
        // Another kind is not affected; a voided signed document no longer blocks.
        _ = try await registry.issue(newDocument(kind: "discharge"))
        _ = try await registry.append(NewEvent(documentId: doc.id, type: .voided, account: "admin", at: t0.addingTimeInterval(99)))
        let plain = try await registry.issue(newDocument())
        XCTAssertNil(plain.replaces)
    }

    func theSignedStateFollowsTheEventLog() async throws {
        _ = try await registry.storePlan(plan())
        func expectRefused(naming id: String, _ message: String) async throws {
            do {
                _ = try await registry.issue(newDocument())
                XCTFail(message)
            } catch let e as RegistryError { XCTAssertEqual(e, .signedDocumentExists(documentId: id), message) }
        }
        // Voided before it came back signed: the scan does not make it count.
        let voided = try await registry.issue(newDocument())
        _ = try await registry.append(NewEvent(documentId: voided.id, type: .voided, account: "admin", at: t0.addingTimeInterval(70)))
        _ = try await registry.append(NewEvent(documentId: voided.id, type: .scanned, account: "desk1", at: t0.addingTimeInterval(80)))
        let plain = try await registry.issue(newDocument())
        XCTAssertNil(plain.replaces)
        // Two signed: the later one is replaced; once it is voided, the earlier one.
        let first = try await registry.issue(newDocument())
        _ = try await registry.append(NewEvent(documentId: first.id, type: .scanned, account: "desk1", at: t0.addingTimeInterval(90)))
        let second = try await registry.issue(newDocument(reason: "reprint"))
        XCTAssertEqual(second.replaces, first.id)
        _ = try await registry.append(NewEvent(documentId: second.id, type: .scanned, account: "desk1", at: t0.addingTimeInterval(95)))
        _ = try await registry.append(NewEvent(documentId: second.id, type: .scanned, account: "desk1", at: t0.addingTimeInterval(96)))
        try await expectRefused(naming: second.id, "the latest signed consent was re-issued silently")
        _ = try await registry.append(NewEvent(documentId: second.id, type: .voided, account: "admin", at: t0.addingTimeInterval(97)))
        try await expectRefused(naming: first.id, "the earlier signed consent was re-issued silently")
        // Another revision of the plan is not affected.
        _ = try await registry.storePlan(plan("PLN-1", "{\"a\":2}"))
        let otherRevision = try await registry.issue(newDocument(revision: 2))
        XCTAssertNil(otherRevision.replaces)
    }

    func scansAreStoredWithTheirEventAndMakeTheDocumentSigned() async throws {
        _ = try await registry.storePlan(plan())
        let doc = try await registry.issue(newDocument())
        let bytes = Data("%PDF-1.4 scanned pages".utf8), report = Data(#"{"flags":[]}"#.utf8)
        let stored = try await registry.recordScan(NewScan(documentId: doc.id, mediaType: "application/pdf", bytes: bytes, report: report,
                                                           summary: "complete", receivedAt: t0.addingTimeInterval(300), account: "desk1",
                                                           complete: true))
        XCTAssertEqual(stored.event.type, .scanned)
        XCTAssertEqual(stored.event.detail, "complete")
        let listed = try await registry.scans(documentId: doc.id)
        XCTAssertEqual(listed, [stored])
        let back = try await registry.scanBytes(sequence: stored.sequence)
        XCTAssertEqual(back, bytes)
        let events = try await registry.events(documentId: doc.id).map(\.type)
        XCTAssertEqual(events, [.issued, .scanned])
        let signed = try await registry.signedDocuments(planId: "PLN-1")
        XCTAssertEqual(signed, [doc.id])
        do {
            _ = try await registry.issue(newDocument())
            XCTFail("a scanned consent was re-issued silently")
        } catch let e as RegistryError { XCTAssertEqual(e, .signedDocumentExists(documentId: doc.id)) }
        do {
            _ = try await registry.recordScan(NewScan(documentId: "nope", mediaType: "image/png", bytes: bytes, report: report,
                                                      summary: "complete", receivedAt: t0, account: "desk1", complete: true))
            XCTFail("a scan of an unknown document was stored")
        } catch let e as RegistryError { XCTAssertEqual(e, .unknownDocument("nope")) }
        let none = try await registry.scans(documentId: "nope")
        XCTAssertEqual(none, [])
        // The QR code names the printed id; the latest issue of it is the one a scan belongs to.
        let later = try await registry.issue(newDocument(reason: "reprint"))
        let latest = try await registry.latestDocument(baseId: "CI-PLN-1-it-ABCD")
        XCTAssertEqual(latest?.id, later.id)
        let unknown = try await registry.latestDocument(baseId: "CI-NOPE")
        XCTAssertNil(unknown)
    }

    /// A scan with flags (a page missing, no box ticked) is stored but does not make the document signed.
    func aFlaggedScanDoesNotMakeTheDocumentSigned() async throws {
        _ = try await registry.storePlan(plan())
        let doc = try await registry.issue(newDocument())
        _ = try await registry.recordScan(NewScan(documentId: doc.id, mediaType: "application/pdf", bytes: Data("%PDF-1.4 blank".utf8),
                                                  report: Data(#"{"flags":[{"kind":"page-missing","about":"2"}]}"#.utf8),
                                                  summary: "1 flag(s): page-missing", receivedAt: t0, account: "desk1", complete: false))
        let signed = try await registry.signedDocuments(planId: "PLN-1")
        XCTAssertEqual(signed, [])
        let again = try await registry.issue(newDocument())
        XCTAssertNil(again.replaces, "not signed: a new issue needs no reason")
        // Checked by hand: a `scanned` event recorded through the API makes it signed.
        _ = try await registry.append(NewEvent(documentId: doc.id, type: .scanned, account: "desk1", at: t0, detail: "checked by hand"))
        let now = try await registry.signedDocuments(planId: "PLN-1")
        XCTAssertEqual(now, [doc.id])
    }

    func accountsSessionsAndTokens() async throws {
        let count0 = try await registry.accountCount()
        XCTAssertEqual(count0, 0)
        let account = StaffAccount(name: "anna", role: .frontDesk, passwordHash: "$2b$hash", createdAt: t0)
        try await registry.createAccount(account)
        do { try await registry.createAccount(account); XCTFail("duplicate account") } catch let e as RegistryError {
            XCTAssertEqual(e, .duplicate("account anna"))
        }
        let fetched = try await registry.account(name: "anna")
        XCTAssertEqual(fetched, account)
        let session = Session(tokenHash: "h1", account: "anna", csrfToken: "c1", expiresAt: t0.addingTimeInterval(3600))
        try await registry.createSession(session)
        let s = try await registry.session(tokenHash: "h1")
        XCTAssertEqual(s, session)
        try await registry.deleteExpiredSessions(before: t0.addingTimeInterval(7200))
        let expired = try await registry.session(tokenHash: "h1")
        XCTAssertNil(expired)
        try await registry.createSession(session)
        try await registry.deleteSession(tokenHash: "h1")
        let deleted = try await registry.session(tokenHash: "h1")
        XCTAssertNil(deleted)
        let token = APIToken(hash: "th", name: "planning-core", createdAt: t0)
        try await registry.createAPIToken(token)
        let t = try await registry.apiToken(hash: "th")
        XCTAssertEqual(t, token)
        try await registry.ping()
    }

    /// Many concurrent writers: every acknowledged write is there, numbering has no gaps or twins.
    func concurrentIssuesAreAllRecorded() async throws {
        _ = try await registry.storePlan(plan())
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<40 {
                group.addTask {
                    if i % 2 == 0 { _ = try await registry.storePlan(plan("P-\(i)", "{\"i\":\(i)}")) }
                    return try await registry.issue(newDocument()).id
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        XCTAssertEqual(Set(ids).count, 40)
        XCTAssertEqual(Set(ids), Set((1...40).map { "CI-PLN-1-it-ABCD-\($0)" }))
        let stored = try await registry.documents(planId: "PLN-1").count
        XCTAssertEqual(stored, 40)
    }
}
