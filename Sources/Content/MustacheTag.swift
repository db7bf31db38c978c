// Finding Mustache tags in prose units (https://mustache.github.io/mustache.5.html).
// Content does not render templates (Templating does); it only needs to see the tags, to check
// them (ProseLint) and to remove them before measuring readability.

/// One `{{…}}` tag of a prose unit.
public struct MustacheTag: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case value            // {{name}}
        case section          // {{#name}}
        case invertedSection  // {{^name}}
        case close            // {{/name}}
        case other            // {{{name}}}, {{&name}}, {{!comment}}, {{>partial}}, {{=<% %>=}}
        case unterminated     // "{{" with no "}}" on the same line
    }
    public var kind: Kind
    /// The name, trimmed, without sigil: "is.sedation", "facility.phone".
    public var name: String
    /// The tag as written.
    public var raw: String
    /// 1-based line.
    public var line: Int

    /// All tags of `text`, in order.
    public static func scan(_ text: String) -> [MustacheTag] {
        var tags: [MustacheTag] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let triple = rest[open.upperBound...].hasPrefix("{")
                let closer = triple ? "}}}" : "}}"
                guard let close = rest[open.upperBound...].range(of: closer) else {
                    tags.append(MustacheTag(kind: .unterminated, name: "", raw: String(rest[open.lowerBound...]), line: offset + 1))
                    break
                }
                let raw = String(rest[open.lowerBound..<close.upperBound])
                var inner = rest[open.upperBound..<close.lowerBound]
                let kind: Kind
                switch triple ? "{" : inner.first {
                case "#": kind = .section; inner = inner.dropFirst()
                case "^": kind = .invertedSection; inner = inner.dropFirst()
                case "/": kind = .close; inner = inner.dropFirst()
                case "{", "&", "!", ">", "=", "<", "$": kind = .other
                default: kind = .value
                }
                if triple { inner = inner.dropFirst() }
                tags.append(MustacheTag(kind: kind, name: String(inner.trimmingWhiteSpace()), raw: raw, line: offset + 1))
                rest = rest[close.upperBound...]
            }
        }
        return tags
    }

    /// `text` with every tag removed.
    static func strip(_ line: Substring) -> Substring {
        guard line.contains("{{") else { return line }
        var out = ""
        var rest = line
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            let closer = rest[open.upperBound...].hasPrefix("{") ? "}}}" : "}}"
            guard let close = rest[open.upperBound...].range(of: closer) else { return Substring(out) }
            rest = rest[close.upperBound...]
        }
        out += rest
        return Substring(out)
    }
}
