extension PlanDecoder {
    static let targetFields = ["id", "site", "level", "side", "lesion", "needles", "needleGauge",
                               "plannedCementMl", "approach"]

    /// What reading `targets` produced.
    struct PlannedTargets {
        /// The targets that could be built (all of them when no issue was reported).
        var targets: [Target]
        /// The id of each target, by index, where one could be read; `outcome.targets`
        /// is checked against these.
        var ids: [String?]
    }

    /// Reads `targets`: 1–8 targets with unique ids.
    static func readTargets(_ node: Node) -> PlannedTargets? {
        guard let elements = node.array(count: 1...8) else { return nil }
        var planned = PlannedTargets(targets: [], ids: [])
        var firstIndexOfId: [String: Int] = [:]
        for (index, element) in elements.enumerated() {
            let (target, id) = readTarget(element, index: index, firstIndexOfId: &firstIndexOfId)
            planned.ids.append(id)
            if let target { planned.targets.append(target) }
        }
        return planned
    }

    private static func readTarget(
        _ node: Node, index: Int, firstIndexOfId: inout [String: Int]
    ) -> (target: Target?, id: String?) {
        guard let r = node.object(keys: targetFields) else { return (nil, nil) }
        var id: String?
        if let idNode = r.required("id"), let readId = idNode.string(.text) {
            if let first = firstIndexOfId[readId] {
                idNode.report("duplicate id (already used by targets[\(first)])")
            } else {
                firstIndexOfId[readId] = index
            }
            id = readId
        }
        let site = r.required("site")?.code(Site.self)
        let level = readLevel(r, site: site)
        let side = r.required("side").flatMap { readSide($0, site: site) }
        let lesion = r.required("lesion")?.code(Lesion.self)
        let needles = r.required("needles")?.integer(in: 1...6)
        let needleGauge = r.required("needleGauge")?.integer(in: 8...15)
        let cement = r.required("plannedCementMl")?.tenths(in: 5...600, rounding: .exact)
        let approach = r.optional("approach")?.string(.note)
        guard let id, let site, let side, let lesion, let needles, let needleGauge, let cement
        else { return (nil, id) }
        let target = Target(id: id, site: site, level: level, side: side, lesion: lesion, needles: needles,
                            needleGauge: needleGauge, plannedCementTenthsMl: cement, approach: approach)
        return (target, id)
    }

    /// `level` is present exactly when `site` is `vertebra`. `nil` when absent or
    /// invalid (then reported).
    private static func readLevel(_ r: FieldReader, site: Site?) -> VertebralLevel? {
        guard let node = r.optional("level") else {
            if site == .vertebra { r.report("level", "required when site is \"vertebra\"") }
            return nil
        }
        guard case .string(let code) = node.value else {
            node.report("must be a string")
            return nil
        }
        guard let level = VertebralLevel(code) else {
            node.report("must be one of C1–C7, T1–T12, L1–L5")
            return nil
        }
        if let site, site != .vertebra {
            node.report("only allowed when site is \"vertebra\"")
            return nil
        }
        return level
    }

    private static func readSide(_ node: Node, site: Site?) -> Side? {
        guard let side = node.code(Side.self) else { return nil }
        if side == .midline, let site, !site.allowsMidline {
            node.report("\"midline\" is only allowed for sacrum, vertebra, sternum")
            return nil
        }
        return side
    }
}
