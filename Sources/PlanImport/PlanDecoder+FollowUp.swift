extension PlanDecoder {
    static let followUpFields = ["kind", "afterDays", "with"]

    static func readFollowUp(_ node: Node) -> [FollowUp]? {
        node.array()?.compactMap(readFollowUpItem)
    }

    private static func readFollowUpItem(_ node: Node) -> FollowUp? {
        guard let r = node.object(keys: followUpFields) else { return nil }
        let kind = r.required("kind")?.code(FollowUp.Kind.self)
        let afterDays = r.required("afterDays")?.integer(in: 1...365)
        let with = r.required("with")?.string(.text)
        guard let kind, let afterDays, let with else { return nil }
        return FollowUp(kind: kind, afterDays: afterDays, with: with)
    }
}
