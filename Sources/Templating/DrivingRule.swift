import Foundation
import PlanImport

/// When the patient may drive again: one rule, computed once per document, and printed the
/// same way in the timeline, the driving box and the prose.
///
/// - Sedation or general anaesthesia: no driving for at least ``hours`` hours, counted from the
///   end of the procedure (BRIEF c, "Escort & driving": after day-case sedation ≥ 24 h–2 days).
/// - A treated target in the pelvis or a lower limb: no date at all; the physician decides
///   (limb-specific restrictions are NOT FOUND in the brief: a clinician's decision).
/// - Local anaesthesia alone: the patient must not drive home (BRIEF c: "must not drive home;
///   arrange a companion"); when to drive again is the physician's to say.
public enum DrivingRule: Equatable {
    /// Not before this instant (`outcome.performedEnd` + 24 h) — discharge sheet only.
    case notBefore(Timestamp)
    /// Sedation or general anaesthesia, before the procedure (consent): the rule without a date.
    case twentyFourHours
    case physicianDecides
    case localOnly

    /// Hours without driving after sedation or general anaesthesia.
    public static let hours = 24

    /// Pelvic bones (the sacrum included: it is part of the bony pelvis).
    static let pelvis: Set<Site> = [.acetabulum, .iliacBone, .ischium, .pubis, .sacrum]
    static let lowerLimb: Set<Site> = [.femurProximal, .femurShaft, .tibiaProximal, .calcaneus]

    /// The rule for a plan. The discharge sheet looks at the targets actually treated and counts
    /// from `outcome.performedEnd`; the consent looks at the planned targets.
    public static func of(_ plan: Plan, kind: DocumentKind) -> DrivingRule {
        let sites: [Site]
        if kind.descriptor.needsOutcome, let o = plan.outcome {
            let treated = Set(o.targets.filter(\.treated).map(\.id))
            sites = plan.targets.filter { treated.contains($0.id) }.map(\.site)
        } else {
            sites = plan.targets.map(\.site)
        }
        if sites.contains(where: { pelvis.contains($0) || lowerLimb.contains($0) }) { return .physicianDecides }
        guard plan.procedure.anaesthesia != .local else { return .localOnly }
        if kind.descriptor.needsOutcome, let end = plan.outcome?.performedEnd {
            return .notBefore(Timestamp(date: end.date.addingTimeInterval(TimeInterval(hours * 3600)),
                                        offsetSeconds: end.offsetSeconds))
        }
        return .twentyFourHours
    }
}

extension ViewModelBuilder {
    static func drivingView(_ rule: DrivingRule, _ f: LocaleFormatter) throws -> DrivingView {
        switch rule {
        case .notBefore(let t):
            let when = try f.dateTime(t)
            return DrivingView(statement: try f.format("driving.not-before", ["hours": f.integer(DrivingRule.hours), "datetime": when]),
                               notBefore: when)
        case .twentyFourHours:
            return DrivingView(statement: try f.format("driving.hours", ["hours": f.integer(DrivingRule.hours)]), notBefore: "")
        case .physicianDecides:
            return DrivingView(statement: try f.string("driving.physician"), notBefore: "")
        case .localOnly:
            return DrivingView(statement: try f.string("driving.local"), notBefore: "")
        }
    }
}
