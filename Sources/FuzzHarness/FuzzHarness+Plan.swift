import Foundation
import OsteoDoc
import PlanImport
import Templating

extension FuzzHarness {
    /// Bytes → `PlanDecoder.decode`: a plan, or a non-empty list of one-line issues.
    public static func planDecode(_ bytes: UnsafeRawBufferPointer) -> String? {
        do {
            _ = try PlanDecoder.decode(Data(bytes))
        } catch {
            if error.issues.isEmpty { return "refused without an issue" }
            for issue in error.issues where issue.message.contains("\n") || issue.path.contains("\n") {
                return "an issue spans lines: \(issue.path)"
            }
        }
        return nil
    }

    /// Bytes → plan; a plan that passes the check must render: both kinds (the discharge
    /// sheet when there is an outcome), HTML and PDF, in Italian and in the patient's own
    /// language when osteodoc ships it. Any error after the check is a finding.
    public static func pipeline(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard let plan = try? PlanDecoder.decode(Data(bytes)) else { return nil }
        var languages = ["it"]
        if let own = try? engine.resolveLanguage(nil, plan: plan), own != "it" { languages.append(own) }
        return renderEverywhere(plan, languages: languages)
    }

    /// Renders every document kind the plan allows in `languages`, HTML and PDF; `nil` when
    /// all succeed with a non-empty document (also the property test's oracle).
    public static func renderEverywhere(_ plan: Plan, languages: [String], formats: [OutputFormat] = [.html, .pdf]) -> String? {
        let kinds: [DocumentKind] = plan.outcome == nil ? [.consent] : [.consent, .discharge]
        for kind in kinds {
            for language in languages {
                for format in formats {
                    do {
                        let bytes = try engine.render(kind, plan: plan, language: language, format: format)
                        if bytes.isEmpty { return "empty \(kind) \(language) \(format)" }
                    } catch {
                        return "a valid plan failed to render (\(kind) \(language) \(format)): \(error)"
                    }
                }
            }
        }
        return nil
    }
}
