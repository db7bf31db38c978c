import Foundation

/// Reads a plan export (`cementoplasty-plan/1`) and checks it against the contract
/// (`shared/interfaces/plan-export-v1.md`; JSON Schema: `schema/plan-export-v1.schema.json`).
///
/// Deterministic: the wall clock is never read (e.g. "birth date not in the future"
/// means "not after the plan's own `generatedAt` date").
public enum PlanDecoder {
    /// Largest input accepted: 1 MiB (1,048,576 bytes).
    public static let maximumSize = 1_048_576

    /// The only `schema` value this version reads.
    static let supportedSchema = "cementoplasty-plan/1"

    /// Decodes and validates a plan export.
    ///
    /// - Throws: `PlanValidationError` with every violation found, in document order.
    ///   Problems with the input as a whole (too large, empty, not UTF-8, not JSON,
    ///   nested too deeply, not an object, duplicate keys) are reported on their own
    ///   at path `""` (duplicate keys at their paths), before any field is checked.
    /// - Parameter timeZone: the facility's clock, on which date rules are judged (a
    ///   patient is a minor on the day of the procedure as the facility counts days) —
    ///   the same clock documents are printed on.
    public static func decode(_ data: Data,
                              timeZone: TimeZone = FacilityClock.defaultTimeZone) throws(PlanValidationError) -> Plan {
        let root = try parse(data)
        let log = IssueLog()
        let plan = readPlan(Node(value: root, path: .root, log: log), timeZone: timeZone)
        // Readers build values around invalid optional parts (as absent), so the log,
        // not the result, decides.
        if let plan, log.issues.isEmpty { return plan }
        // Every reader that returns nil has reported why (see `Node`).
        assert(!log.issues.isEmpty, "a plan was refused without an issue")
        throw PlanValidationError(issues: log.issues.isEmpty
            ? [PlanIssue(path: "", message: "internal error: plan refused without a reason")]
            : log.issues)
    }
}
