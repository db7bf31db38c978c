import Foundation

/// Who approved the Italian source text for clinical use, and until when: the record in
/// `locales/it/approval.json`. osteodoc never invents an approval: a record without both
/// approvers and the two dates is a draft, and every document printed from it says so.
public struct ContentApproval: Sendable, Equatable, Decodable {
    /// One person who approved the text.
    public struct Approver: Sendable, Equatable, Decodable {
        /// Name as it is to be printed ("Dr.ssa Anna Verdi").
        public var name: String
        /// Role or office ("Direttore UOC Radiologia", "Ufficio legale").
        public var role: String
        public init(name: String, role: String) { self.name = name; self.role = role }
    }

    /// The clinical approver (the responsible radiologist).
    public var clinical: Approver?
    /// The legal approver (the hospital's legal office).
    public var legal: Approver?
    /// Day of the approval, ISO 8601 (`2026-11-30`).
    public var approvedOn: String?
    /// Day by which the text must be reviewed again, ISO 8601.
    public var nextReview: String?

    public init(clinical: Approver? = nil, legal: Approver? = nil, approvedOn: String? = nil, nextReview: String? = nil) {
        self.clinical = clinical
        self.legal = legal
        self.approvedOn = approvedOn
        self.nextReview = nextReview
    }

    /// No approval at all.
    public static let none = ContentApproval()

    /// True only when both approvers are named and both dates are given.
    public var isApproved: Bool {
        guard let c = clinical, let l = legal, let a = approvedOn, let n = nextReview else { return false }
        return ![c.name, c.role, l.name, l.role, a, n].contains { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The file name inside the source locale's folder.
    public static let fileName = "approval.json"

    /// Parses the record; `path` names the file in error messages.
    static func parse(_ data: Data, path: String) throws -> ContentApproval {
        let record: ContentApproval
        do { record = try JSONDecoder().decode(ContentApproval.self, from: data) } catch {
            throw ContentError.unreadable(path: path, reason: "not a valid approval record (see locales/README.md)")
        }
        for (key, value) in [("approvedOn", record.approvedOn), ("nextReview", record.nextReview)] {
            if let value, !isISODate(value) {
                throw ContentError.unreadable(path: path, reason: "\(key): \"\(value)\" is not a date YYYY-MM-DD")
            }
        }
        return record
    }

    /// `YYYY-MM-DD` with a real month and day.
    public static func isISODate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
        var c = DateComponents(); c.year = y; c.month = m; c.day = d
        return (1...12).contains(m) && (1...31).contains(d) && Calendar(identifier: .gregorian).date(from: c) != nil
    }
}
