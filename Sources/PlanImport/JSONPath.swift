/// The location of a value inside the plan document, rendered as `a.b[2].c`.
struct JSONPath: Sendable, Equatable {
    enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    private(set) var components: [Component] = []

    static let root = JSONPath()

    func appending(_ component: Component) -> JSONPath {
        var copy = self
        copy.components.append(component)
        return copy
    }

    func appending(_ key: String) -> JSONPath { appending(.key(key)) }

    func appending(_ index: Int) -> JSONPath { appending(.index(index)) }

    /// `patient.birthDate`, `targets[1].id`; `""` for the root.
    ///
    /// Keys are known contract names except in "unknown field" and "duplicate field"
    /// issues. Such a key is shown as `.key` when it is a plain identifier, otherwise as
    /// `["…"]` with control characters escaped and the length capped, so that a key can
    /// never break the one-issue-per-line output.
    var rendered: String {
        var out = ""
        for component in components {
            switch component {
            case .index(let i):
                out += "[\(i)]"
            case .key(let key) where Self.isPlain(key):
                out += out.isEmpty ? key : "." + key
            case .key(let key):
                out += "[\"" + Self.escaped(key) + "\"]"
            }
        }
        return out
    }

    private static let maximumShownKeyLength = 64

    private static func isPlain(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= maximumShownKeyLength && key.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }

    private static func escaped(_ key: String) -> String {
        var out = ""
        for (n, scalar) in key.unicodeScalars.enumerated() {
            if n == maximumShownKeyLength {
                out += "…"
                break
            }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
