import Foundation
import GRDB
import Registry
import XCTest

final class SQLiteRegistryTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-reg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func contract() throws -> RegistryContract {
        RegistryContract(registry: try SQLiteRegistry(path: folder.appendingPathComponent("registry.sqlite").path))
    }

    func testPlanRevisionsAreIdempotentOnIdenticalBytes() async throws { try await contract().planRevisionsAreIdempotentOnIdenticalBytes() }
    func testIssuedDocumentsKeepMetadataBytesAndEvents() async throws { try await contract().issuedDocumentsKeepMetadataBytesAndEvents() }
    func testASignedDocumentIsOnlyReplacedWithAReason() async throws { try await contract().aSignedDocumentIsOnlyReplacedWithAReason() }
    func testTheSignedStateFollowsTheEventLog() async throws { try await contract().theSignedStateFollowsTheEventLog() }
    func testScansAreStoredWithTheirEventAndMakeTheDocumentSigned() async throws { try await contract().scansAreStoredWithTheirEventAndMakeTheDocumentSigned() }
    func testAccountsSessionsAndTokens() async throws { try await contract().accountsSessionsAndTokens() }
    func testConcurrentIssuesAreAllRecorded() async throws { try await contract().concurrentIssuesAreAllRecorded() }
    func testListingsFollowTheLatestRevision() async throws { try await contract().listingsFollowTheLatestRevision() }
    func testAccountsAreListedByName() async throws { try await contract().accountsAreListedByName() }
    func testAccountsAreUpdatedAndTheirSessionsEnded() async throws { try await contract().accountsAreUpdatedAndTheirSessionsEnded() }
    func testAFlaggedScanDoesNotMakeTheDocumentSigned() async throws { try await contract().aFlaggedScanDoesNotMakeTheDocumentSigned() }

    func testTheFileIsInWALModeAndReopensWithItsData() async throws {
        let path = folder.appendingPathComponent("registry.sqlite").path
        var registry: SQLiteRegistry? = try SQLiteRegistry(path: path)
        _ = try await registry!.storePlan(NewPlanRevision(planId: "P", bytes: Data("x".utf8), receivedAt: Date(timeIntervalSince1970: 0), account: "a", hasOutcome: false))
        await registry!.shutdown()
        registry = nil
        let reopened = try SQLiteRegistry(path: path)
        let plan = try await reopened.planRevision(planId: "P", revision: nil)
        XCTAssertEqual(plan?.bytes, Data("x".utf8))
        let queue = try DatabaseQueue(path: path)
        let mode = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(mode, "wal")
    }

    func testTheEventLogRefusesUpdatesAndDeletes() async throws {
        let path = folder.appendingPathComponent("registry.sqlite").path
        let c = RegistryContract(registry: try SQLiteRegistry(path: path))
        _ = try await c.registry.storePlan(c.plan())
        _ = try await c.registry.issue(c.newDocument())
        let queue = try DatabaseQueue(path: path)
        XCTAssertThrowsError(try queue.inDatabase { db in try db.execute(sql: "UPDATE events SET account = 'x'") })
        XCTAssertThrowsError(try queue.inDatabase { db in try db.execute(sql: "DELETE FROM events") })
    }

    func testMigrationTwoFindsTheDocumentsSignedUnderVersionOne() async throws {
        let path = folder.appendingPathComponent("registry.sqlite").path
        var c: RegistryContract? = RegistryContract(registry: try SQLiteRegistry(path: path))
        _ = try await c!.registry.storePlan(c!.plan())
        let signed = try await c!.registry.issue(c!.newDocument())
        _ = try await c!.registry.append(NewEvent(documentId: signed.id, type: .scanned, account: "desk1", at: c!.t0))
        await (c!.registry as! SQLiteRegistry).shutdown()
        c = nil
        // Back to the version-1 schema: no derived table, migration 2 not applied.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: "DROP TABLE signed_documents")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v2'")
        }
        let reopened = RegistryContract(registry: try SQLiteRegistry(path: path))
        do {
            _ = try await reopened.registry.issue(reopened.newDocument())
            XCTFail("the consent signed before the migration was re-issued silently")
        } catch let e as RegistryError { XCTAssertEqual(e, .signedDocumentExists(documentId: signed.id)) }
    }
}
