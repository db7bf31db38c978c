extension PlanDecoder {
    static let generatorFields = ["name", "version"]
    static let facilityFields = ["name", "department", "phone", "emergencyNumber", "address"]

    static func readGenerator(_ node: Node) -> Generator? {
        guard let r = node.object(keys: generatorFields) else { return nil }
        let name = r.required("name")?.string(.text)
        let version = r.required("version")?.string(.text)
        guard let name, let version else { return nil }
        return Generator(name: name, version: version)
    }

    static func readFacility(_ node: Node) -> Facility? {
        guard let r = node.object(keys: facilityFields) else { return nil }
        let name = r.required("name")?.string(.text)
        let department = r.required("department")?.string(.text)
        let phone = r.required("phone")?.string(.phone)
        let emergencyNumber = r.required("emergencyNumber")?.string(.emergencyNumber)
        let address = r.optional("address")?.string(.text)
        guard let name, let department, let phone, let emergencyNumber else { return nil }
        return Facility(name: name, department: department, phone: phone,
                        emergencyNumber: emergencyNumber, address: address)
    }
}
