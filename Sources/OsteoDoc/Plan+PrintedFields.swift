import PlanImport

extension Plan {
    /// Every free-text value of the plan that a document prints, with its JSON path
    /// (codes and numbers are printed through the catalogs, so they always have glyphs).
    var printedFields: [(path: String, value: String)] {
        var fields: [(path: String, value: String)] = [
            ("planId", planId), ("generator.name", generator.name), ("generator.version", generator.version),
            ("facility.name", facility.name), ("facility.department", facility.department),
            ("facility.phone", facility.phone), ("facility.emergencyNumber", facility.emergencyNumber),
            ("patient.mrn", patient.mrn), ("patient.givenName", patient.givenName),
            ("patient.familyName", patient.familyName),
            ("procedure.operator.name", procedure.operator.name), ("procedure.operator.title", procedure.operator.title),
        ]
        if let address = facility.address { fields.append(("facility.address", address)) }
        if let code = patient.fiscalCode { fields.append(("patient.fiscalCode", code)) }
        if let representative = patient.legalRepresentative { fields.append(("patient.legalRepresentative.name", representative.name)) }
        for (i, target) in targets.enumerated() {
            if let approach = target.approach { fields.append(("targets[\(i)].approach", approach)) }
        }
        for (i, drug) in preparation.anticoagulants.enumerated() {
            fields.append(("preparation.anticoagulants[\(i)].drug", drug.drug))
        }
        for (i, followUp) in followUp.enumerated() { fields.append(("followUp[\(i)].with", followUp.with)) }
        if let analgesia = outcome?.analgesia { fields.append(("outcome.analgesia", analgesia)) }
        return fields
    }
}
