import Foundation

/// A scan of a signed paper document, as received: the bytes and what osteodoc read on them.
public struct NewScan: Sendable {
    public var documentId: String
    /// `application/pdf`, `image/png` or `image/jpeg`.
    public var mediaType: String
    public var bytes: Data
    /// What was read (the service's JSON report: answers, signatures, flags; never patient data
    /// beyond what the document itself prints).
    public var report: Data
    /// A one-line summary, the `scanned` event's detail ("complete", "2 flags: page-missing, …").
    public var summary: String
    public var receivedAt: Date
    public var account: String
    /// Whether the scan shows the document signed and complete (no flag): only then does the
    /// document count as signed. A flagged scan waits for a second look; whoever checks the
    /// paper records it by hand (a `scanned` event through the API).
    public var complete: Bool

    public init(documentId: String, mediaType: String, bytes: Data, report: Data, summary: String, receivedAt: Date, account: String,
                complete: Bool) {
        self.documentId = documentId; self.mediaType = mediaType; self.bytes = bytes; self.report = report
        self.summary = summary; self.receivedAt = receivedAt; self.account = account; self.complete = complete
    }
}

/// A stored scan (bytes fetched separately, by the scan's SHA-256).
public struct StoredScan: Sendable, Equatable {
    public var sequence: Int64
    public var documentId: String
    public var mediaType: String
    public var sha256: String
    public var size: Int
    public var report: Data
    public var receivedAt: Date
    public var account: String
    /// The `scanned` event recorded with it.
    public var event: DocumentEvent

    public init(sequence: Int64, documentId: String, mediaType: String, sha256: String, size: Int, report: Data,
                receivedAt: Date, account: String, event: DocumentEvent) {
        self.sequence = sequence; self.documentId = documentId; self.mediaType = mediaType; self.sha256 = sha256
        self.size = size; self.report = report; self.receivedAt = receivedAt; self.account = account; self.event = event
    }
}

extension Schema {
    /// Migration 3: scans of signed documents, their bytes content-addressed in `blobs`.
    static func version3(serial: String) -> [String] {
        [
            """
            CREATE TABLE scans (
                seq \(serial), document_id TEXT NOT NULL REFERENCES documents(id),
                media_type TEXT NOT NULL, sha256 TEXT NOT NULL REFERENCES blobs(sha256), size INTEGER NOT NULL,
                report TEXT NOT NULL, received_at BIGINT NOT NULL, account TEXT NOT NULL,
                event_seq BIGINT NOT NULL REFERENCES events(seq))
            """,
            "CREATE INDEX scans_by_document ON scans(document_id)",
        ]
    }
}
