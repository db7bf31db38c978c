import Foundation

extension PlanDecoder {
    /// Top-level fields, in contract order.
    static let planFields = ["schema", "planId", "generatedAt", "generator", "facility", "patient",
                             "procedure", "targets", "preparation", "followUp", "outcome", "extensions"]

    static func readPlan(_ root: Node, timeZone: TimeZone) -> Plan? {
        // Another version follows another contract: checking it against this one
        // would only bury the one useful message. The given value is not echoed.
        if case .object(let fields) = root.value, case .string(let schema)? = fields["schema"],
           schema != supportedSchema {
            root.log.report(root.path.appending("schema"),
                            "unsupported version; this program reads \"\(supportedSchema)\"")
            return nil
        }
        guard let r = root.object(keys: planFields) else { return nil }

        let schema = r.required("schema")?.string(.text)
        let planId = r.required("planId")?.string(.planId)
        let generatedAt = r.required("generatedAt")?.dateTime()
        let generator = r.required("generator").flatMap(readGenerator)
        let facility = r.required("facility").flatMap(readFacility)
        let procedureDay = procedureDay(root, timeZone: timeZone)
        let patient = r.required("patient").flatMap {
            readPatient($0, generatedOn: generatedAt?.localDate, procedureDay: procedureDay)
        }
        let procedure = r.required("procedure").flatMap { readProcedure($0, generatedAt: generatedAt?.timestamp) }
        let planned = r.required("targets").flatMap(readTargets)
        let preparation = r.required("preparation").flatMap(readPreparation)
        // Optional parts: `nil` here is "absent" or "invalid"; invalid ones are in the log.
        let followUp = r.optional("followUp").flatMap(readFollowUp) ?? []
        // Outcome ids are matched only against a complete list of planned ids; otherwise
        // a problem in `targets` would be reported a second time under `outcome`.
        let plannedIds = planned.flatMap { $0.ids.contains(nil) ? nil : $0.ids.compactMap { $0 } }
        let outcome = r.nullable("outcome").flatMap {
            readOutcome($0, plannedIds: plannedIds, generatedAt: generatedAt?.timestamp)
        }
        r.optional("extensions")?.anyObject()

        // `decode` returns the plan only if nothing at all was reported, so values built
        // around an invalid optional part never escape.
        guard let schema, let planId, let generatedAt, let generator, let facility, let patient, let procedure,
              let targets = planned?.targets, let preparation
        else { return nil }
        return Plan(schema: schema, planId: planId, generatedAt: generatedAt.timestamp, generator: generator,
                    facility: facility, patient: patient, procedure: procedure, targets: targets,
                    preparation: preparation, followUp: followUp, outcome: outcome)
    }

    /// The calendar date of `procedure.scheduledStart` on the facility's clock, read
    /// quietly (the field's own problems are reported where it is read), so that the
    /// patient's rules, read first, can use it.
    static func procedureDay(_ root: Node, timeZone: TimeZone) -> CalendarDate? {
        guard case .object(let fields) = root.value, case .object(let procedure)? = fields["procedure"],
              case .string(let text)? = procedure["scheduledStart"],
              case .success(let start) = RFC3339.dateTime(text)
        else { return nil }
        return PlanCalendar.localDate(start.timestamp, in: timeZone)
    }
}
