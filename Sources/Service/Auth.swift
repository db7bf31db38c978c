import Foundation
import HummingbirdBcrypt
import Registry

/// Who is asking: a staff account (through its session cookie) or the planning core (API token).
public struct Principal: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case staff(Role)
        /// The planning core's API token: it may post plans and nothing else.
        case planningCore
    }
    public var name: String
    public var kind: Kind
    /// The session's CSRF token; nil for API tokens (no cookie, nothing for another site to ride on).
    public var csrfToken: String?
    public var sessionHash: String?
}

/// What an endpoint needs.
public enum Permission: String, Sendable, CaseIterable {
    /// `issueConsent` covers the front desk's documents: the preparation sheet and the consent.
    case postPlan, readPlan, issueConsent, issueDischarge, readDocument, recordEvent, voidDocument
    case manageAccounts, previewTranslation
    /// Any staff session (logout, who am I).
    case readOwnSession

    /// The roles allowed: front desk issues consents, the ward discharge sheets, translators see
    /// unreleased translations and never patient data, administrators everything.
    func allows(_ kind: Principal.Kind) -> Bool {
        switch kind {
        case .planningCore: return self == .postPlan
        case .staff where self == .readOwnSession: return true
        case .staff(.administrator): return true
        case .staff(.frontDesk): return [.readPlan, .issueConsent, .readDocument, .recordEvent].contains(self)
        case .staff(.ward): return [.readPlan, .issueDischarge, .readDocument, .recordEvent].contains(self)
        case .staff(.translator): return self == .previewTranslation
        }
    }
}

/// Logins, sessions and tokens. Only SHA-256 digests of session and API tokens are stored.
public struct Authenticator: Sendable {
    let registry: any Registry
    let clock: any ServiceClock
    let sessionLifetime: TimeInterval
    let bcryptCost: UInt8
    let limiter: LoginRateLimiter

    public static let sessionCookie = "osteodoc_session"

    init(registry: any Registry, clock: any ServiceClock, configuration: ServiceConfiguration) {
        self.registry = registry
        self.clock = clock
        sessionLifetime = TimeInterval(configuration.sessionMinutes * 60)
        bcryptCost = UInt8(clamping: max(4, min(31, configuration.bcryptCost)))
        limiter = LoginRateLimiter(perMinute: configuration.loginAttemptsPerMinute, clock: clock)
    }

    /// The principal behind a bearer token or a session cookie, or nil.
    func principal(bearer: String?, sessionCookie: String?) async throws -> Principal? {
        if let bearer {
            guard let token = try await registry.apiToken(hash: Hash.sha256(Data(bearer.utf8))) else { return nil }
            return Principal(name: token.name, kind: .planningCore)
        }
        if let sessionCookie {
            let hash = Hash.sha256(Data(sessionCookie.utf8))
            guard let session = try await registry.session(tokenHash: hash) else { return nil }
            guard session.expiresAt > clock.now else {
                try await registry.deleteSession(tokenHash: hash)
                return nil
            }
            guard let account = try await registry.account(name: session.account), !account.disabled else { return nil }
            return Principal(name: account.name, kind: .staff(account.role), csrfToken: session.csrfToken, sessionHash: hash)
        }
        return nil
    }

    enum LoginResult { case ok(token: String, session: Session, role: Role), refused, limited }

    /// Checks a password (bcrypt) unless too many attempts failed lately for this account or address.
    func login(name: String, password: String, address: String) async throws -> LoginResult {
        guard await limiter.allow(keys: ["n:" + name, "a:" + address]) else { return .limited }
        let account = try await registry.account(name: name)
        // Verify against a dummy hash for unknown accounts too: the answer takes as long either way.
        let hash = account?.passwordHash ?? Self.dummyHash
        let ok = Bcrypt.verify(password, hash: hash) && account != nil && account?.disabled == false
        guard ok, let account else {
            await limiter.fail(keys: ["n:" + name, "a:" + address])
            return .refused
        }
        let token = Tokens.random()
        let session = Session(tokenHash: Hash.sha256(Data(token.utf8)), account: account.name,
                              csrfToken: Tokens.random(), expiresAt: clock.now.addingTimeInterval(sessionLifetime))
        try await registry.deleteExpiredSessions(before: clock.now)
        try await registry.createSession(session)
        return .ok(token: token, session: session, role: account.role)
    }

    func hash(password: String) -> String { Bcrypt.hash(password, cost: bcryptCost) }

    private static let dummyHash = Bcrypt.hash("osteodoc-no-such-account", cost: 4)
}

/// Failed logins per key (account, address) within the last minute.
actor LoginRateLimiter {
    private let perMinute: Int
    private let clock: any ServiceClock
    private var failures: [String: [Date]] = [:]

    init(perMinute: Int, clock: any ServiceClock) { self.perMinute = perMinute; self.clock = clock }

    func allow(keys: [String]) -> Bool {
        let since = clock.now.addingTimeInterval(-60)
        for key in keys {
            failures[key] = failures[key]?.filter { $0 > since }
            if (failures[key]?.count ?? 0) >= perMinute { return false }
        }
        return true
    }

    func fail(keys: [String]) {
        if failures.count > 10_000 { failures.removeAll() }  // bounded memory under a flood
        for key in keys { failures[key, default: []].append(clock.now) }
    }
}

/// Random tokens for sessions, CSRF and API access (32 bytes, hex).
enum Tokens {
    static func random() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", g.next() as UInt64) }.joined()
    }
}
