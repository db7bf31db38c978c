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
    func testAccountsSessionsAndTokens() async throws { try await contract().accountsSessionsAndTokens() }
    func testConcurrentIssuesAreAllRecorded() async throws { try await contract().concurrentIssuesAreAllRecorded() }

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
}
