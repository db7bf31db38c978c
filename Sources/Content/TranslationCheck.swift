import Foundation

/// A problem found in a translation, with the file and line a translator should open.
public struct TranslationProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// `osteodoc locales check`: compares each translation with the Italian source for what would
/// break a document — placeholders and template tags, section structure, broken Markdown.
/// (PO syntax errors stop the repository from loading and are reported with file and line there.)
public enum TranslationCheck {
    public static func check(_ repository: ContentRepository, tag: String) -> [TranslationProblem] {
        guard let source = repository.locale(repository.sourceTag), let target = repository.locale(tag) else { return [] }
        var problems: [TranslationProblem] = []
        for (id, unit) in target.prose.sorted(by: { $0.key < $1.key }) {
            guard let original = source.prose[id] else {
                problems.append(TranslationProblem(file: unit.path, line: 1, message: "no Italian unit \"\(id)\": extra file"))
                continue
            }
            problems += compareTags(original, unit)
            problems += compareHeadings(original, unit)
            problems += markdownProblems(unit)
        }
        for entry in target.strings.entries {
            guard let key = entry.context, let original = source.strings.entry(context: key) else {
                problems.append(TranslationProblem(file: entry.file, line: entry.line,
                                                   message: "msgctxt \"\(entry.context ?? "")\" is not in the Italian catalog"))
                continue
            }
            let expected = placeholders(original.id)
            for (i, text) in entry.strings.enumerated() where !text.isEmpty {
                let found = placeholders(text)
                if found != expected {
                    let form = entry.strings.count > 1 ? "msgstr[\(i)]" : "msgstr"
                    problems.append(TranslationProblem(
                        file: entry.file, line: entry.line,
                        message: "\(key): \(form) has placeholders \(found.joined(separator: " ")) but the Italian has \(expected.joined(separator: " "))"))
                }
            }
            if (original.idPlural == nil) != (entry.idPlural == nil) {
                problems.append(TranslationProblem(file: entry.file, line: entry.line, message: "\(key): plural form differs from the Italian"))
            }
        }
        return problems
    }

    /// `{name}` placeholders of a catalog string, sorted.
    static func placeholders(_ text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "-" }) { result.append("{\(name)}") }
            rest = rest[rest.index(after: close)...]
        }
        return result.sorted()
    }

    private static func compareTags(_ original: ProseUnit, _ unit: ProseUnit) -> [TranslationProblem] {
        let a = MustacheTag.scan(original.text), b = MustacheTag.scan(unit.text)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i].raw : nil, y = i < b.count ? b[i].raw : nil
            if x != y {
                let line = (i < b.count ? b[i].line : (b.last?.line ?? 1)) + unit.firstLine - 1
                return [TranslationProblem(file: unit.path, line: line,
                                           message: "template tag \(y ?? "(none)") where the Italian has \(x ?? "(none)") (tag \(i + 1))")]
            }
        }
        return []
    }

    /// Heading levels in order, with their lines.
    static func headings(_ text: String) -> [(level: Int, line: Int)] {
        var result: [(Int, Int)] = []
        var inFence = false
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            guard !inFence, line.hasPrefix("#") else { continue }
            let level = line.prefix(while: { $0 == "#" }).count
            if level <= 6, line.dropFirst(level).first == " " { result.append((level, n + 1)) }
        }
        return result
    }

    private static func compareHeadings(_ original: ProseUnit, _ unit: ProseUnit) -> [TranslationProblem] {
        let a = headings(original.text), b = headings(unit.text)
        if a.map(\.level) == b.map(\.level) { return [] }
        let i = Array(zip(a, b)).firstIndex { $0.0.level != $0.1.level } ?? min(a.count, b.count)
        let line = (i < b.count ? b[i].line : 1) + unit.firstLine - 1
        return [TranslationProblem(file: unit.path, line: line,
                                   message: "section structure differs: \(b.count) headings (levels \(b.map { String($0.level) }.joined(separator: ","))) where the Italian has \(a.count) (levels \(a.map { String($0.level) }.joined(separator: ",")))")]
    }

    /// Raw HTML, and `**` left open within a paragraph.
    static func markdownProblems(_ unit: ProseUnit) -> [TranslationProblem] {
        var problems: [TranslationProblem] = []
        var paragraphStart = 1
        var strongCount = 0
        func close(_ line: Int) {
            if strongCount % 2 == 1 {
                problems.append(TranslationProblem(file: unit.path, line: paragraphStart + unit.firstLine - 1,
                                                   message: "unclosed bold (**) in this paragraph"))
            }
            strongCount = 0
            paragraphStart = line + 1
        }
        let lines = unit.text.split(separator: "\n", omittingEmptySubsequences: false)
        for (n, line) in lines.enumerated() {
            let number = n + 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("- ") || line.hasPrefix("#") {
                close(number - 1)
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            }
            strongCount += line.components(separatedBy: "**").count - 1
            var previous: Character = " "
            for ch in line {
                if previous == "<", ch.isLetter || ch == "/" || ch == "!" {
                    problems.append(TranslationProblem(file: unit.path, line: number + unit.firstLine - 1,
                                                       message: "raw HTML is not allowed"))
                    break
                }
                previous = ch
            }
        }
        close(lines.count)
        return problems
    }
}
