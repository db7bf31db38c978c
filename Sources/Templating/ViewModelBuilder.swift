import Foundation
import Content
import PlanImport
import Settings

/// Computes the view model of one document from a validated plan.
public enum ViewModelBuilder {
    /// Women (and patients whose sex is recorded as other or unknown) aged 12 to 55
    /// on the day of the procedure are asked the pregnancy declaration.
    public static let childbearingAges = 12...55
    /// Lying down after the injection while the cement sets (BRIEF c: 1–3 h; the
    /// project's seed text: about two hours).
    public static let bedRestMinutes = 120
    /// The dressing may come off and the patient may shower after 48 hours (BRIEF c: 24–48 h, 1–2 days).
    public static let dressingDays = 2

    /// - Parameter settings: the facility's configuration (out-of-hours number, ward hours, time
    ///   zone); nothing configured means the documents send the patient to the plan's emergency
    ///   number. Every time of the document is shown on the facility's clock (`settings.timeZone`,
    ///   Europe/Rome unless configured), whatever offset the plan wrote it with.
    public static func build(plan: Plan, kind: DocumentKind, formatter base: LocaleFormatter,
                             documentId: String, contentVersion: String,
                             settings: FacilitySettings = .unconfigured) throws -> ViewModel {
        let f = base.with(timeZone: TimeZone(identifier: settings.timeZone) ?? FacilityClock.defaultTimeZone)
        let descriptor = kind.descriptor
        if descriptor.needsOutcome && plan.outcome == nil { throw TemplatingError.noOutcome }
        var flags = self.flags(plan, timeZone: f.timeZone)
        let rule = DrivingRule.of(plan, kind: kind)
        flags.drivingDate = { if case .notBefore = rule { return true } else { return false } }()
        flags.drivingPhysician = rule == .physicianDecides
        flags.interpreter = plan.patient.interpreterRequired || primaryLanguage(f.content.tag) != "it"
        flags.outOfHours = settings.outOfHoursPhone != nil
        flags.wardHours = settings.wardHours != nil
        flags.draft = !f.content.approval.isApproved
        let procedureDay = f.localDate(plan.outcome?.performedStart ?? plan.procedure.scheduledStart)
        let p = plan.procedure
        let typeKey = "procedure-type.\(p.type.rawValue)"
        let title = try f.string(descriptor.titleKey)

        let patient = PatientView(
            fullName: try f.format("format.full-name", ["given": f.isolate(plan.patient.givenName), "family": f.isolate(plan.patient.familyName)]),
            familyName: f.isolate(plan.patient.familyName), givenName: f.isolate(plan.patient.givenName),
            birthDate: try f.plainDate(plan.patient.birthDate),
            mrn: f.isolate(plan.patient.mrn), fiscalCode: f.isolate(plan.patient.fiscalCode ?? ""),
            language: try languageName(plan.patient.language, f),
            representativeName: f.isolate(plan.patient.legalRepresentative?.name ?? ""),
            representativeRole: try plan.patient.legalRepresentative.map {
                try f.string("representative-role.\($0.role.rawValue)")
            } ?? "")

        let procedure = ProcedureView(
            name: try f.string(typeKey),
            technicalName: try f.string("procedure-technical.\(p.type.rawValue)"),
            indication: try f.string("indication.\(p.indication.rawValue)"),
            scheduled: try f.dateTime(p.scheduledStart),
            duration: try f.format("procedure.duration", ["minutes": f.plural("unit.minutes", count: p.expectedDurationMinutes)]),
            setting: try f.string("setting.\(p.setting.rawValue)"),
            anaesthesia: try f.string("anaesthesia.\(p.anaesthesia.rawValue)"),
            guidance: try f.list(p.guidance.map { try f.string("guidance.\($0.rawValue)") }),
            operatorName: f.isolate(p.operator.name), operatorTitle: f.isolate(p.operator.title),
            ablation: try p.combinedWithAblation.map { try f.string("ablation.\($0.rawValue)") } ?? "")

        let targets = try plan.targets.enumerated().map { i, t in
            TargetView(number: i + 1, site: try siteName(t, f),
                       side: try f.string("side.\(t.side.rawValue)"),
                       lesion: try f.string("lesion.\(t.lesion.rawValue)"),
                       needles: try f.plural("target.needles", count: t.needles, ["gauge": f.integer(t.needleGauge)]),
                       cement: try f.format("unit.ml", ["value": f.tenths(t.plannedCementTenthsMl)]),
                       approach: t.approach.map(f.isolate) ?? "—",
                       siteCode: t.site.rawValue, sideCode: t.side.rawValue, levelCode: t.level?.code ?? "")
        }

        let preparation = try self.preparation(plan, f)
        let followUps = try plan.followUp.map { fu in
            FollowUpView(kind: try f.string("follow-up.\(fu.kind.rawValue)"), with: f.isolate(fu.with),
                         when: try followUpWhen(fu, from: procedureDay, f),
                         contact: try f.format("follow-up.contact.\(fu.kind.rawValue)", ["with": f.isolate(fu.with)]))
        }
        let outcome = try plan.outcome.map { try self.outcome($0, plan: plan, f) }
        let timeline = descriptor.hasTimeline ? try self.timeline(plan, flags: flags, driving: rule, f) : []

        return ViewModel(
            t: f.nestedStrings(for: plan.patient.sex),
            doc: DocumentInfo(title: title, documentId: f.isolate(documentId), contentVersion: f.isolate(contentVersion),
                              languageName: try languageName(f.content.tag, f),
                              provenance: try f.format("summary.provenance", [
                                  "plan": f.isolate(plan.planId), "generator": f.isolate(plan.generator.name),
                                  "version": f.isolate(plan.generator.version), "datetime": f.dateTime(plan.generatedAt)]),
                              approval: try approvalLine(f), notApproved: try f.string("notice.not-approved")),
            facility: FacilityView(name: f.isolate(plan.facility.name), department: f.isolate(plan.facility.department),
                                   phone: f.isolate(plan.facility.phone), emergencyNumber: f.isolate(plan.facility.emergencyNumber),
                                   address: f.isolate(plan.facility.address ?? "")),
            patient: patient, procedure: procedure, targets: targets, preparation: preparation,
            followUps: followUps, outcome: outcome, timeline: timeline,
            driving: try drivingView(rule, f), contacts: try contacts(plan, settings, f), is: flags)
    }

    // MARK: Conditions

    static func flags(_ plan: Plan, timeZone: TimeZone = FacilityClock.defaultTimeZone) -> Flags {
        var f = Flags()
        let p = plan.procedure
        f.sedation = p.anaesthesia == .localWithSedation
        f.general = p.anaesthesia == .general
        f.localOnly = p.anaesthesia == .local
        f.noDriving = f.sedation || f.general
        f.daySurgery = p.setting == .daySurgery
        f.inpatient = p.setting == .inpatient
        f.ablation = p.combinedWithAblation != nil
        f.cementoplasty = p.type == .cementoplasty
        f.sacroplasty = p.type == .sacroplasty
        f.vertebroplasty = p.type == .vertebroplasty
        let sites = Set(plan.targets.map(\.site))
        f.pelvis = !sites.isDisjoint(with: [.acetabulum, .iliacBone, .ischium, .pubis])
        f.acetabulum = sites.contains(.acetabulum)
        f.sacrum = sites.contains(.sacrum)
        f.vertebra = sites.contains(.vertebra)
        f.longBone = !sites.isDisjoint(with: [.humerusProximal, .humerusShaft, .femurProximal, .femurShaft, .tibiaProximal])
        f.ct = p.guidance.contains(.ct) || p.guidance.contains(.coneBeamCT)
        f.fluoroscopy = p.guidance.contains(.fluoroscopy)
        f.anticoagulants = !plan.preparation.anticoagulants.isEmpty
        f.fasting = plan.preparation.fastingHours > 0
        f.allergies = !plan.preparation.allergies.isEmpty
        f.labTests = !plan.preparation.labTests.isEmpty
        f.followUps = !plan.followUp.isEmpty
        f.representative = plan.patient.legalRepresentative != nil
        f.anticoagulantsStopped = plan.preparation.anticoagulants.contains { $0.stopDaysBefore > 0 }
        f.fiscalCode = plan.patient.fiscalCode != nil
        f.address = plan.facility.address != nil
        f.approach = plan.targets.contains { $0.approach != nil }
        let day = PlanCalendar.localDate(p.scheduledStart, in: timeZone)
        let age = CalendarMath.age(born: plan.patient.birthDate, on: day)
        f.minor = age < 18
        f.parents = f.minor && plan.patient.legalRepresentative?.role == .parent
        f.childbearing = plan.patient.sex != .male && childbearingAges.contains(age)
        if let o = plan.outcome {
            f.complications = !o.complications.isEmpty
            f.analgesia = o.analgesia != nil
        }
        return f
    }

    // MARK: Pieces

    static func siteName(_ t: Target, _ f: LocaleFormatter) throws -> String {
        let site = try f.string("site.\(t.site.rawValue)")
        guard let level = t.level else { return site }
        return try f.format("site.with-level", ["site": site, "level": level.code])
    }

    static func languageName(_ tag: String, _ f: LocaleFormatter) throws -> String {
        let primary = tag.split(separator: "-").first.map { String($0).lowercased() } ?? tag
        return f.content.string("language.\(primary)") ?? tag
    }

    static func preparation(_ plan: Plan, _ f: LocaleFormatter) throws -> PreparationView {
        let prep = plan.preparation
        let start = plan.procedure.scheduledStart
        let day = f.localDate(start)
        let anticoagulants = try prep.anticoagulants.map { a -> AnticoagulantView in
            let stopDay = CalendarMath.adding(days: -a.stopDaysBefore, to: day)
            let resume: String
            switch (a.stopDaysBefore > 0, a.resume) {
            case (false, _): resume = try f.string("anticoagulant.resume.not-stopped")
            case (true, .sameDay): resume = try f.format("anticoagulant.resume.on", ["date": f.longDate(day)])
            case (true, .nextDay): resume = try f.format("anticoagulant.resume.on", ["date": f.longDate(CalendarMath.adding(days: 1, to: day))])
            case (true, .asInstructed): resume = try f.string("anticoagulant.resume.as-instructed")
            }
            let stop = a.stopDaysBefore == 0
                ? try f.string("anticoagulant.stop.none")
                : try f.format("anticoagulant.stop.from", ["date": f.longDate(stopDay)])
            return AnticoagulantView(drug: f.isolate(a.drug), stop: stop, resume: resume)
        }
        return PreparationView(
            fastingText: try f.plural("unit.hours", count: prep.fastingHours),
            fastingFrom: prep.fastingHours == 0 ? try f.string("preparation.no-fasting")
                : try f.format("preparation.fasting-from",
                               ["datetime": f.dateTime(CalendarMath.adding(minutes: -60 * prep.fastingHours, to: start))]),
            anticoagulants: anticoagulants,
            anticoagulantAdvice: try anticoagulantAdvice(prep.anticoagulants, f),
            allergies: try f.list(prep.allergies.map { try f.string("allergy.\($0.rawValue)") }),
            labTests: try f.list(prep.labTests.map { try f.string("lab-test.\($0.rawValue)") }))
    }

    static func outcome(_ o: Outcome, plan: Plan, _ f: LocaleFormatter) throws -> OutcomeView {
        let targets = try o.targets.compactMap { to -> OutcomeTargetView? in
            guard let index = plan.targets.firstIndex(where: { $0.id == to.id }) else { return nil }
            let t = plan.targets[index]
            return OutcomeTargetView(
                number: index + 1, site: try siteName(t, f), side: try f.string("side.\(t.side.rawValue)"),
                lesion: try f.string("lesion.\(t.lesion.rawValue)"),
                needles: try f.plural("target.needles", count: t.needles, ["gauge": f.integer(t.needleGauge)]),
                plannedCement: try f.format("unit.ml", ["value": f.tenths(t.plannedCementTenthsMl)]),
                treated: try f.string(to.treated ? "outcome.treated.yes" : "outcome.treated.no"),
                cement: to.treated ? try f.format("unit.ml", ["value": f.tenths(to.cementTenthsMl)]) : "—",
                leakage: try f.string("leakage.\(to.leakage.rawValue)"))
        }.sorted { $0.number < $1.number }
        return OutcomeView(
            started: try f.dateTime(o.performedStart), ended: try f.time(o.performedEnd),
            discharge: try f.dateTime(o.dischargeAt), targets: targets,
            complications: o.complications.isEmpty ? try f.string("outcome.no-complications")
                : try f.list(o.complications.map { try f.string("complication.\($0.rawValue)") }),
            analgesia: f.isolate(o.analgesia ?? ""))
    }

    /// The recovery timeline of the discharge sheet, as concrete dates and clock times, in time order.
    static func timeline(_ plan: Plan, flags: Flags, driving: DrivingRule, _ f: LocaleFormatter) throws -> [TimelineEntry] {
        guard let o = plan.outcome else { return [] }
        // (sort key, entry): instants sort by time; whole days sort at the start of their day.
        var rows: [(Date, Int, TimelineEntry)] = []
        func at(_ t: Timestamp, _ key: String, _ values: [String: String] = [:]) throws {
            rows.append((t.date, rows.count, TimelineEntry(when: try f.dateTime(t), what: try f.format(key, values))))
        }
        func on(_ day: CalendarDate, _ key: String, _ values: [String: String] = [:]) throws {
            let start = CalendarMath.startOfDay(day, in: f.timeZone)
            rows.append((start, rows.count, TimelineEntry(when: try f.longDate(day), what: try f.format(key, values))))
        }
        let procedureDay = f.localDate(o.performedStart)
        try at(o.performedEnd, "timeline.procedure-end")
        try at(CalendarMath.adding(minutes: bedRestMinutes, to: o.performedEnd), "timeline.mobilise")
        try at(o.dischargeAt, "timeline.discharge")
        if case .notBefore(let instant) = driving { try at(instant, "timeline.driving") }
        try on(CalendarMath.adding(days: dressingDays, to: procedureDay), "timeline.dressing")
        for a in plan.preparation.anticoagulants where a.stopDaysBefore > 0 {
            switch a.resume {
            case .sameDay: try on(procedureDay, "timeline.anticoagulant", ["drug": f.isolate(a.drug)])
            case .nextDay: try on(CalendarMath.adding(days: 1, to: procedureDay), "timeline.anticoagulant", ["drug": f.isolate(a.drug)])
            case .asInstructed: break
            }
        }
        for fu in plan.followUp {
            // An interval, not an appointment: the row names the week, sorted by the day it falls on.
            let day = CalendarMath.adding(days: fu.afterDays, to: procedureDay)
            let start = CalendarMath.noonUTC(day).addingTimeInterval(TimeInterval(-12 * 3600 - o.dischargeAt.offsetSeconds))
            rows.append((start, rows.count, TimelineEntry(
                when: try followUpWhen(fu, from: procedureDay, f),
                what: try f.format("timeline.follow-up.\(fu.kind.rawValue)", ["with": f.isolate(fu.with)]))))
        }
        return rows.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// Catalog strings nested by the dots of their keys, for `{{t.consent.title}}`.
    static func nest(_ content: Content.LocaleContent) -> [String: Any] {
        var root: [String: Any] = [:]
        for entry in content.strings.entries {
            // Gendered variants (`key|female`) are chosen per document by `nestedStrings(for:)`.
            guard let key = entry.context, !key.contains("|"), let value = content.string(key) else { continue }
            insert(UnitSpacing.apply(value), at: key.split(separator: ".").map(String.init)[...], into: &root)
        }
        return root
    }

    static func insert(_ value: String, at path: ArraySlice<String>, into dict: inout [String: Any], replacing: Bool = false) {
        guard let head = path.first else { return }
        if path.count == 1 {
            if dict[head] == nil || replacing { dict[head] = value }
            return
        }
        var child = dict[head] as? [String: Any] ?? [:]
        insert(value, at: path.dropFirst(), into: &child, replacing: replacing)
        dict[head] = child
    }
}
