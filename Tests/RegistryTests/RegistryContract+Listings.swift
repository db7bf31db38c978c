import Foundation
import Registry
import XCTest

extension RegistryContract {
    func listing(_ id: String, family: String, record: String, day: String, time: String, revision: Int = 0) -> PlanListing {
        let start = ISO8601DateFormatter().date(from: "\(day)T\(time):00+01:00") ?? t0
        return PlanListing(planId: id, revision: revision, familyName: family, givenName: "Given", recordNumber: record,
                           birthDate: "1950-01-02", procedureDay: day, procedureTime: time, procedureStart: start,
                           language: "de", hasOutcome: false)
    }

    /// The front desk's lists: by day (by start time), by family-name prefix (case and accents
    /// folded, LIKE wildcards literal), by record number; a new revision replaces the listing.
    func listingsFollowTheLatestRevision() async throws {
        var a = plan("PLN-A", "{\"a\":1}"); a.listing = listing("PLN-A", family: "Müller", record: "MRN1", day: "2026-12-02", time: "10:30")
        var b = plan("PLN-B", "{\"b\":1}"); b.listing = listing("PLN-B", family: "Rossi", record: "MRN2", day: "2026-12-02", time: "08:00")
        var c = plan("PLN-C", "{\"c\":1}"); c.listing = listing("PLN-C", family: "Mul_ti%", record: "MRN3", day: "2026-12-03", time: "09:00")
        for p in [a, b, c] { _ = try await registry.storePlan(p) }
        _ = try await registry.storePlan(plan("PLN-D", "{\"d\":1}"))  // received before listings existed

        let day = try await registry.listings(.day("2026-12-02"), limit: 50)
        XCTAssertEqual(day.map(\.planId), ["PLN-B", "PLN-A"], "by start time")
        XCTAssertEqual(day.last?.revision, 1, "the registry sets the revision")
        XCTAssertEqual(day.last?.familyName, "Müller")
        let folded = try await registry.listings(.familyName("MUL"), limit: 50)
        XCTAssertEqual(Set(folded.map(\.planId)), ["PLN-A", "PLN-C"], "case and diacritics folded")
        let wildcard = try await registry.listings(.familyName("mul_"), limit: 50)
        XCTAssertEqual(wildcard.map(\.planId), ["PLN-C"], "_ matches itself only")
        let percent = try await registry.listings(.familyName("%"), limit: 50)
        XCTAssertEqual(percent, [], "% matches itself only")
        let record = try await registry.listings(.recordNumber("MRN2"), limit: 50)
        XCTAssertEqual(record.map(\.planId), ["PLN-B"])
        let limited = try await registry.listings(.familyName(""), limit: 2)
        XCTAssertEqual(limited.count, 2)

        var moved = plan("PLN-A", "{\"a\":2}", outcome: true)
        moved.listing = listing("PLN-A", family: "Müller", record: "MRN1", day: "2026-12-03", time: "11:00")
        moved.listing?.hasOutcome = true
        _ = try await registry.storePlan(moved)
        let a2 = try await registry.listing(planId: "PLN-A")
        XCTAssertEqual(a2?.revision, 2)
        XCTAssertEqual(a2?.procedureDay, "2026-12-03")
        XCTAssertEqual(a2?.hasOutcome, true)
        let old = try await registry.listings(.day("2026-12-02"), limit: 50)
        XCTAssertEqual(old.map(\.planId), ["PLN-B"], "the plan moved to its new day")
        try await registry.storeListing(listing("PLN-A", family: "Stale", record: "MRN1", day: "2026-12-02", time: "10:30", revision: 1))
        let kept = try await registry.listing(planId: "PLN-A")
        XCTAssertEqual(kept?.familyName, "Müller", "an older revision never replaces a newer listing")

        let unlisted = try await registry.unlistedPlans()
        XCTAssertEqual(unlisted, ["PLN-D"])
        try await registry.storeListing(listing("PLN-D", family: "Bianchi", record: "MRN4", day: "2026-12-02", time: "12:00", revision: 1))
        let none = try await registry.unlistedPlans()
        XCTAssertEqual(none, [])
    }

    func accountsAreListedByName() async throws {
        for (name, role) in [("zoe", Role.ward), ("anna", .frontDesk), ("mario", .administrator)] {
            try await registry.createAccount(StaffAccount(name: name, role: role, passwordHash: "$2b$x", createdAt: t0))
        }
        let accounts = try await registry.accounts()
        XCTAssertEqual(accounts.map(\.name), ["anna", "mario", "zoe"])
        XCTAssertEqual(accounts.map(\.role), [.frontDesk, .administrator, .ward])
    }
}

extension RegistryContract {
    /// A new password or disabling an account ends its sessions; an unknown account is refused.
    func accountsAreUpdatedAndTheirSessionsEnded() async throws {
        try await registry.createAccount(StaffAccount(name: "anna", role: .frontDesk, passwordHash: "$2b$old", createdAt: t0))
        try await registry.createSession(Session(tokenHash: "h1", account: "anna", csrfToken: "c", expiresAt: t0.addingTimeInterval(3600)))
        try await registry.updateAccount(name: "anna", passwordHash: "$2b$new", disabled: nil)
        let reset = try await registry.account(name: "anna")
        XCTAssertEqual(reset?.passwordHash, "$2b$new")
        XCTAssertEqual(reset?.disabled, false)
        let ended = try await registry.session(tokenHash: "h1")
        XCTAssertNil(ended, "a new password ends the sessions")
        try await registry.createSession(Session(tokenHash: "h2", account: "anna", csrfToken: "c", expiresAt: t0.addingTimeInterval(3600)))
        try await registry.updateAccount(name: "anna", passwordHash: nil, disabled: true)
        let disabled = try await registry.accounts()
        XCTAssertEqual(disabled.map(\.disabled), [true])
        let gone = try await registry.session(tokenHash: "h2")
        XCTAssertNil(gone)
        try await registry.updateAccount(name: "anna", passwordHash: nil, disabled: false)
        let enabled = try await registry.account(name: "anna")
        XCTAssertEqual(enabled?.disabled, false)
        do { try await registry.updateAccount(name: "nobody", passwordHash: "x", disabled: nil); XCTFail("an unknown account was updated") } catch let e as RegistryError {
            XCTAssertEqual(e, .unknownAccount("nobody"))
        }
    }
}
