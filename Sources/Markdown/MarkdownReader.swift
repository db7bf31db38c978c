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
///   (the level only for vertebrae);
/// - ```` ```choice ````: first line a question, then one answer per line, each with a box
///   (set on one line with its question when it fits);
/// - ```` ```keep ```` … ```` ```/keep ````: the blocks between stay on one page when they fit
///   (nested units stay whole even when the outer one cannot);
/// - ```` ```beside ```` … ```` ```/beside ````: two blocks side by side (a table and its figure);
/// - ```` ```box ```` … ```` ```/box ````: a framed box (like a block quote, but around any blocks,
///   a prose unit included).
///
/// Cells are split at unescaped `|` only, so values escaped by the templating
/// stage (`\|`) never open a new cell; values never contain line breaks.
public enum MarkdownReader {
    /// Parses a Markdown document into blocks; headings get sequential ids `s1`, `s2`, ….
    public static func read(_ markdown: String) throws -> [Block] {
        var headingCount = 0
        // Groups open and close with marker fences; a stack of open groups collects their blocks.
        var stack: [(kind: String, blocks: [Block])] = [("", [])]
        for raw in CmarkTree.blocks(markdown) {
            if case .fence(let info, _) = raw, let marker = groupMarker(info) {
                if marker.opens {
                    stack.append((marker.kind, []))
                    continue
                }
                guard stack.count > 1, stack[stack.count - 1].kind == marker.kind else {
                    throw MarkdownError("`/\(marker.kind)` without an open `\(marker.kind)`")
                }
                let group = stack.removeLast()
                if group.kind == "beside" && group.blocks.count != 2 {
                    throw MarkdownError("beside: needs exactly two blocks, got \(group.blocks.count)")
                }
                let block: Block = group.kind == "keep" ? .keepTogether(group.blocks)
                    : group.kind == "box" ? .callout(group.blocks) : .beside(group.blocks)
                stack[stack.count - 1].blocks.append(block)
                continue
            }
            stack[stack.count - 1].blocks.append(try convert(raw, headingCount: &headingCount))
        }
        guard stack.count == 1 else { throw MarkdownError("`\(stack[stack.count - 1].kind)` is never closed") }
        return stack[0].blocks
    }

    /// `keep`, `beside`, `box` and `/keep`, `/beside`, `/box`: the fences that open and close a group of blocks.
    private static func groupMarker(_ info: String) -> (kind: String, opens: Bool)? {
        let word = info.trimmingWhitespace()
        let closes = word.hasPrefix("/")
        let kind = closes ? String(word.dropFirst()) : word
        return ["keep", "beside", "box"].contains(kind) ? (kind, !closes) : nil
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
        let lines = DirectiveSplitting.lines(body).filter { !$0.allSatisfy(\.isWhitespace) }
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
        case "choice":
            guard lines.count >= 2 else { throw MarkdownError("choice: needs a question line and at least one answer") }
            return .choice(prompt: CmarkTree.inlines(lines[0]), options: lines.dropFirst().map(CmarkTree.inlines))
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

    /// Splits a line at unescaped `|`, keeping escapes for cmark to resolve (``DirectiveSplitting``).
    static func splitCells(_ line: String) -> [String] { DirectiveSplitting.cells(line) }
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
