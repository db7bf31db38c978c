import Foundation

/// The registry of everything the server was given and handed out: plan revisions (their
/// exact bytes), issued documents (metadata and bytes, for the archive), the append-only event
/// log, staff accounts, sessions and the planning core's API tokens.
///
/// Two implementations, one contract and one test suite: `SQLiteRegistry` (the embedded
/// default, GRDB, WAL mode) and `PostgresRegistry` (postgres-nio, for several front desks or
/// sites sharing one registry). Every write is one transaction: either all of it is stored or
/// nothing. Times come from the caller (the server's injected clock); nothing here reads the clock.
public protocol Registry: Sendable {
    /// Stores a plan revision unless the same plan id already has these exact bytes.
    /// Returns the revision and whether it was created now (`false`: identical bytes, idempotent).
    func storePlan(_ plan: NewPlanRevision) async throws -> (revision: PlanRevision, created: Bool)
    /// A plan revision (the latest when `revision` is nil), with its bytes.
    func planRevision(planId: String, revision: Int?) async throws -> PlanRevision?

    /// Records an issued document and its `issued` event in one transaction. Enforces the
    /// replacement rule: when a document of the same kind for the same plan revision was signed
    /// (scanned back) and not voided, a new issue needs a reason and is recorded as its replacement;
    /// without a reason it throws `RegistryError.signedDocumentExists`.
    func issue(_ document: NewDocument) async throws -> IssuedDocument
    /// Bytes already archived for this exact rendering (same plan revision, kind, languages,
    /// format, content and engine version), if any: same input gives the same bytes.
    func archivedRendering(_ key: RenderingKey) async throws -> (sha256: String, bytes: Data)?
    func document(id: String) async throws -> IssuedDocument?
    /// The latest issue of the document printed as `baseId` (the id in its QR codes).
    func latestDocument(baseId: String) async throws -> IssuedDocument?
    func documentBytes(id: String) async throws -> Data?
    /// Appends an event (never updates or deletes one).
    func append(_ event: NewEvent) async throws -> DocumentEvent
    func events(documentId: String) async throws -> [DocumentEvent]
    func documents(planId: String) async throws -> [IssuedDocument]

    /// Stores a scan of a signed document with its `scanned` event in one transaction (when the
    /// scan is complete the document then counts as signed: see `issue`). Throws `RegistryError.unknownDocument`.
    func recordScan(_ scan: NewScan) async throws -> StoredScan
    /// The document's scans, oldest first (reports included, bytes not).
    func scans(documentId: String) async throws -> [StoredScan]
    /// A stored scan's bytes.
    func scanBytes(sequence: Int64) async throws -> Data?

    /// Plans by day, family name or record number (their latest revision), at most `limit`.
    func listings(_ query: ListingQuery, limit: Int) async throws -> [PlanListing]
    func listing(planId: String) async throws -> PlanListing?
    /// Lists a revision received before listings existed (the service decodes it: see `unlistedPlans`).
    func storeListing(_ listing: PlanListing) async throws
    /// Plans without a listing, by id.
    func unlistedPlans() async throws -> [String]

    /// The plan's documents that count as signed now (a complete scan, or a `scanned` event recorded
    /// by hand; not voided since).
    func signedDocuments(planId: String) async throws -> Set<String>

    func createAccount(_ account: StaffAccount) async throws
    /// Sets a new password and/or disables or enables an account; either ends all its sessions,
    /// in the same transaction. Throws `RegistryError.unknownAccount`.
    func updateAccount(name: String, passwordHash: String?, disabled: Bool?) async throws
    /// Every staff account, by name.
    func accounts() async throws -> [StaffAccount]
    func account(name: String) async throws -> StaffAccount?
    func accountCount() async throws -> Int

    func createSession(_ session: Session) async throws
    func session(tokenHash: String) async throws -> Session?
    func deleteSession(tokenHash: String) async throws
    func deleteExpiredSessions(before: Date) async throws

    func createAPIToken(_ token: APIToken) async throws
    func apiToken(hash: String) async throws -> APIToken?

    /// Throws `RegistryError.unavailable` when the database cannot be reached (readiness).
    func ping() async throws
    /// Closes connections.
    func shutdown() async
}

public enum RegistryError: Error, Equatable, CustomStringConvertible {
    /// The database cannot be reached (the server answers 503 and retries by itself).
    case unavailable(String)
    /// A document of this kind for this plan revision is signed; a new one needs a reason.
    case signedDocumentExists(documentId: String)
    case unknownDocument(String)
    case unknownPlan(String)
    case unknownAccount(String)
    case duplicate(String)
    /// The database refused a statement (a bug, not bad input).
    case failed(String)

    public var description: String {
        switch self {
        case .unavailable(let s): return "registry unavailable: \(s)"
        case .signedDocumentExists(let id): return "document \(id) is signed; a new issue must give a reason and replaces it"
        case .unknownDocument(let id): return "no document \(id)"
        case .unknownPlan(let id): return "no plan \(id)"
        case .unknownAccount(let name): return "no account \(name)"
        case .duplicate(let s): return "already exists: \(s)"
        case .failed(let s): return "registry: \(s)"
        }
    }
}
