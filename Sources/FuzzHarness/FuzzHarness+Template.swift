import DocumentModel
import Foundation
import Markdown
import OsteoDoc
import PlanImport
import Templating

extension FuzzHarness {
    /// Template expansion with hostile values: the example plan's free-text fields are
    /// replaced by strings from the input (as the validator lets them through: no control
    /// characters, something visible). Promises: the document tree has the same shape as
    /// with harmless values, and in a left-to-right document the facility's name is in the
    /// tree's text exactly as given (nothing in it is expanded, re-scanned or dropped).
    public static func template(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard bytes.count >= 2 else { return nil }
        let language = languages[Int(bytes[0]) % languages.count]
        let kind: DocumentKind = bytes[1] % 2 == 0 ? .consent : .discharge
        let values = strings(UnsafeRawBufferPointer(rebasing: bytes[2...]), count: 9).map(HostileValues.admissible)
        do {
            let tree = try MarkdownReader.read(try engine.markdown(kind, plan: HostileValues.plan(values), language: language))
            let reference = try MarkdownReader.read(
                try engine.markdown(kind, plan: HostileValues.plan(Array(repeating: "x", count: 9)), language: language))
            if Skeleton.of(tree) != Skeleton.of(reference) {
                return "a value changed the document's structure (\(kind) \(language))"
            }
            if engine.content.locale(language)?.direction != .rightToLeft {
                let text = HostileValues.collapsed(Skeleton.text(tree))
                if !text.contains(HostileValues.collapsed(values[0])) {
                    return "the facility name is not printed as given (\(kind) \(language))"
                }
            }
        } catch {
            return "expansion failed (\(kind) \(language)): \(error)"
        }
        return nil
    }
}

enum HostileValues {
    /// What the contract's free-text rule lets through: control characters and line
    /// separators removed, at most 200 scalars, a value without a visible character replaced.
    static func admissible(_ s: String) -> String {
        var scalars = String.UnicodeScalarView()
        for u in s.unicodeScalars.prefix(200)
        where u.properties.generalCategory != .control && u != "\u{2028}" && u != "\u{2029}" {
            scalars.append(u)
        }
        let value = String(scalars)
        let visible = value.unicodeScalars.contains { u in
            let p = u.properties
            switch p.generalCategory {
            case .spaceSeparator, .format, .nonspacingMark, .spacingMark, .enclosingMark, .unassigned, .surrogate: return false
            default: return !p.isWhitespace && !p.isDefaultIgnorableCodePoint && u != "\u{2800}"
            }
        }
        return visible ? value : "x"
    }

    /// Runs of spaces collapsed, ends trimmed (CommonMark trims the ends of lines and cells).
    static func collapsed(_ s: String) -> String {
        s.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    static func plan(_ v: [String]) -> Plan {
        var plan = FuzzHarness.examplePlan
        plan.facility.name = v[0]
        plan.facility.department = v[1]
        plan.facility.address = v[2]
        plan.procedure.operator = Operator(name: v[3], title: v[4])
        plan.targets[0].approach = v[5]
        if !plan.preparation.anticoagulants.isEmpty { plan.preparation.anticoagulants[0].drug = v[6] }
        if !plan.followUp.isEmpty { plan.followUp[0].with = v[7] }
        plan.outcome?.analgesia = v[8]
        return plan
    }
}
