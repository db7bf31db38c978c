import Foundation

/// What the front desk and the ward find a plan by: the patient and the schedule of its latest
/// revision. Kept by the registry in the transaction that stores the revision, so the day's list
/// and a search never decode plan bytes.
public struct PlanListing: Sendable, Equatable {
    public var planId: String
    public var revision: Int
    public var familyName: String
    public var givenName: String
    /// The hospital's medical record number (`patient.mrn`).
    public var recordNumber: String
    /// `YYYY-MM-DD`.
    public var birthDate: String
    /// The day of the scheduled start in the facility's time (`YYYY-MM-DD`).
    public var procedureDay: String
    /// The scheduled start ("08:30" in the facility's time).
    public var procedureTime: String
    public var procedureStart: Date
    /// The patient's language tag as the plan gives it.
    public var language: String
    public var hasOutcome: Bool

    public init(planId: String, revision: Int, familyName: String, givenName: String, recordNumber: String, birthDate: String,
                procedureDay: String, procedureTime: String, procedureStart: Date, language: String, hasOutcome: Bool) {
        self.planId = planId; self.revision = revision; self.familyName = familyName; self.givenName = givenName
        self.recordNumber = recordNumber; self.birthDate = birthDate; self.procedureDay = procedureDay
        self.procedureTime = procedureTime; self.procedureStart = procedureStart; self.language = language; self.hasOutcome = hasOutcome
    }

    /// The family name as searched: lower case, without diacritics ("Müller-Rossi" → "muller-rossi").
    public static func searchKey(_ familyName: String) -> String {
        familyName.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }
}

/// How a list of plans is asked for.
public enum ListingQuery: Sendable, Equatable {
    /// Every plan scheduled on this day (`YYYY-MM-DD`), by start time.
    case day(String)
    /// Family names beginning with this (compared as `PlanListing.searchKey`).
    case familyName(String)
    case recordNumber(String)
}

extension Schema {
    /// Migration 4: the listing of each plan's latest revision. Filled for plans received before
    /// it by the service at start (`Registry.unlistedPlans`), which can decode plans.
    static let version4: [String] = [
        """
        CREATE TABLE plan_listings (
            plan_id TEXT PRIMARY KEY, revision INTEGER NOT NULL, family_name TEXT NOT NULL, given_name TEXT NOT NULL,
            search_key TEXT NOT NULL, record_number TEXT NOT NULL, birth_date TEXT NOT NULL,
            procedure_day TEXT NOT NULL, procedure_time TEXT NOT NULL, procedure_start BIGINT NOT NULL,
            language TEXT NOT NULL, has_outcome BOOLEAN NOT NULL,
            FOREIGN KEY (plan_id, revision) REFERENCES plan_revisions(plan_id, revision))
        """,
        "CREATE INDEX plan_listings_by_day ON plan_listings(procedure_day, procedure_start)",
        "CREATE INDEX plan_listings_by_name ON plan_listings(search_key)",
        "CREATE INDEX plan_listings_by_record ON plan_listings(record_number)",
    ]

    /// Inserts or replaces a listing unless a later revision is listed already (12 parameters).
    static let upsertListing = """
        INSERT INTO plan_listings VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        ON CONFLICT (plan_id) DO UPDATE SET revision = excluded.revision, family_name = excluded.family_name,
            given_name = excluded.given_name, search_key = excluded.search_key, record_number = excluded.record_number,
            birth_date = excluded.birth_date, procedure_day = excluded.procedure_day, procedure_time = excluded.procedure_time,
            procedure_start = excluded.procedure_start, language = excluded.language, has_outcome = excluded.has_outcome
        WHERE excluded.revision >= plan_listings.revision
        """

    static let listingColumns = """
        plan_id, revision, family_name, given_name, record_number, birth_date, procedure_day, procedure_time,
        procedure_start, language, has_outcome
        """

    /// The query's SQL (one parameter) and its value.
    static func listingQuery(_ query: ListingQuery, limit: Int) -> (sql: String, value: String) {
        let select = "SELECT \(listingColumns) FROM plan_listings"
        let order = "ORDER BY procedure_start, family_name, plan_id LIMIT \(max(1, min(limit, 1000)))"
        switch query {
        case .day(let day): return ("\(select) WHERE procedure_day = $1 \(order)", day)
        case .recordNumber(let number): return ("\(select) WHERE record_number = $1 \(order)", number)
        case .familyName(let prefix):
            // A prefix match on the folded name; LIKE's own wildcards in the input match themselves.
            let escaped = PlanListing.searchKey(prefix).replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            return ("\(select) WHERE search_key LIKE $1 ESCAPE '\\' ORDER BY search_key, procedure_start, plan_id LIMIT \(max(1, min(limit, 1000)))",
                    escaped + "%")
        }
    }

    /// Migration 5: accounts can be disabled (an administrator's decision, kept with the account).
    static let version5 = ["ALTER TABLE accounts ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE"]

    /// The latest revision of every plan that has no listing (received before migration 4).
    static let unlistedPlans = """
        SELECT p.plan_id FROM plan_revisions p WHERE NOT EXISTS (SELECT 1 FROM plan_listings l WHERE l.plan_id = p.plan_id)
        GROUP BY p.plan_id ORDER BY p.plan_id
        """
}
