// Checks that a prose unit keeps to what the pipeline accepts: CommonMark paragraphs, ##/###
// headings, "-" and "1." lists, **bold** and *italic*; no raw HTML, tables, links, images or code;
// and only the Mustache tags the view model provides. The allowed tags are the caller's to give
// (they belong to the view model, not to this module).

public enum ProseLint {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Problems of one prose unit's text; empty when it is fine.
    /// - allowedValues: names usable as `{{name}}` ("facility.phone").
    /// - allowedSections: names usable as `{{#name}}`/`{{^name}}` ("is.sedation").
    public static func check(_ text: String, allowedValues: Set<String>, allowedSections: Set<String>) -> [Problem] {
        var problems: [Problem] = []
        func report(_ line: Int, _ message: String) { problems.append(Problem(line: line, message: message)) }

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.hasPrefix("## "), !first.dropFirst(3).trimmingWhiteSpace().isEmpty {
            // the unit's one title
        } else {
            report(1, "the first line must be a \"## Heading\"")
        }

        var previousHadText = false
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            let line = raw.trimmingWhiteSpace()
            if offset > 0, let marks = headingLevel(line), marks != 3 {
                report(number, marks == 2 ? "a second \"##\" heading: a unit has one, on its first line"
                                          : "only \"###\" headings may follow the unit's \"##\" title")
            }
            if raw.hasPrefix("    ") || raw.hasPrefix("\t"), !previousHadText, MarkdownLine.listItemText(line) == nil {
                report(number, "indented line would become a code block")
            }
            if line.hasPrefix(">") { report(number, "block quotes are not allowed") }
            if let marker = line.first, "*+".contains(marker), MarkdownLine.listItemText(line) != nil {
                report(number, "bullet lists use \"-\"")
            }
            if MarkdownLine.listItemText(line) != nil, line.first?.isNumber == true,
               line.drop(while: \.isNumber).first == ")" {
                report(number, "numbered lists use \"1.\"")
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") || raw.contains("`") { report(number, "code is not allowed") }
            if line.hasPrefix("|") || (line.contains("|") && line.contains("---")) { report(number, "tables are not allowed") }
            if isUnderline(line) { report(number, "\"---\"/\"===\" lines (rules or underlined headings) are not allowed") }
            if raw.contains("](") || raw.contains("![") || raw.contains("][") || (line.hasPrefix("[") && line.contains("]:")) {
                report(number, "links and images are not allowed")
            }
            if let html = rawHTML(raw) { report(number, "raw HTML is not allowed: \(html)") }
            previousHadText = !MustacheTag.strip(line).trimmingWhiteSpace().isEmpty
        }

        var open: [MustacheTag] = []
        for tag in MustacheTag.scan(text) {
            switch tag.kind {
            case .value:
                if !allowedValues.contains(tag.name) { report(tag.line, "unknown value tag \(tag.raw)") }
            case .section, .invertedSection:
                if !allowedSections.contains(tag.name) { report(tag.line, "unknown section tag \(tag.raw)") }
                open.append(tag)
            case .close:
                if let last = open.last, last.name == tag.name {
                    open.removeLast()
                } else {
                    report(tag.line, "\(tag.raw) does not close " + (open.last.map { "\($0.raw) of line \($0.line)" } ?? "any section"))
                }
            case .other:
                report(tag.line, "tag not allowed: \(tag.raw)")
            case .unterminated:
                report(tag.line, "unterminated tag: \(tag.raw)")
            }
        }
        for tag in open { report(tag.line, "\(tag.raw) is never closed") }
        return problems
    }

    /// Number of "#" of an ATX heading line, nil when the line is not one.
    private static func headingLevel(_ line: Substring) -> Int? {
        MarkdownLine.headingText(line) == nil ? nil : line.prefix { $0 == "#" }.count
    }

    private static func isUnderline(_ line: Substring) -> Bool {
        let compact = line.filter { $0 != " " }
        guard compact.count >= 2, let first = compact.first, "=-*_".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }

    /// The first "<" that starts an HTML tag, comment or autolink ("<b", "</", "<!", "<?").
    private static func rawHTML(_ line: Substring) -> String? {
        var i = line.startIndex
        while let lt = line[i...].firstIndex(of: "<") {
            let next = line.index(after: lt)
            if next < line.endIndex, line[next].isLetter || "/!?".contains(line[next]) {
                return String(line[lt...].prefix(12))
            }
            i = next
        }
        return nil
    }
}
