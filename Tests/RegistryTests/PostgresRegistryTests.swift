import Foundation
import Logging
import Registry
import XCTest

/// The same contract against a real PostgreSQL server started for these tests.
final class PostgresRegistryTests: XCTestCase {
    nonisolated(unsafe) static var server: TestPostgres?

    override class func tearDown() { server = nil }

    /// The pool's reconnection attempts while the server is stopped are expected: not logged.
    static let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }()

    private func contract() async throws -> RegistryContract {
        // CI installs PostgreSQL (scripts/setup.sh): there a missing server is a failure, not a skip.
        if let reason = TestPostgres.unavailableReason {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail(reason) }
            throw XCTSkip(reason)
        }
        if Self.server == nil { Self.server = try TestPostgres() }
        let url = try Self.server!.freshDatabase()
        return RegistryContract(registry: try await PostgresRegistry(url: url, logger: Self.logger))
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

    /// Server stopped: calls fail fast as `unavailable`; started again: the pool reconnects by itself.
    func testStoppedServerMeansUnavailableThenReconnects() async throws {
        let c = try await contract()
        _ = try await c.registry.storePlan(c.plan())
        try Self.server!.stop()
        let start = Date()
        do {
            _ = try await c.registry.storePlan(c.plan("PLN-X"))
            XCTFail("a write while the server is down")
        } catch let e as RegistryError {
            guard case .unavailable = e else { return XCTFail("\(e)") }
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        try Self.server!.start()
        var stored: PlanRevision?
        for _ in 0..<50 where stored == nil {
            stored = try? await c.registry.storePlan(c.plan("PLN-X")).revision
            if stored == nil { try await Task.sleep(for: .milliseconds(200)) }
        }
        XCTAssertEqual(stored?.planId, "PLN-X", "reconnected")
        let first = try await c.registry.planRevision(planId: "PLN-1", revision: 1)
        XCTAssertNotNil(first, "the write acknowledged before the stop is there")
        await c.registry.shutdown()
    }
}
