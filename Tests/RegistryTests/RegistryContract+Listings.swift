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
