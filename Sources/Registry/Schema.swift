/// The registry's tables, shared by both back ends (SQL that SQLite and PostgreSQL both accept;
/// the few differences are parameters). Times are milliseconds since 1970 (BIGINT).
enum Schema {
    /// Migration 1, as statements. `blob` is BLOB (SQLite) or BYTEA (PostgreSQL); `serial` the
    /// auto-increment key of the event log.
    static func version1(blob: String, serial: String) -> [String] {
        [
            """
            CREATE TABLE plan_revisions (
                plan_id TEXT NOT NULL, revision INTEGER NOT NULL, sha256 TEXT NOT NULL,
                bytes \(blob) NOT NULL, received_at BIGINT NOT NULL, account TEXT NOT NULL,
                has_outcome BOOLEAN NOT NULL,
                PRIMARY KEY (plan_id, revision), UNIQUE (plan_id, sha256))
            """,
            // Document bytes, content-addressed: the same rendering is archived once.
            "CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, bytes \(blob) NOT NULL)",
            """
            CREATE TABLE documents (
                id TEXT PRIMARY KEY, base_id TEXT NOT NULL, sequence INTEGER NOT NULL,
                plan_id TEXT NOT NULL, revision INTEGER NOT NULL, kind TEXT NOT NULL,
                languages TEXT NOT NULL, format TEXT NOT NULL, content_version TEXT NOT NULL,
                engine_version TEXT NOT NULL, sha256 TEXT NOT NULL REFERENCES blobs(sha256), size INTEGER NOT NULL,
                issued_at BIGINT NOT NULL, account TEXT NOT NULL, replaces TEXT, reason TEXT,
                UNIQUE (base_id, sequence),
                FOREIGN KEY (plan_id, revision) REFERENCES plan_revisions(plan_id, revision))
            """,
            "CREATE INDEX documents_by_plan ON documents(plan_id, revision, kind)",
            """
            CREATE TABLE events (
                seq \(serial), document_id TEXT NOT NULL REFERENCES documents(id), type TEXT NOT NULL,
                account TEXT NOT NULL, at BIGINT NOT NULL, detail TEXT)
            """,
            "CREATE INDEX events_by_document ON events(document_id)",
            """
            CREATE TABLE accounts (
                name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY, account TEXT NOT NULL REFERENCES accounts(name),
                csrf_token TEXT NOT NULL, expires_at BIGINT NOT NULL)
            """,
            "CREATE TABLE api_tokens (hash TEXT PRIMARY KEY, name TEXT NOT NULL, created_at BIGINT NOT NULL)",
        ]
    }

    /// Migration 2: the documents that are signed now (scanned back, never voided), so that
    /// issuing does not look at every earlier document of a plan and its events (a plan
    /// printed thousands of times made each issue scan them all). Derived from the event log
    /// and kept by `append` in the transaction that adds the event; filled from the log here.
    static let version2: [String] = [
        """
        CREATE TABLE signed_documents (
            document_id TEXT PRIMARY KEY REFERENCES documents(id),
            plan_id TEXT NOT NULL, revision INTEGER NOT NULL, kind TEXT NOT NULL, issued_at BIGINT NOT NULL)
        """,
        "CREATE INDEX signed_documents_by_plan ON signed_documents(plan_id, revision, kind)",
        """
        INSERT INTO signed_documents
        SELECT d.id, d.plan_id, d.revision, d.kind, d.issued_at FROM documents d
        WHERE EXISTS (SELECT 1 FROM events e WHERE e.document_id = d.id AND e.type = 'scanned')
          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.document_id = d.id AND e.type = 'voided')
        """,
    ]

    /// The latest signed document of a plan revision and kind (three parameters).
    static let latestSigned = """
        SELECT document_id FROM signed_documents WHERE plan_id = $1 AND revision = $2 AND kind = $3
        ORDER BY issued_at DESC, document_id DESC LIMIT 1
        """

    /// After a `scanned` event of document $1: it is signed unless it was voided.
    static let recordSigned = """
        INSERT INTO signed_documents
        SELECT d.id, d.plan_id, d.revision, d.kind, d.issued_at FROM documents d WHERE d.id = $1
          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.document_id = d.id AND e.type = 'voided')
        ON CONFLICT DO NOTHING
        """

    /// After a `voided` event of document $1: it no longer counts as signed.
    static let recordVoided = "DELETE FROM signed_documents WHERE document_id = $1"
}

extension RenderingKey {
    var languagesColumn: String { languages.joined(separator: ",") }
}

extension Date {
    var milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
    init(milliseconds: Int64) { self.init(timeIntervalSince1970: Double(milliseconds) / 1000) }
}

import Foundation
