import Foundation
import OsteoDoc

/// Errors as `{path, rule}` objects for integrators (`--json`): `path` is the JSON path of the
/// plan field (`targets[1].side`), the command-line option (`--lang`, `--out`), or "" for the
/// input as a whole; `rule` is the message without the path. Never patient data.
enum ErrorReport {
    struct Item: Equatable { var path: String; var rule: String }

    static func items(_ error: Error) -> [Item] {
        switch error {
        case let e as OsteoDocError:
            if !e.issues.isEmpty { return e.issues.map { Item(path: $0.path, rule: $0.message) } }
            switch e {
            case .input(.unavailableLanguage), .content(.incompleteTranslation): return [Item(path: "--lang", rule: e.description)]
            case .input(.unsupportedFormat): return [Item(path: "--out", rule: e.description)]
            default: return [Item(path: "", rule: e.description)]
            }
        default:
            let text = String(describing: error)
            // "--plan: cannot read x" → path "--plan".
            if text.hasPrefix("--"), let colon = text.firstIndex(of: ":"), !text[..<colon].contains(" ") {
                return [Item(path: String(text[..<colon]),
                             rule: text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces))]
            }
            return [Item(path: "", rule: text)]
        }
    }

    /// `{"errors":[{"path":"…","rule":"…"},…]}` with sorted keys, one line.
    static func json(_ items: [Item]) -> String {
        let objects = items.map { ["path": $0.path, "rule": $0.rule] }
        let data = (try? JSONSerialization.data(withJSONObject: ["errors": objects], options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
