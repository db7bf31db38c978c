extension PlanDecoder {
    static let preparationFields = ["fastingHours", "anticoagulants", "allergies", "labTests"]
    static let anticoagulantFields = ["drug", "stopDaysBefore", "resume"]

    static func readPreparation(_ node: Node) -> Preparation? {
        guard let r = node.object(keys: preparationFields) else { return nil }
        let fastingHours = r.required("fastingHours")?.integer(in: 0...12)
        let anticoagulants = r.required("anticoagulants")?.array()?.compactMap(readAnticoagulant)
        let allergies = r.required("allergies")?.codes(Allergy.self)
        let labTests = r.required("labTests")?.codes(LabTest.self)
        guard let fastingHours, let anticoagulants, let allergies, let labTests else { return nil }
        return Preparation(fastingHours: fastingHours, anticoagulants: anticoagulants,
                           allergies: allergies, labTests: labTests)
    }

    static func readAnticoagulant(_ node: Node) -> Anticoagulant? {
        guard let r = node.object(keys: anticoagulantFields) else { return nil }
        let drug = r.required("drug")?.string(.text)
        let stopDaysBefore = r.required("stopDaysBefore")?.integer(in: 0...14)
        let resume = r.required("resume")?.code(Anticoagulant.Resume.self)
        guard let drug, let stopDaysBefore, let resume else { return nil }
        return Anticoagulant(drug: drug, stopDaysBefore: stopDaysBefore, resume: resume)
    }
}
