extension PlanDecoder {
    static let outcomeFields = ["performedStart", "performedEnd", "targets", "complications",
                                "dischargeAt", "analgesia"]
    static let targetOutcomeFields = ["id", "treated", "cementMl", "leakage"]

    /// - Parameter plannedIds: the id of every planned target, by index; `nil` when
    ///   some could not be read, and then outcome ids are not matched.
    ///   `generatedAt`: when the plan was made; the procedure cannot have started before it.
    static func readOutcome(_ node: Node, plannedIds: [String]?, generatedAt: Timestamp?) -> Outcome? {
        guard let r = node.object(keys: outcomeFields) else { return nil }
        let start = r.required("performedStart").flatMap { readTime($0, notBefore: generatedAt, named: "generatedAt") }
        let end = r.required("performedEnd").flatMap { readTime($0, after: start, named: "performedStart") }
        let targets = r.required("targets").flatMap { readTargetOutcomes($0, plannedIds: plannedIds) }
        let complications = r.required("complications")?.codes(Complication.self)
        let discharge = r.required("dischargeAt").flatMap { readTime($0, after: end, named: "performedEnd") }
        let analgesia = r.optional("analgesia")?.string(.note)
        guard let start, let end, let targets, let complications, let discharge else { return nil }
        return Outcome(performedStart: start, performedEnd: end, targets: targets,
                       complications: complications, dischargeAt: discharge, analgesia: analgesia)
    }

    /// A date-time not before `earlier` (a top-level field), when that one is valid.
    private static func readTime(_ node: Node, notBefore earlier: Timestamp?, named name: String) -> Timestamp? {
        guard let time = node.dateTime()?.timestamp else { return nil }
        if let earlier, time.date < earlier.date {
            node.report("must not be before \(name)")
            return nil
        }
        return time
    }

    /// A date-time strictly after `earlier` (a sibling field), when that one is valid.
    private static func readTime(_ node: Node, after earlier: Timestamp?, named name: String) -> Timestamp? {
        guard let time = node.dateTime()?.timestamp else { return nil }
        if let earlier, time.date <= earlier.date {
            node.report("must be after outcome.\(name)")
            return nil
        }
        return time
    }

    /// One outcome per planned target: ids from the plan, none twice, none missing.
    private static func readTargetOutcomes(_ node: Node, plannedIds: [String]?) -> [TargetOutcome]? {
        guard let elements = node.array() else { return nil }
        // First index of each planned id (a repeated planned id is reported under `targets`).
        let plannedIndexById = plannedIds.map { ids in
            Dictionary(ids.enumerated().map { ($1, $0) }) { first, _ in first }
        }
        var outcomes: [TargetOutcome] = []
        var firstIndexOfId: [String: Int] = [:]
        for (index, element) in elements.enumerated() {
            guard let r = element.object(keys: targetOutcomeFields) else { continue }
            var id: String?
            if let idNode = r.required("id"), let readId = idNode.string(.text) {
                if let first = firstIndexOfId[readId] {
                    idNode.report("duplicate outcome for the same target (see outcome.targets[\(first)])")
                } else if let plannedIndexById, plannedIndexById[readId] == nil {
                    idNode.report("must be the id of a planned target")
                } else {
                    firstIndexOfId[readId] = index
                    id = readId
                }
            }
            let treated = r.required("treated")?.bool()
            let cement = r.required("cementMl")?.tenths(in: 0...600, rounding: .halfUp)
            let leakage = r.required("leakage")?.code(Leakage.self)
            if let id, let treated, let cement, let leakage {
                outcomes.append(TargetOutcome(id: id, treated: treated, cementTenthsMl: cement, leakage: leakage))
            }
        }
        for (index, id) in (plannedIds ?? []).enumerated() {
            if firstIndexOfId[id] == nil, plannedIndexById?[id] == index {
                node.report("no outcome for targets[\(index)]")
            }
        }
        return outcomes
    }
}
