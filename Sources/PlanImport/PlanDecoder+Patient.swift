extension PlanDecoder {
    static let patientFields = ["mrn", "givenName", "familyName", "birthDate", "sex", "fiscalCode",
                                "language", "interpreterRequired", "legalRepresentative"]
    static let legalRepresentativeFields = ["name", "role"]

    /// Earliest accepted birth date.
    static let earliestBirthDate = CalendarDate(year: 1900, month: 1, day: 1)

    /// - Parameter generatedOn: the local date of the plan's `generatedAt`, which
    ///   stands in for "today" (the wall clock is never read); `nil` if invalid.
    /// Age from which a patient signs for themselves (Italian civil code, art. 2).
    static let ageOfMajority = 18

    /// - Parameter procedureDay: the date of the procedure on the facility's clock, on
    ///   which a minor needs a legal representative; `nil` if invalid.
    static func readPatient(_ node: Node, generatedOn: CalendarDate?, procedureDay: CalendarDate?) -> Patient? {
        guard let r = node.object(keys: patientFields) else { return nil }
        let mrn = r.required("mrn")?.string(.recordNumber)
        let givenName = r.required("givenName")?.string(.personName)
        let familyName = r.required("familyName")?.string(.personName)
        let birthDate = r.required("birthDate").flatMap { readBirthDate($0, generatedOn: generatedOn) }
        let sex = r.required("sex")?.code(Sex.self)
        let fiscalCode = r.optional("fiscalCode")?.string(.fiscalCode)
        let language = r.required("language")?.string(.languageTag)
        let interpreterRequired = r.required("interpreterRequired")?.bool()
        let representativeNode = r.nullable("legalRepresentative")
        let legalRepresentative = representativeNode.flatMap(readLegalRepresentative)
        if let birthDate, let procedureDay, representativeNode == nil,
           PlanCalendar.age(born: birthDate, on: procedureDay) < ageOfMajority {
            // A minor cannot consent alone: the form needs the representative's signature.
            r.report("legalRepresentative",
                     "required: the patient is under \(ageOfMajority) on the day of procedure.scheduledStart")
        }
        guard let mrn, let givenName, let familyName, let birthDate, let sex, let language,
              let interpreterRequired
        else { return nil }
        return Patient(mrn: mrn, givenName: givenName, familyName: familyName, birthDate: birthDate, sex: sex,
                       fiscalCode: fiscalCode, language: language, interpreterRequired: interpreterRequired,
                       legalRepresentative: legalRepresentative)
    }

    private static func readBirthDate(_ node: Node, generatedOn: CalendarDate?) -> CalendarDate? {
        guard let date = node.date() else { return nil }
        if date < earliestBirthDate {
            node.report("must not be before 1900-01-01")
            return nil
        }
        if let generatedOn, generatedOn < date {
            node.report("must not be after the date of generatedAt")
            return nil
        }
        return date
    }

    static func readLegalRepresentative(_ node: Node) -> LegalRepresentative? {
        guard let r = node.object(keys: legalRepresentativeFields) else { return nil }
        let name = r.required("name")?.string(.text)
        let role = r.required("role")?.code(LegalRepresentative.Role.self)
        guard let name, let role else { return nil }
        return LegalRepresentative(name: name, role: role)
    }
}
