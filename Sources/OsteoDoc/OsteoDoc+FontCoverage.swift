import Foundation
import PlanImport
import Typesetting

/// Font coverage of the plan's free-text values (issue 14 item 6): a name in Chinese,
/// Hebrew, Bengali, … prints with a fallback font, and a value with a character that
/// no installed font has is refused before layout, naming the field and never the
/// characters.
extension OsteoDoc {
    /// The field paths (`patient.familyName`, `targets[1].approach`, …) of the plan's
    /// printed text values that contain a character none of the PDF fonts can print,
    /// in the plan's order; empty when everything is covered.
    /// - Throws: `OsteoDocError.typesetting` when the fonts cannot be loaded.
    public func uncoveredFields(_ plan: Plan) throws -> [String] {
        let fonts: Typesetting.FontLibrary
        do { fonts = try pdfPipeline().fonts } catch let e as OsteoDocError { throw e } catch {
            throw OsteoDocError.typesetting(String(describing: error))
        }
        return Self.printedTextFields(plan).filter { !fonts.covers($0.value) }.map(\.path)
    }

    /// The same question without an engine (for `osteodoc plan check`): loads the fonts
    /// of `fontDirectory` once for the answer.
    public static func uncoveredFields(_ plan: Plan, fontDirectory: String = OsteoDoc.defaultFontDirectory) throws -> [String] {
        let fonts: Typesetting.FontLibrary
        do { fonts = try Typesetting.FontLibrary(directory: fontDirectory) } catch {
            throw OsteoDocError.typesetting(String(describing: error))
        }
        return printedTextFields(plan).filter { !fonts.covers($0.value) }.map(\.path)
    }

    /// Throws an error naming every field that no font covers (called before any PDF layout).
    func checkFontCoverage(_ plan: Plan) throws {
        let fields = try uncoveredFields(plan)
        guard !fields.isEmpty else { return }
        throw OsteoDocError.typesetting(fields.map { "\($0): has characters that no installed font can print" }
            .joined(separator: "\n"))
    }

    /// Every free-text value of the plan that a document prints, with its path.
    static func printedTextFields(_ plan: Plan) -> [(path: String, value: String)] {
        var fields: [(String, String)] = [
            ("planId", plan.planId), ("generator.name", plan.generator.name), ("generator.version", plan.generator.version),
            ("facility.name", plan.facility.name), ("facility.department", plan.facility.department),
            ("facility.phone", plan.facility.phone), ("facility.emergencyNumber", plan.facility.emergencyNumber),
            ("patient.mrn", plan.patient.mrn), ("patient.givenName", plan.patient.givenName),
            ("patient.familyName", plan.patient.familyName),
        ]
        if let address = plan.facility.address { fields.append(("facility.address", address)) }
        if let code = plan.patient.fiscalCode { fields.append(("patient.fiscalCode", code)) }
        if let representative = plan.patient.legalRepresentative {
            fields.append(("patient.legalRepresentative.name", representative.name))
        }
        fields.append(("procedure.operator.name", plan.procedure.operator.name))
        fields.append(("procedure.operator.title", plan.procedure.operator.title))
        for (i, target) in plan.targets.enumerated() {
            if let approach = target.approach { fields.append(("targets[\(i)].approach", approach)) }
        }
        for (i, drug) in plan.preparation.anticoagulants.enumerated() {
            fields.append(("preparation.anticoagulants[\(i)].drug", drug.drug))
        }
        for (i, followUp) in plan.followUp.enumerated() { fields.append(("followUp[\(i)].with", followUp.with)) }
        if let analgesia = plan.outcome?.analgesia { fields.append(("outcome.analgesia", analgesia)) }
        return fields
    }
}
