import BodyDiagram
import DocumentModel

/// Reads expanded CommonMark (from the templates) into the document tree.
///
/// Plain CommonMark covers headings, paragraphs, lists, emphasis and block quotes
/// (which become callouts). Forms need more than CommonMark has, so a few fenced
/// code blocks act as directives; their bodies are split into lines and cells by
/// this reader and every cell is parsed again as CommonMark inline content:
///
/// - ```` ```fields ````: one `key | value` row per line (a table with row headers);
/// - ```` ```table ````: first line header cells, then one row per line, cells split by `|`;
/// - ```` ```checklist ````: one statement per line, each with a box to tick;
/// - ```` ```signature ````: first line the caption, second line the field labels split by `|`;
/// - ```` ```lines N ````: N empty ruled lines for handwriting;
/// - ```` ```small ````: one paragraph in small type (its lines joined by spaces);
/// - ```` ```body-diagram ````: the skeleton with numbered targets: a line
///   `labels | right | left | front | back`, a line `caption | text`, then one
///   `number | site | side | level` line per target, with the plan contract's codes
///   (the level only for vertebrae).
///
/// Cells are split at unescaped `|` only, so values escaped by the templating
/// stage (`\|`) never open a new cell; values never contain line breaks.
public enum MarkdownReader {
    /// Parses a Markdown document into blocks; headings get sequential ids `s1`, `s2`, ….
    public static func read(_ markdown: String) throws -> [Block] {
        var headingCount = 0
        return try CmarkTree.blocks(markdown).map { try convert($0, headingCount: &headingCount) }
    }

    private static func convert(_ raw: RawBlock, headingCount: inout Int) throws -> Block {
        switch raw {
        case .heading(let level, let content):
            headingCount += 1
            return .heading(level: level, id: "s\(headingCount)", content: content)
        case .paragraph(let content):
            return .paragraph(content)
        case .list(let ordered, let start, let items):
            return .list(ordered: ordered, start: start, items: try items.map { item in
                try item.map { try convert($0, headingCount: &headingCount) }
            })
        case .quote(let blocks):
            return .callout(try blocks.map { try convert($0, headingCount: &headingCount) })
        case .rule:
            return .rule
        case .fence(let info, let body):
            return try directive(info: info, body: body)
        }
    }

    private static func directive(info: String, body: String) throws -> Block {
        let words = info.split(separator: " ").map(String.init)
        let lines = body.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            .filter { !$0.allSatisfy(\.isWhitespace) }
        switch words.first ?? "" {
        case "fields":
            let rows = try lines.map { line -> [[Inline]] in
                let cells = splitCells(line)
                guard cells.count == 2 else { throw MarkdownError("fields: a row needs `key | value`, got \(cells.count) cells") }
                return cells.map(CmarkTree.inlines)
            }
            return .table(Table(header: [], rows: rows, rowHeaders: true))
        case "table":
            guard let first = lines.first else { throw MarkdownError("table: no header line") }
            let header = splitCells(first).map(CmarkTree.inlines)
            let rows = try lines.dropFirst().map { line -> [[Inline]] in
                let cells = splitCells(line)
                guard cells.count == header.count else {
                    throw MarkdownError("table: a row has \(cells.count) cells, the header \(header.count)")
                }
                return cells.map(CmarkTree.inlines)
            }
            return .table(Table(header: header, rows: rows, rowHeaders: false))
        case "checklist":
            return .checklist(lines.map(CmarkTree.inlines))
        case "signature":
            guard lines.count == 2 else { throw MarkdownError("signature: needs a caption line and a fields line") }
            return .signature(SignatureBlock(caption: CmarkTree.inlines(lines[0]),
                                             fields: splitCells(lines[1]).map(CmarkTree.inlines)))
        case "lines":
            guard words.count == 2, let n = Int(words[1]), (1...30).contains(n) else {
                throw MarkdownError("lines: needs a count from 1 to 30")
            }
            return .ruledLines(n)
        case "small":
            return .smallPrint(CmarkTree.inlines(lines.map { $0.trimmingWhitespace() }.joined(separator: " ")))
        case "body-diagram":
            return .bodyDiagram(try bodyDiagram(lines))
        default:
            throw MarkdownError("unknown directive fence `\(info)`")
        }
    }

    private static func bodyDiagram(_ lines: [String]) throws -> BodyDiagramSpec {
        var labels: BodyDiagramSpec.Labels?
        var caption: String?
        var markers: [BodyDiagramSpec.Marker] = []
        for line in lines {
            let cells = splitCells(line).map { Inline.plainText(CmarkTree.inlines($0)) }
            switch cells[0] {
            case "labels":
                guard cells.count == 5 else { throw MarkdownError("body-diagram: `labels | right | left | front | back`") }
                labels = BodyDiagramSpec.Labels(right: cells[1], left: cells[2], front: cells[3], back: cells[4], caption: "")
            case "caption":
                guard cells.count == 2 else { throw MarkdownError("body-diagram: `caption | text`") }
                caption = cells[1]
            default:
                guard let number = Int(cells[0]), (3...4).contains(cells.count) else {
                    throw MarkdownError("body-diagram: a target needs `number | site | side | level`, got `\(line)`")
                }
                let level = cells.count == 4 && !cells[3].isEmpty ? cells[3] : nil
                // Checked here so that a wrong code stops at the tree, never reaching an exporter.
                guard BodyDiagram.Marker(number: number, site: cells[1], side: cells[2], level: level) != nil else {
                    throw MarkdownError("body-diagram: target \(number): no place on the figure for `\(cells[1]) | \(cells[2]) | \(level ?? "")`")
                }
                markers.append(.init(number: number, site: cells[1], side: cells[2], level: cells[1] == "vertebra" ? level : nil))
            }
        }
        guard var labels, let caption else { throw MarkdownError("body-diagram: needs a `labels` line and a `caption` line") }
        labels.caption = caption
        return BodyDiagramSpec(markers: markers, labels: labels)
    }

    /// Splits a line at unescaped `|`, keeping escapes for cmark to resolve.
    static func splitCells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in line {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" { current.append(ch); escaped = true; continue }
            if ch == "|" { cells.append(current); current = ""; continue }
            current.append(ch)
        }
        cells.append(current)
        return cells.map { $0.trimmingWhitespace() }
    }
}

/// A problem in template-generated Markdown (a content or template bug, never patient data).
public struct MarkdownError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
