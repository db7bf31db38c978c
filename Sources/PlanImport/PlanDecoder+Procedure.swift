extension PlanDecoder {
    static let procedureFields = ["type", "indication", "scheduledStart", "expectedDurationMinutes", "setting",
                                  "anaesthesia", "guidance", "operator", "combinedWithAblation"]
    static let operatorFields = ["name", "title"]

    /// - Parameter generatedAt: when the plan was made; the procedure cannot be scheduled before it.
    static func readProcedure(_ node: Node, generatedAt: Timestamp?) -> Procedure? {
        guard let r = node.object(keys: procedureFields) else { return nil }
        let type = r.required("type")?.code(ProcedureType.self)
        let indication = r.required("indication")?.code(Indication.self)
        var scheduledStart = r.required("scheduledStart")?.dateTime()
        if let start = scheduledStart, let generatedAt, start.timestamp.date < generatedAt.date {
            r.report("scheduledStart", "must not be before generatedAt")
            scheduledStart = nil
        }
        let duration = r.required("expectedDurationMinutes")?.integer(in: 15...360)
        let setting = r.required("setting")?.code(Setting.self)
        let anaesthesia = r.required("anaesthesia")?.code(Anaesthesia.self)
        let guidance = r.required("guidance")?.codes(Guidance.self, count: 1...Int.max)
        let `operator` = r.required("operator").flatMap(readOperator)
        let ablation = r.nullable("combinedWithAblation")?.code(Ablation.self)
        guard let type, let indication, let scheduledStart, let duration, let setting, let anaesthesia,
              let guidance, let `operator`
        else { return nil }
        return Procedure(type: type, indication: indication, scheduledStart: scheduledStart.timestamp,
                         expectedDurationMinutes: duration, setting: setting, anaesthesia: anaesthesia,
                         guidance: guidance, operator: `operator`, combinedWithAblation: ablation)
    }

    static func readOperator(_ node: Node) -> Operator? {
        guard let r = node.object(keys: operatorFields) else { return nil }
        let name = r.required("name")?.string(.text)
        let title = r.required("title")?.string(.text)
        guard let name, let title else { return nil }
        return Operator(name: name, title: title)
    }
}
