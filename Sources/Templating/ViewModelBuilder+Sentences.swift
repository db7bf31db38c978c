import Content
import Foundation
import PlanImport
import Settings

// Sentences of the prose that depend on plan data or on the facility's configuration: each
// is a catalog sentence chosen here, never fixed Markdown that is true for only some plans.

extension ViewModelBuilder {
    /// "it" for "it", "it-CH".
    static func primaryLanguage(_ tag: String) -> String {
        tag.split(separator: "-").first.map { String($0).lowercased() } ?? tag.lowercased()
    }

    /// What the prose says about the plan's blood thinners: the ones to stop (on the dates
    /// listed on the form) and the ones not to stop, each named; nothing when there are none.
    static func anticoagulantAdvice(_ drugs: [Anticoagulant], _ f: LocaleFormatter) throws -> String {
        let stop = drugs.filter { $0.stopDaysBefore > 0 }.map { f.isolate($0.drug) }
        let keep = drugs.filter { $0.stopDaysBefore == 0 }.map { f.isolate($0.drug) }
        var sentences: [String] = []
        if !stop.isEmpty {
            sentences.append(try f.plural("anticoagulant.advice.stop", count: stop.count, ["drugs": f.list(stop)]))
        }
        if !keep.isEmpty {
            sentences.append(try f.plural("anticoagulant.advice.keep", count: keep.count, ["drugs": f.list(keep)]))
        }
        if !drugs.isEmpty { sentences.append(try f.string("anticoagulant.advice.others")) }
        return sentences.joined(separator: " ")
    }

    /// "tra circa 30 giorni (settimana del 28 dicembre 2026)": the interval and the week (from
    /// its Monday) the day falls in — never a weekday, which would read as a booked appointment.
    static func followUpWhen(_ fu: FollowUp, from day: CalendarDate, _ f: LocaleFormatter) throws -> String {
        let target = CalendarMath.adding(days: fu.afterDays, to: day)
        let monday = CalendarMath.adding(days: -CalendarMath.daysSinceMonday(target), to: target)
        return try f.format("follow-up.when", ["days": f.plural("unit.days", count: fu.afterDays),
                                               "week": f.plainDate(monday)])
    }

    static func contacts(_ plan: Plan, _ settings: FacilitySettings, _ f: LocaleFormatter) throws -> ContactsView {
        let emergency = f.isolate(plan.facility.emergencyNumber)
        let advice: String
        if let phone = settings.outOfHoursPhone {
            advice = try f.format("contacts.out-of-hours", ["phone": f.isolate(phone), "emergency": emergency])
        } else {
            advice = try f.format("contacts.no-out-of-hours", ["emergency": emergency])
        }
        return ContactsView(outOfHoursPhone: settings.outOfHoursPhone.map(f.isolate) ?? "",
                            wardHours: settings.wardHours.map(f.isolate) ?? "", outOfHoursAdvice: advice)
    }

    /// The small-print line: who approved the Italian text, when, and the next review; or that
    /// nobody has. A translation adds the day it was made.
    static func approvalLine(_ f: LocaleFormatter) throws -> String {
        let a = f.content.approval
        var line: String
        if a.isApproved, let c = a.clinical, let l = a.legal, let on = a.approvedOn, let next = a.nextReview,
           let onDay = CalendarDate(iso: on), let nextDay = CalendarDate(iso: next) {
            line = try f.format("approval.approved", [
                "clinical": f.isolate("\(c.name), \(c.role)"), "legal": f.isolate("\(l.name), \(l.role)"),
                "date": f.plainDate(onDay), "review": f.plainDate(nextDay)])
        } else {
            line = try f.string("approval.none")
        }
        if let t = f.content.translationDate, let day = CalendarDate(iso: t) {
            line += " " + (try f.format("approval.translation", ["date": f.plainDate(day)]))
        }
        return line
    }
}

extension CalendarDate {
    /// `YYYY-MM-DD`.
    init?(iso s: String) {
        let p = s.split(separator: "-")
        guard p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}
