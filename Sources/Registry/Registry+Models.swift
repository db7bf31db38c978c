import Foundation

/// A plan revision as received: the exact bytes, their SHA-256, who sent them and when.
public struct PlanRevision: Sendable, Equatable {
    public var planId: String
    public var revision: Int
    public var sha256: String
    public var bytes: Data
    public var receivedAt: Date
    public var account: String
    /// Whether the plan carries `outcome` (the discharge sheet is available).
    public var hasOutcome: Bool

    public init(planId: String, revision: Int, sha256: String, bytes: Data, receivedAt: Date, account: String, hasOutcome: Bool) {
        self.planId = planId; self.revision = revision; self.sha256 = sha256; self.bytes = bytes
        self.receivedAt = receivedAt; self.account = account; self.hasOutcome = hasOutcome
    }
}

public struct NewPlanRevision: Sendable {
    public var planId: String
    public var bytes: Data
    public var receivedAt: Date
    public var account: String
    public var hasOutcome: Bool
    /// The revision's patient and schedule, listed for the front desk when the revision is stored
    /// (its `revision` is set by the registry).
    public var listing: PlanListing?

    public init(planId: String, bytes: Data, receivedAt: Date, account: String, hasOutcome: Bool, listing: PlanListing? = nil) {
        self.planId = planId; self.bytes = bytes; self.receivedAt = receivedAt; self.account = account; self.hasOutcome = hasOutcome
        self.listing = listing
    }
}

/// What determines a rendering's bytes.
public struct RenderingKey: Sendable, Hashable {
    public var planId: String
    public var revision: Int
    public var kind: String
    /// Languages in order (the first is the main one; two for a bilingual document).
    public var languages: [String]
    public var format: String
    public var contentVersion: String
    public var engineVersion: String

    public init(planId: String, revision: Int, kind: String, languages: [String], format: String,
                contentVersion: String, engineVersion: String) {
        self.planId = planId; self.revision = revision; self.kind = kind; self.languages = languages
        self.format = format; self.contentVersion = contentVersion; self.engineVersion = engineVersion
    }
}

public struct NewDocument: Sendable {
    /// The id printed on the document by the engine; the registry appends `-<n>`, the n-th issue of it.
    public var baseId: String
    public var key: RenderingKey
    public var bytes: Data
    public var issuedAt: Date
    public var account: String
    /// Why this issue replaces a signed document (required when one exists).
    public var reason: String?

    public init(baseId: String, key: RenderingKey, bytes: Data, issuedAt: Date, account: String, reason: String?) {
        self.baseId = baseId; self.key = key; self.bytes = bytes; self.issuedAt = issuedAt; self.account = account; self.reason = reason
    }
}

/// An issued document's metadata (the bytes are fetched separately).
public struct IssuedDocument: Sendable, Equatable {
    public var id: String
    public var key: RenderingKey
    public var sha256: String
    public var size: Int
    public var issuedAt: Date
    public var account: String
    /// The signed document this one replaces, and why.
    public var replaces: String?
    public var reason: String?

    public init(id: String, key: RenderingKey, sha256: String, size: Int, issuedAt: Date, account: String,
                replaces: String?, reason: String?) {
        self.id = id; self.key = key; self.sha256 = sha256; self.size = size; self.issuedAt = issuedAt
        self.account = account; self.replaces = replaces; self.reason = reason
    }
}

/// The kinds of event in a document's life.
public enum EventType: String, Sendable, CaseIterable, Codable {
    case issued, printed, reprinted, downloaded, voided, scanned
    /// A print was asked for and did not reach the printer (stopped, missing, print server down).
    case printFailed = "print-failed"
    /// The discharge sheet was given to the patient (recorded by the ward).
    case handedOver = "handed-over"
}

public struct NewEvent: Sendable {
    public var documentId: String
    public var type: EventType
    public var account: String
    public var at: Date
    /// A short note (a printer name, a reason); never patient data.
    public var detail: String?

    public init(documentId: String, type: EventType, account: String, at: Date, detail: String? = nil) {
        self.documentId = documentId; self.type = type; self.account = account; self.at = at; self.detail = detail
    }
}

public struct DocumentEvent: Sendable, Equatable {
    public var sequence: Int64
    public var documentId: String
    public var type: EventType
    public var account: String
    public var at: Date
    public var detail: String?

    public init(sequence: Int64, documentId: String, type: EventType, account: String, at: Date, detail: String?) {
        self.sequence = sequence; self.documentId = documentId; self.type = type; self.account = account; self.at = at; self.detail = detail
    }
}

/// Staff roles: what each may do is decided by the service.
public enum Role: String, Sendable, CaseIterable, Codable {
    case frontDesk = "front-desk", ward, translator, administrator
}

public struct StaffAccount: Sendable, Equatable {
    public var name: String
    public var role: Role
    /// bcrypt hash.
    public var passwordHash: String
    public var createdAt: Date
    /// A disabled account cannot log in and has no session (migration v5).
    public var disabled: Bool

    public init(name: String, role: Role, passwordHash: String, createdAt: Date, disabled: Bool = false) {
        self.name = name; self.role = role; self.passwordHash = passwordHash; self.createdAt = createdAt; self.disabled = disabled
    }
}

/// A login session: only the SHA-256 of the cookie's token is stored.
public struct Session: Sendable, Equatable {
    public var tokenHash: String
    public var account: String
    public var csrfToken: String
    public var expiresAt: Date

    public init(tokenHash: String, account: String, csrfToken: String, expiresAt: Date) {
        self.tokenHash = tokenHash; self.account = account; self.csrfToken = csrfToken; self.expiresAt = expiresAt
    }
}

/// A machine token (the planning core's): may post plans, nothing else. Only its SHA-256 is stored.
public struct APIToken: Sendable, Equatable {
    public var hash: String
    public var name: String
    public var createdAt: Date

    public init(hash: String, name: String, createdAt: Date) { self.hash = hash; self.name = name; self.createdAt = createdAt }
}
