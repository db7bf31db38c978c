import OsteoDoc
import PlanImport

/// The one-line summary `plan check` prints: ids, codes and counts only, no patient data.
enum PlanSummary {
    static func line(_ plan: Plan) -> String {
        let p = plan.procedure
        let sites = plan.targets.map { t in t.site.rawValue + (t.level.map { " " + $0.code } ?? "") + " (\(t.side.rawValue))" }
        let outcome = plan.outcome == nil ? "no outcome yet" : "outcome recorded"
        return "\(plan.planId): \(p.type.rawValue), \(plan.targets.count) target(s): \(sites.joined(separator: ", ")); "
            + "\(p.anaesthesia.rawValue), \(p.setting.rawValue); \(outcome)"
    }
}
