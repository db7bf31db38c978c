import Foundation
import Logging
import PostgresNIO

/// The shared registry: PostgreSQL through postgres-nio's connection pool (`PostgresClient`),
/// which reconnects by itself after the server went away. While it cannot reach the server every
/// call throws `RegistryError.unavailable` within `timeout` (the service answers 503).
public final class PostgresRegistry: Registry {
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger
    private let timeout: Duration

    /// - Parameter url: `postgres://user[:password]@host[:port]/database`.
    public init(url: String, logger: Logger, timeout: Duration = .seconds(3)) async throws {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
              let host = parts.host, !host.isEmpty else {
            throw RegistryError.unavailable("database.url must look like postgres://user:password@host:port/database")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: parts.port ?? 5432, username: parts.user ?? "postgres", password: parts.password,
            database: parts.path.count > 1 ? String(parts.path.dropFirst()) : nil, tls: .disable)
        configuration.options.connectTimeout = timeout
        configuration.options.maximumConnections = 8
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        self.timeout = timeout
        self.runner = Task { await client.run() }
        try await migrate()
    }

    private func migrate() async throws {
        try await transaction { c in
            // One server may be shared by several osteodoc servers starting together.
            try await c.query("SELECT pg_advisory_xact_lock(4242)", logger: self.logger)
            try await c.query("CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY)", logger: self.logger)
            let done = try await c.query("SELECT 1 FROM schema_migrations WHERE version = 'v1'", logger: self.logger).collect()
            guard done.isEmpty else { return }
            for statement in Schema.version1(blob: "BYTEA", serial: "BIGSERIAL PRIMARY KEY") {
                try await c.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
            }
            try await c.query("""
                CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'events are append-only'; END $$
                """, logger: self.logger)
            try await c.query("CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION events_append_only()", logger: self.logger)
            try await c.query("INSERT INTO schema_migrations VALUES ('v1')", logger: self.logger)
        }
        try await transaction { c in
            try await c.query("SELECT pg_advisory_xact_lock(4242)", logger: self.logger)
            let done = try await c.query("SELECT 1 FROM schema_migrations WHERE version = 'v2'", logger: self.logger).collect()
            guard done.isEmpty else { return }
            for statement in Schema.version2 {
                try await c.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
            }
            try await c.query("INSERT INTO schema_migrations VALUES ('v2')", logger: self.logger)
        }
        try await transaction { c in
            try await c.query("SELECT pg_advisory_xact_lock(4242)", logger: self.logger)
            let done = try await c.query("SELECT 1 FROM schema_migrations WHERE version = 'v3'", logger: self.logger).collect()
            guard done.isEmpty else { return }
            for statement in Schema.version3(serial: "BIGSERIAL PRIMARY KEY") {
                try await c.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
            }
            try await c.query("INSERT INTO schema_migrations VALUES ('v3')", logger: self.logger)
        }
        try await transaction { c in
            try await c.query("SELECT pg_advisory_xact_lock(4242)", logger: self.logger)
            let done = try await c.query("SELECT 1 FROM schema_migrations WHERE version = 'v4'", logger: self.logger).collect()
            guard done.isEmpty else { return }
            for statement in Schema.version4 {
                try await c.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
            }
            try await c.query("INSERT INTO schema_migrations VALUES ('v4')", logger: self.logger)
        }
        try await transaction { c in
            try await c.query("SELECT pg_advisory_xact_lock(4242)", logger: self.logger)
            let done = try await c.query("SELECT 1 FROM schema_migrations WHERE version = 'v5'", logger: self.logger).collect()
            guard done.isEmpty else { return }
            for statement in Schema.version5 {
                try await c.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
            }
            try await c.query("INSERT INTO schema_migrations VALUES ('v5')", logger: self.logger)
        }
    }

    /// One of the schema's shared statements with numbered parameters ($1, $2, …).
    private static func statement(_ sql: String, _ values: [any PostgresEncodable & Sendable]) throws -> PostgresQuery {
        var bindings = PostgresBindings()
        for value in values { try bindings.append(value) }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    public func storePlan(_ plan: NewPlanRevision) async throws -> (revision: PlanRevision, created: Bool) {
        let sha = Hash.sha256(plan.bytes)
        return try await transaction { c in
            try await c.query("SELECT pg_advisory_xact_lock(hashtext(\(plan.planId)))", logger: self.logger)
            if let existing = try await Self.planRevisions(c.query(
                "SELECT plan_id, revision, sha256, bytes, received_at, account, has_outcome FROM plan_revisions WHERE plan_id = \(plan.planId) AND sha256 = \(sha)",
                logger: self.logger)).first {
                return (existing, false)
            }
            var last = 0
            for try await (max) in try await c.query("SELECT COALESCE(MAX(revision), 0)::INT8 FROM plan_revisions WHERE plan_id = \(plan.planId)", logger: self.logger).decode(Int.self) { last = max }
            let revision = PlanRevision(planId: plan.planId, revision: last + 1, sha256: sha, bytes: plan.bytes,
                                        receivedAt: plan.receivedAt, account: plan.account, hasOutcome: plan.hasOutcome)
            try await c.query("""
                INSERT INTO plan_revisions VALUES (\(plan.planId), \(revision.revision), \(sha), \(plan.bytes),
                \(plan.receivedAt.milliseconds), \(plan.account), \(plan.hasOutcome))
                """, logger: self.logger)
            if var listing = plan.listing {
                listing.revision = revision.revision
                try await c.query(try Self.upsert(listing), logger: self.logger)
            }
            return (revision, true)
        }
    }

    public func planRevision(planId: String, revision: Int?) async throws -> PlanRevision? {
        try await run {
            let columns = "plan_id, revision, sha256, bytes, received_at, account, has_outcome"
            let rows: PostgresRowSequence
            if let revision {
                rows = try await self.client.query("SELECT \(unescaped: columns) FROM plan_revisions WHERE plan_id = \(planId) AND revision = \(revision)", logger: self.logger)
            } else {
                rows = try await self.client.query("SELECT \(unescaped: columns) FROM plan_revisions WHERE plan_id = \(planId) ORDER BY revision DESC LIMIT 1", logger: self.logger)
            }
            return try await Self.planRevisions(rows).first
        }
    }

    public func issue(_ new: NewDocument) async throws -> IssuedDocument {
        let sha = Hash.sha256(new.bytes)
        let k = new.key
        return try await transaction { c in
            try await c.query("SELECT pg_advisory_xact_lock(hashtext(\(k.planId)))", logger: self.logger)
            var signed: String?
            for try await id in try await c.query(try Self.statement(Schema.latestSigned, [k.planId, k.revision, k.kind]),
                                                  logger: self.logger).decode(String.self) { signed = id }
            if let signed, new.reason == nil { throw RegistryError.signedDocumentExists(documentId: signed) }
            var sequence = 1
            for try await max in try await c.query("SELECT COALESCE(MAX(sequence), 0)::INT8 FROM documents WHERE base_id = \(new.baseId)", logger: self.logger).decode(Int.self) { sequence = max + 1 }
            let id = "\(new.baseId)-\(sequence)"
            try await c.query("INSERT INTO blobs VALUES (\(sha), \(new.bytes)) ON CONFLICT DO NOTHING", logger: self.logger)
            let document = IssuedDocument(id: id, key: k, sha256: sha, size: new.bytes.count, issuedAt: new.issuedAt,
                                          account: new.account, replaces: signed, reason: signed == nil ? nil : new.reason)
            try await c.query("""
                INSERT INTO documents VALUES (\(id), \(new.baseId), \(sequence), \(k.planId), \(k.revision), \(k.kind),
                \(k.languagesColumn), \(k.format), \(k.contentVersion), \(k.engineVersion), \(sha), \(new.bytes.count),
                \(new.issuedAt.milliseconds), \(new.account), \(document.replaces), \(document.reason))
                """, logger: self.logger)
            try await c.query("""
                INSERT INTO events (document_id, type, account, at, detail) VALUES
                (\(id), 'issued', \(new.account), \(new.issuedAt.milliseconds), \(document.replaces.map { "replaces \($0)" }))
                """, logger: self.logger)
            return document
        }
    }

    public func archivedRendering(_ k: RenderingKey) async throws -> (sha256: String, bytes: Data)? {
        try await run {
            for try await (sha, bytes) in try await self.client.query("""
                SELECT b.sha256, b.bytes FROM documents d JOIN blobs b ON b.sha256 = d.sha256
                WHERE d.plan_id = \(k.planId) AND d.revision = \(k.revision) AND d.kind = \(k.kind)
                  AND d.languages = \(k.languagesColumn) AND d.format = \(k.format)
                  AND d.content_version = \(k.contentVersion) AND d.engine_version = \(k.engineVersion) LIMIT 1
                """, logger: self.logger).decode((String, Data).self) { return (sha, bytes) }
            return nil
        }
    }

    private static let documentColumns = """
        id, plan_id, revision, kind, languages, format, content_version, engine_version, sha256, size, issued_at, account, replaces, reason
        """

    public func document(id: String) async throws -> IssuedDocument? {
        try await run {
            try await Self.documents(self.client.query("SELECT \(unescaped: Self.documentColumns) FROM documents WHERE id = \(id)", logger: self.logger)).first
        }
    }

    public func latestDocument(baseId: String) async throws -> IssuedDocument? {
        try await run {
            try await Self.documents(self.client.query(
                "SELECT \(unescaped: Self.documentColumns) FROM documents WHERE base_id = \(baseId) ORDER BY sequence DESC LIMIT 1",
                logger: self.logger)).first
        }
    }

    public func documentBytes(id: String) async throws -> Data? {
        try await run {
            for try await bytes in try await self.client.query(
                "SELECT b.bytes FROM documents d JOIN blobs b ON b.sha256 = d.sha256 WHERE d.id = \(id)", logger: self.logger).decode(Data.self) {
                return bytes
            }
            return nil
        }
    }

    public func append(_ event: NewEvent) async throws -> DocumentEvent {
        try await transaction { c in
            let exists = try await c.query("SELECT 1 FROM documents WHERE id = \(event.documentId)", logger: self.logger).collect()
            guard !exists.isEmpty else { throw RegistryError.unknownDocument(event.documentId) }
            var sequence: Int64 = 0
            for try await seq in try await c.query("""
                INSERT INTO events (document_id, type, account, at, detail) VALUES
                (\(event.documentId), \(event.type.rawValue), \(event.account), \(event.at.milliseconds), \(event.detail)) RETURNING seq
                """, logger: self.logger).decode(Int64.self) { sequence = seq }
            switch event.type {
            case .scanned: try await c.query(try Self.statement(Schema.recordSigned, [event.documentId]), logger: self.logger)
            case .voided: try await c.query(try Self.statement(Schema.recordVoided, [event.documentId]), logger: self.logger)
            case .issued, .printed, .reprinted, .downloaded, .printFailed, .handedOver: break
            }
            return DocumentEvent(sequence: sequence, documentId: event.documentId, type: event.type,
                                 account: event.account, at: event.at, detail: event.detail)
        }
    }

    public func recordScan(_ scan: NewScan) async throws -> StoredScan {
        let sha = Hash.sha256(scan.bytes)
        let report = String(decoding: scan.report, as: UTF8.self)
        return try await transaction { c in
            let exists = try await c.query("SELECT 1 FROM documents WHERE id = \(scan.documentId)", logger: self.logger).collect()
            guard !exists.isEmpty else { throw RegistryError.unknownDocument(scan.documentId) }
            try await c.query("INSERT INTO blobs VALUES (\(sha), \(scan.bytes)) ON CONFLICT DO NOTHING", logger: self.logger)
            var eventSeq: Int64 = 0
            for try await seq in try await c.query("""
                INSERT INTO events (document_id, type, account, at, detail) VALUES
                (\(scan.documentId), 'scanned', \(scan.account), \(scan.receivedAt.milliseconds), \(scan.summary)) RETURNING seq
                """, logger: self.logger).decode(Int64.self) { eventSeq = seq }
            var sequence: Int64 = 0
            for try await seq in try await c.query("""
                INSERT INTO scans (document_id, media_type, sha256, size, report, received_at, account, event_seq) VALUES
                (\(scan.documentId), \(scan.mediaType), \(sha), \(scan.bytes.count), \(report), \(scan.receivedAt.milliseconds),
                \(scan.account), \(eventSeq)) RETURNING seq
                """, logger: self.logger).decode(Int64.self) { sequence = seq }
            if scan.complete { try await c.query(try Self.statement(Schema.recordSigned, [scan.documentId]), logger: self.logger) }
            let event = DocumentEvent(sequence: eventSeq, documentId: scan.documentId, type: .scanned, account: scan.account,
                                      at: scan.receivedAt, detail: scan.summary)
            return StoredScan(sequence: sequence, documentId: scan.documentId, mediaType: scan.mediaType, sha256: sha,
                              size: scan.bytes.count, report: scan.report, receivedAt: scan.receivedAt, account: scan.account, event: event)
        }
    }

    public func scans(documentId: String) async throws -> [StoredScan] {
        try await run {
            var scans: [StoredScan] = []
            for try await (seq, doc, media, sha, size, report, at, account, eventSeq, detail) in try await self.client.query("""
                SELECT s.seq, s.document_id, s.media_type, s.sha256, s.size::INT8, s.report, s.received_at, s.account, s.event_seq, e.detail
                FROM scans s JOIN events e ON e.seq = s.event_seq WHERE s.document_id = \(documentId) ORDER BY s.seq
                """, logger: self.logger).decode((Int64, String, String, String, Int, String, Int64, String, Int64, String?).self) {
                let date = Date(milliseconds: at)
                scans.append(StoredScan(sequence: seq, documentId: doc, mediaType: media, sha256: sha, size: size, report: Data(report.utf8),
                                        receivedAt: date, account: account,
                                        event: DocumentEvent(sequence: eventSeq, documentId: doc, type: .scanned, account: account,
                                                             at: date, detail: detail)))
            }
            return scans
        }
    }

    public func scanBytes(sequence: Int64) async throws -> Data? {
        try await run {
            for try await bytes in try await self.client.query(
                "SELECT b.bytes FROM scans s JOIN blobs b ON b.sha256 = s.sha256 WHERE s.seq = \(sequence)",
                logger: self.logger).decode(Data.self) { return bytes }
            return nil
        }
    }

    public func events(documentId: String) async throws -> [DocumentEvent] {
        try await run {
            var events: [DocumentEvent] = []
            for try await (seq, doc, type, account, at, detail) in try await self.client.query(
                "SELECT seq, document_id, type, account, at, detail FROM events WHERE document_id = \(documentId) ORDER BY seq",
                logger: self.logger).decode((Int64, String, String, String, Int64, String?).self) {
                events.append(DocumentEvent(sequence: seq, documentId: doc, type: EventType(rawValue: type) ?? .issued,
                                            account: account, at: Date(milliseconds: at), detail: detail))
            }
            return events
        }
    }

    public func documents(planId: String) async throws -> [IssuedDocument] {
        try await run {
            try await Self.documents(self.client.query("SELECT \(unescaped: Self.documentColumns) FROM documents WHERE plan_id = \(planId) ORDER BY issued_at, id", logger: self.logger))
        }
    }

    public func createAccount(_ a: StaffAccount) async throws {
        try await transaction { c in
            let exists = try await c.query("SELECT 1 FROM accounts WHERE name = \(a.name)", logger: self.logger).collect()
            guard exists.isEmpty else { throw RegistryError.duplicate("account \(a.name)") }
            try await c.query("INSERT INTO accounts (name, role, password_hash, created_at, disabled) VALUES (\(a.name), \(a.role.rawValue), \(a.passwordHash), \(a.createdAt.milliseconds), \(a.disabled))",
                              logger: self.logger)
        }
    }

    public func account(name: String) async throws -> StaffAccount? {
        try await run {
            for try await (n, role, hash, created, disabled) in try await self.client.query(
                "SELECT name, role, password_hash, created_at, disabled FROM accounts WHERE name = \(name)", logger: self.logger)
                .decode((String, String, String, Int64, Bool).self) {
                guard let role = Role(rawValue: role) else { return nil }
                return StaffAccount(name: n, role: role, passwordHash: hash, createdAt: Date(milliseconds: created), disabled: disabled)
            }
            return nil
        }
    }

    public func signedDocuments(planId: String) async throws -> Set<String> {
        try await run {
            var ids: Set<String> = []
            for try await id in try await self.client.query(try Self.statement("SELECT document_id FROM signed_documents WHERE plan_id = $1", [planId]),
                                                            logger: self.logger).decode(String.self) { ids.insert(id) }
            return ids
        }
    }

    public func accounts() async throws -> [StaffAccount] {
        try await run {
            var accounts: [StaffAccount] = []
            for try await (n, role, hash, created, disabled) in try await self.client.query(
                "SELECT name, role, password_hash, created_at, disabled FROM accounts ORDER BY name", logger: self.logger)
                .decode((String, String, String, Int64, Bool).self) {
                if let role = Role(rawValue: role) {
                    accounts.append(StaffAccount(name: n, role: role, passwordHash: hash, createdAt: Date(milliseconds: created), disabled: disabled))
                }
            }
            return accounts
        }
    }

    public func updateAccount(name: String, passwordHash: String?, disabled: Bool?) async throws {
        try await transaction { c in
            let exists = try await c.query("SELECT 1 FROM accounts WHERE name = \(name)", logger: self.logger).collect()
            guard !exists.isEmpty else { throw RegistryError.unknownAccount(name) }
            if let passwordHash { try await c.query("UPDATE accounts SET password_hash = \(passwordHash) WHERE name = \(name)", logger: self.logger) }
            if let disabled { try await c.query("UPDATE accounts SET disabled = \(disabled) WHERE name = \(name)", logger: self.logger) }
            try await c.query("DELETE FROM sessions WHERE account = \(name)", logger: self.logger)
        }
    }

    public func listings(_ query: ListingQuery, limit: Int) async throws -> [PlanListing] {
        let (sql, value) = Schema.listingQuery(query, limit: limit)
        return try await run { try await Self.listings(self.client.query(try Self.statement(sql, [value]), logger: self.logger)) }
    }

    public func listing(planId: String) async throws -> PlanListing? {
        try await run {
            try await Self.listings(self.client.query(
                try Self.statement("SELECT \(Schema.listingColumns) FROM plan_listings WHERE plan_id = $1", [planId]),
                logger: self.logger)).first
        }
    }

    public func storeListing(_ listing: PlanListing) async throws {
        try await transaction { c in _ = try await c.query(try Self.upsert(listing), logger: self.logger) }
    }

    public func unlistedPlans() async throws -> [String] {
        try await run {
            var ids: [String] = []
            for try await id in try await self.client.query(PostgresQuery(unsafeSQL: Schema.unlistedPlans), logger: self.logger)
                .decode(String.self) { ids.append(id) }
            return ids
        }
    }

    private static func upsert(_ l: PlanListing) throws -> PostgresQuery {
        try statement(Schema.upsertListing, [
            l.planId, l.revision, l.familyName, l.givenName, PlanListing.searchKey(l.familyName), l.recordNumber, l.birthDate,
            l.procedureDay, l.procedureTime, l.procedureStart.milliseconds, l.language, l.hasOutcome])
    }

    private static func listings(_ rows: PostgresRowSequence) async throws -> [PlanListing] {
        var listings: [PlanListing] = []
        for try await (id, revision, family, given, record, birth, day, time, start, language, outcome) in rows
            .decode((String, Int, String, String, String, String, String, String, Int64, String, Bool).self) {
            listings.append(PlanListing(planId: id, revision: revision, familyName: family, givenName: given, recordNumber: record,
                                        birthDate: birth, procedureDay: day, procedureTime: time,
                                        procedureStart: Date(milliseconds: start), language: language, hasOutcome: outcome))
        }
        return listings
    }

    public func accountCount() async throws -> Int {
        try await run {
            for try await n in try await self.client.query("SELECT COUNT(*)::INT8 FROM accounts", logger: self.logger).decode(Int.self) { return n }
            return 0
        }
    }

    public func createSession(_ s: Session) async throws {
        try await run {
            try await self.client.query("INSERT INTO sessions VALUES (\(s.tokenHash), \(s.account), \(s.csrfToken), \(s.expiresAt.milliseconds))", logger: self.logger)
        }
    }

    public func session(tokenHash: String) async throws -> Session? {
        try await run {
            for try await (hash, account, csrf, expires) in try await self.client.query(
                "SELECT token_hash, account, csrf_token, expires_at FROM sessions WHERE token_hash = \(tokenHash)", logger: self.logger)
                .decode((String, String, String, Int64).self) {
                return Session(tokenHash: hash, account: account, csrfToken: csrf, expiresAt: Date(milliseconds: expires))
            }
            return nil
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await run { try await self.client.query("DELETE FROM sessions WHERE token_hash = \(tokenHash)", logger: self.logger) }
    }

    public func deleteExpiredSessions(before date: Date) async throws {
        try await run { try await self.client.query("DELETE FROM sessions WHERE expires_at < \(date.milliseconds)", logger: self.logger) }
    }

    public func createAPIToken(_ t: APIToken) async throws {
        try await run { try await self.client.query("INSERT INTO api_tokens VALUES (\(t.hash), \(t.name), \(t.createdAt.milliseconds))", logger: self.logger) }
    }

    public func apiToken(hash: String) async throws -> APIToken? {
        try await run {
            for try await (h, name, created) in try await self.client.query(
                "SELECT hash, name, created_at FROM api_tokens WHERE hash = \(hash)", logger: self.logger).decode((String, String, Int64).self) {
                return APIToken(hash: h, name: name, createdAt: Date(milliseconds: created))
            }
            return nil
        }
    }

    public func ping() async throws {
        try await run { try await self.client.query("SELECT 1", logger: self.logger) }
    }

    public func shutdown() async {
        runner.cancel()
        _ = await runner.value
    }

    // MARK: - plumbing

    /// Runs `body` with a deadline; connection failures become `RegistryError.unavailable`.
    private func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        do {
            return try await withThrowingTaskGroup(of: T.self) { group in
                group.addTask { try await body() }
                group.addTask {
                    try await Task.sleep(for: self.timeout)
                    throw RegistryError.unavailable("no answer from PostgreSQL within \(self.timeout)")
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else {
                    throw RegistryError.unavailable("no answer from PostgreSQL")  // unreachable: two tasks were added
                }
                return first
            }
        } catch let error as PSQLError {
            throw Self.classify(error)
        } catch let error as PostgresTransactionError {
            // Unwrap: the closure's own error (a RegistryError) or the failing step's.
            let inner = error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError
            if let inner = inner as? RegistryError { throw inner }
            if let inner = inner as? PSQLError { throw Self.classify(inner) }
            throw RegistryError.unavailable("transaction failed")
        } catch is CancellationError {
            throw RegistryError.unavailable("cancelled")
        }
    }

    private func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await run { try await self.client.withTransaction(logger: self.logger) { c in try await body(c) } }
    }

    /// A server-side error with an SQLSTATE outside classes 08 (connection) and 57 (shutdown)
    /// is a real error; anything else means the server cannot be reached.
    private static func classify(_ error: PSQLError) -> Error {
        if let state = error.serverInfo?[.sqlState], !state.hasPrefix("08"), !state.hasPrefix("57") {
            return RegistryError.failed("PostgreSQL error \(state)")
        }
        return RegistryError.unavailable("PostgreSQL connection: \(error.code)")
    }

    private static func planRevisions(_ rows: PostgresRowSequence) async throws -> [PlanRevision] {
        var result: [PlanRevision] = []
        for try await (planId, revision, sha, bytes, received, account, outcome) in rows.decode((String, Int, String, Data, Int64, String, Bool).self) {
            result.append(PlanRevision(planId: planId, revision: revision, sha256: sha, bytes: bytes,
                                       receivedAt: Date(milliseconds: received), account: account, hasOutcome: outcome))
        }
        return result
    }

    private static func documents(_ rows: PostgresRowSequence) async throws -> [IssuedDocument] {
        var result: [IssuedDocument] = []
        for try await row in rows {
            let (id, planId, revision, kind, languages, format, contentVersion, engineVersion, sha, size, issued, account, replaces, reason) =
                try row.decode((String, String, Int, String, String, String, String, String, String, Int, Int64, String, String?, String?).self)
            let key = RenderingKey(planId: planId, revision: revision, kind: kind, languages: languages.split(separator: ",").map(String.init),
                                   format: format, contentVersion: contentVersion, engineVersion: engineVersion)
            result.append(IssuedDocument(id: id, key: key, sha256: sha, size: size, issuedAt: Date(milliseconds: issued),
                                         account: account, replaces: replaces, reason: reason))
        }
        return result
    }
}
