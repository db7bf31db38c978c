import Foundation
import GRDB

/// The embedded registry: one SQLite file under the data folder, WAL mode (readers never wait
/// for the writer), migrations in code. Durable across a crash of the process: a transaction is
/// in the WAL before `write` returns (synchronous=FULL also makes it survive a power loss).
public final class SQLiteRegistry: Registry {
    private let pool: DatabasePool

    /// Opens (creating and migrating when needed) the registry at `path`.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            for statement in Schema.version1(blob: "BLOB", serial: "INTEGER PRIMARY KEY AUTOINCREMENT") { try db.execute(sql: statement) }
            // The event log is append-only.
            try db.execute(sql: "CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END")
            try db.execute(sql: "CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END")
        }
        migrator.registerMigration("v2") { db in
            for statement in Schema.version2 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v3") { db in
            for statement in Schema.version3(serial: "INTEGER PRIMARY KEY AUTOINCREMENT") { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v4") { db in
            for statement in Schema.version4 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v5") { db in
            for statement in Schema.version5 { try db.execute(sql: statement) }
        }
        return migrator
    }

    public func storePlan(_ plan: NewPlanRevision) async throws -> (revision: PlanRevision, created: Bool) {
        let sha = Hash.sha256(plan.bytes)
        return try await pool.write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM plan_revisions WHERE plan_id = ? AND sha256 = ?",
                                          arguments: [plan.planId, sha]) {
                return (Self.planRevision(row), false)
            }
            let last = try Int.fetchOne(db, sql: "SELECT MAX(revision) FROM plan_revisions WHERE plan_id = ?",
                                        arguments: [plan.planId]) ?? 0
            let revision = PlanRevision(planId: plan.planId, revision: last + 1, sha256: sha, bytes: plan.bytes,
                                        receivedAt: plan.receivedAt, account: plan.account, hasOutcome: plan.hasOutcome)
            try db.execute(sql: "INSERT INTO plan_revisions VALUES (?, ?, ?, ?, ?, ?, ?)", arguments: [
                revision.planId, revision.revision, sha, plan.bytes, plan.receivedAt.milliseconds, plan.account, plan.hasOutcome])
            if var listing = plan.listing {
                listing.revision = revision.revision
                try Self.upsert(listing, db)
            }
            return (revision, true)
        }
    }

    public func planRevision(planId: String, revision: Int?) async throws -> PlanRevision? {
        try await pool.read { db in
            let row: Row?
            if let revision {
                row = try Row.fetchOne(db, sql: "SELECT * FROM plan_revisions WHERE plan_id = ? AND revision = ?", arguments: [planId, revision])
            } else {
                row = try Row.fetchOne(db, sql: "SELECT * FROM plan_revisions WHERE plan_id = ? ORDER BY revision DESC LIMIT 1", arguments: [planId])
            }
            return row.map(Self.planRevision)
        }
    }

    public func issue(_ new: NewDocument) async throws -> IssuedDocument {
        let sha = Hash.sha256(new.bytes)
        return try await pool.write { db in
            let k = new.key
            let signed = try String.fetchOne(db, sql: Schema.latestSigned, arguments: [k.planId, k.revision, k.kind])
            if let signed, new.reason == nil { throw RegistryError.signedDocumentExists(documentId: signed) }
            let sequence = (try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM documents WHERE base_id = ?",
                                             arguments: [new.baseId]) ?? 0) + 1
            let id = "\(new.baseId)-\(sequence)"
            try db.execute(sql: "INSERT INTO blobs VALUES (?, ?) ON CONFLICT DO NOTHING", arguments: [sha, new.bytes])
            let document = IssuedDocument(id: id, key: k, sha256: sha, size: new.bytes.count, issuedAt: new.issuedAt,
                                          account: new.account, replaces: signed, reason: signed == nil ? nil : new.reason)
            try db.execute(sql: "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", arguments: [
                id, new.baseId, sequence, k.planId, k.revision, k.kind, k.languagesColumn, k.format, k.contentVersion,
                k.engineVersion, sha, new.bytes.count, new.issuedAt.milliseconds, new.account, document.replaces, document.reason])
            try db.execute(sql: "INSERT INTO events (document_id, type, account, at, detail) VALUES (?, 'issued', ?, ?, ?)",
                           arguments: [id, new.account, new.issuedAt.milliseconds, document.replaces.map { "replaces \($0)" }])
            return document
        }
    }

    public func archivedRendering(_ k: RenderingKey) async throws -> (sha256: String, bytes: Data)? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT b.sha256, b.bytes FROM documents d JOIN blobs b ON b.sha256 = d.sha256
                WHERE d.plan_id = ? AND d.revision = ? AND d.kind = ? AND d.languages = ? AND d.format = ?
                  AND d.content_version = ? AND d.engine_version = ? LIMIT 1
                """, arguments: [k.planId, k.revision, k.kind, k.languagesColumn, k.format, k.contentVersion, k.engineVersion])
            else { return nil }
            return (row["sha256"], row["bytes"])
        }
    }

    public func document(id: String) async throws -> IssuedDocument? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM documents WHERE id = ?", arguments: [id]).map(Self.document)
        }
    }

    public func latestDocument(baseId: String) async throws -> IssuedDocument? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM documents WHERE base_id = ? ORDER BY sequence DESC LIMIT 1",
                             arguments: [baseId]).map(Self.document)
        }
    }

    public func documentBytes(id: String) async throws -> Data? {
        try await pool.read { db in
            try Data.fetchOne(db, sql: "SELECT b.bytes FROM documents d JOIN blobs b ON b.sha256 = d.sha256 WHERE d.id = ?", arguments: [id])
        }
    }

    public func append(_ event: NewEvent) async throws -> DocumentEvent {
        try await pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM documents WHERE id = ?", arguments: [event.documentId]) != nil else {
                throw RegistryError.unknownDocument(event.documentId)
            }
            try db.execute(sql: "INSERT INTO events (document_id, type, account, at, detail) VALUES (?, ?, ?, ?, ?)", arguments: [
                event.documentId, event.type.rawValue, event.account, event.at.milliseconds, event.detail])
            let sequence = db.lastInsertedRowID
            switch event.type {
            case .scanned: try db.execute(sql: Schema.recordSigned, arguments: [event.documentId])
            case .voided: try db.execute(sql: Schema.recordVoided, arguments: [event.documentId])
            case .issued, .printed, .reprinted, .downloaded, .printFailed, .handedOver: break
            }
            return DocumentEvent(sequence: sequence, documentId: event.documentId, type: event.type,
                                 account: event.account, at: event.at, detail: event.detail)
        }
    }

    public func recordScan(_ scan: NewScan) async throws -> StoredScan {
        let sha = Hash.sha256(scan.bytes)
        return try await pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM documents WHERE id = ?", arguments: [scan.documentId]) != nil else {
                throw RegistryError.unknownDocument(scan.documentId)
            }
            try db.execute(sql: "INSERT INTO blobs VALUES (?, ?) ON CONFLICT DO NOTHING", arguments: [sha, scan.bytes])
            try db.execute(sql: "INSERT INTO events (document_id, type, account, at, detail) VALUES (?, 'scanned', ?, ?, ?)",
                           arguments: [scan.documentId, scan.account, scan.receivedAt.milliseconds, scan.summary])
            let event = DocumentEvent(sequence: db.lastInsertedRowID, documentId: scan.documentId, type: .scanned,
                                      account: scan.account, at: scan.receivedAt, detail: scan.summary)
            try db.execute(sql: "INSERT INTO scans (document_id, media_type, sha256, size, report, received_at, account, event_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [scan.documentId, scan.mediaType, sha, scan.bytes.count, String(decoding: scan.report, as: UTF8.self),
                                       scan.receivedAt.milliseconds, scan.account, event.sequence])
            let sequence = db.lastInsertedRowID
            if scan.complete { try db.execute(sql: Schema.recordSigned, arguments: [scan.documentId]) }
            return StoredScan(sequence: sequence, documentId: scan.documentId, mediaType: scan.mediaType, sha256: sha,
                              size: scan.bytes.count, report: scan.report, receivedAt: scan.receivedAt, account: scan.account, event: event)
        }
    }

    public func scans(documentId: String) async throws -> [StoredScan] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.*, e.detail AS event_detail FROM scans s JOIN events e ON e.seq = s.event_seq
                WHERE s.document_id = ? ORDER BY s.seq
                """, arguments: [documentId]).map { row in
                let at = Date(milliseconds: row["received_at"])
                return StoredScan(sequence: row["seq"], documentId: row["document_id"], mediaType: row["media_type"], sha256: row["sha256"],
                                  size: row["size"], report: Data((row["report"] as String).utf8), receivedAt: at, account: row["account"],
                                  event: DocumentEvent(sequence: row["event_seq"], documentId: row["document_id"], type: .scanned,
                                                       account: row["account"], at: at, detail: row["event_detail"]))
            }
        }
    }

    public func scanBytes(sequence: Int64) async throws -> Data? {
        try await pool.read { db in
            try Data.fetchOne(db, sql: "SELECT b.bytes FROM scans s JOIN blobs b ON b.sha256 = s.sha256 WHERE s.seq = ?", arguments: [sequence])
        }
    }

    public func events(documentId: String) async throws -> [DocumentEvent] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM events WHERE document_id = ? ORDER BY seq", arguments: [documentId]).map { row in
                DocumentEvent(sequence: row["seq"], documentId: row["document_id"], type: EventType(rawValue: row["type"]) ?? .issued,
                              account: row["account"], at: Date(milliseconds: row["at"]), detail: row["detail"])
            }
        }
    }

    public func documents(planId: String) async throws -> [IssuedDocument] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM documents WHERE plan_id = ? ORDER BY issued_at, id", arguments: [planId]).map(Self.document)
        }
    }

    public func createAccount(_ a: StaffAccount) async throws {
        try await pool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM accounts WHERE name = ?", arguments: [a.name]) != nil {
                throw RegistryError.duplicate("account \(a.name)")
            }
            try db.execute(sql: "INSERT INTO accounts (name, role, password_hash, created_at, disabled) VALUES (?, ?, ?, ?, ?)",
                           arguments: [a.name, a.role.rawValue, a.passwordHash, a.createdAt.milliseconds, a.disabled])
        }
    }

    public func account(name: String) async throws -> StaffAccount? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE name = ?", arguments: [name]).flatMap(Self.account)
        }
    }

    public func signedDocuments(planId: String) async throws -> Set<String> {
        try await pool.read { db in Set(try String.fetchAll(db, sql: "SELECT document_id FROM signed_documents WHERE plan_id = ?", arguments: [planId])) }
    }

    public func accounts() async throws -> [StaffAccount] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM accounts ORDER BY name").compactMap(Self.account)
        }
    }

    private static func account(_ row: Row) -> StaffAccount? {
        guard let role = Role(rawValue: row["role"]) else { return nil }
        return StaffAccount(name: row["name"], role: role, passwordHash: row["password_hash"], createdAt: Date(milliseconds: row["created_at"]),
                            disabled: row["disabled"])
    }

    public func updateAccount(name: String, passwordHash: String?, disabled: Bool?) async throws {
        try await pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM accounts WHERE name = ?", arguments: [name]) != nil else {
                throw RegistryError.unknownAccount(name)
            }
            if let passwordHash { try db.execute(sql: "UPDATE accounts SET password_hash = ? WHERE name = ?", arguments: [passwordHash, name]) }
            if let disabled { try db.execute(sql: "UPDATE accounts SET disabled = ? WHERE name = ?", arguments: [disabled, name]) }
            try db.execute(sql: "DELETE FROM sessions WHERE account = ?", arguments: [name])
        }
    }

    public func listings(_ query: ListingQuery, limit: Int) async throws -> [PlanListing] {
        let (sql, value) = Schema.listingQuery(query, limit: limit)
        return try await pool.read { db in try Row.fetchAll(db, sql: sql, arguments: [value]).map(Self.listing) }
    }

    public func listing(planId: String) async throws -> PlanListing? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Schema.listingColumns) FROM plan_listings WHERE plan_id = ?", arguments: [planId]).map(Self.listing)
        }
    }

    public func storeListing(_ listing: PlanListing) async throws {
        try await pool.write { db in try Self.upsert(listing, db) }
    }

    public func unlistedPlans() async throws -> [String] {
        try await pool.read { db in try String.fetchAll(db, sql: Schema.unlistedPlans) }
    }

    private static func upsert(_ l: PlanListing, _ db: Database) throws {
        try db.execute(sql: Schema.upsertListing, arguments: [
            l.planId, l.revision, l.familyName, l.givenName, PlanListing.searchKey(l.familyName), l.recordNumber, l.birthDate,
            l.procedureDay, l.procedureTime, l.procedureStart.milliseconds, l.language, l.hasOutcome])
    }

    private static func listing(_ row: Row) -> PlanListing {
        PlanListing(planId: row["plan_id"], revision: row["revision"], familyName: row["family_name"], givenName: row["given_name"],
                    recordNumber: row["record_number"], birthDate: row["birth_date"], procedureDay: row["procedure_day"],
                    procedureTime: row["procedure_time"], procedureStart: Date(milliseconds: row["procedure_start"]),
                    language: row["language"], hasOutcome: row["has_outcome"])
    }

    public func accountCount() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accounts") ?? 0 }
    }

    public func createSession(_ s: Session) async throws {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO sessions VALUES (?, ?, ?, ?)", arguments: [s.tokenHash, s.account, s.csrfToken, s.expiresAt.milliseconds])
        }
    }

    public func session(tokenHash: String) async throws -> Session? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE token_hash = ?", arguments: [tokenHash]).map { row in
                Session(tokenHash: row["token_hash"], account: row["account"], csrfToken: row["csrf_token"], expiresAt: Date(milliseconds: row["expires_at"]))
            }
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    public func deleteExpiredSessions(before date: Date) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM sessions WHERE expires_at < ?", arguments: [date.milliseconds]) }
    }

    public func createAPIToken(_ t: APIToken) async throws {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO api_tokens VALUES (?, ?, ?)", arguments: [t.hash, t.name, t.createdAt.milliseconds])
        }
    }

    public func apiToken(hash: String) async throws -> APIToken? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM api_tokens WHERE hash = ?", arguments: [hash]).map { row in
                APIToken(hash: row["hash"], name: row["name"], createdAt: Date(milliseconds: row["created_at"]))
            }
        }
    }

    public func ping() async throws {
        _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    public func shutdown() async { try? pool.close() }

    private static func planRevision(_ row: Row) -> PlanRevision {
        PlanRevision(planId: row["plan_id"], revision: row["revision"], sha256: row["sha256"], bytes: row["bytes"],
                     receivedAt: Date(milliseconds: row["received_at"]), account: row["account"], hasOutcome: row["has_outcome"])
    }

    private static func document(_ row: Row) -> IssuedDocument {
        let languages: String = row["languages"]
        let key = RenderingKey(planId: row["plan_id"], revision: row["revision"], kind: row["kind"],
                               languages: languages.split(separator: ",").map(String.init), format: row["format"],
                               contentVersion: row["content_version"], engineVersion: row["engine_version"])
        return IssuedDocument(id: row["id"], key: key, sha256: row["sha256"], size: row["size"],
                              issuedAt: Date(milliseconds: row["issued_at"]), account: row["account"],
                              replaces: row["replaces"], reason: row["reason"])
    }
}
