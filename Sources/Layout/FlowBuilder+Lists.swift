import DocumentModel
import Typesetting

extension FlowBuilder {
    static let listIndent = 20.0

    /// Bulleted and numbered lists: the marker hangs in the indent, on the first line's baseline.
    mutating func addList(ordered: Bool, start: Int, items: [[Block]], band: Band) throws {
        let inner = band.inset(start: Self.listIndent)
        for (index, item) in items.enumerated() {
            let marker = ordered ? "\(start + index)." : "•"
            var itemFlow: [FlowItem] = []
            for (b, block) in item.enumerated() {
                switch block {
                case .paragraph(let content):
                    itemFlow += try paragraphItems(content, style: style(.body), band: inner,
                                                   spaceBefore: b == 0 ? (index == 0 ? 4 : 1) : 3, spaceAfter: 0)
                case .list(let o, let s, let nested):
                    var sub = child(band: inner)
                    try sub.addList(ordered: o, start: s, items: nested, band: inner)
                    itemFlow += sub.flow
                default:
                    var sub = child(band: inner)
                    try sub.add(block)
                    itemFlow += sub.flow
                }
            }
            guard !itemFlow.isEmpty else { continue }
            // Place the marker on the first line's baseline.
            let markerLine = try layoutLines([.text(marker)], style: style(.body, alignment: .start),
                                             band: Band(left: 0, width: Self.listIndent, rtl: band.rtl))
            if let first = markerLine.first {
                // The marker's own extent (its runs were set in a band at x = 0, flush with its start side),
                // hung 4 pt inside the band's start edge: the left margin, or the right one in right-to-left text.
                var low = Double.infinity, high = -Double.infinity
                for item in first.items {
                    if case .glyphs(let x, _, let run) = item { low = min(low, x); high = max(high, x + run.width) }
                }
                let x = band.x(offset: 4, width: high - low)
                for item in first.items {
                    if case .glyphs(let runX, let y, let run) = item {
                        itemFlow[0].items.append(.glyphs(x: x + runX - low, y: y, run: run))
                    }
                }
            }
            append(itemFlow)
        }
    }

    /// Statements with an empty square box to tick by hand.
    mutating func addChecklist(_ items: [[Inline]]) throws {
        let inner = band.inset(start: 24)
        for (index, content) in items.enumerated() {
            var itemFlow = try paragraphItems(content, style: style(.body, alignment: .start), band: inner,
                                              spaceBefore: index == 0 ? 6 : 3, spaceAfter: 0)
            guard !itemFlow.isEmpty else { continue }
            let side = 11.0
            let top = (options.bodyLeading - side) / 2 + 0.5
            itemFlow[0].items.append(.rect(x: band.x(offset: 2, width: side), y: top, width: side, height: side,
                                           stroke: 1.1, fill: nil))
            itemFlow[0].log = "[ ] " + itemFlow[0].log
            // A statement's lines stay together: it is short and must be read whole.
            for i in itemFlow.indices.dropFirst() { itemFlow[i].breakBefore = false }
            append(itemFlow)
        }
    }

    /// A question with its answer boxes ("Ha allergie? ☐ No ☐ Sì, quali: ____"): the question in
    /// bold, ragged, never hyphenated; the answers follow on its last line while they fit there,
    /// then on as few further lines as they need (an answer longer than the measure wraps beside
    /// its box). One flow item: a question is never parted from its boxes.
    mutating func addChoice(prompt: [Inline], options choices: [[Inline]]) throws {
        var body = style(.body, alignment: .start)
        body.hyphenate = false
        let lines = try layoutLines(prompt, style: body, band: band, bold: true)
        var items: [PageItem] = []
        for (i, l) in lines.enumerated() { items += l.items.map { $0.offsetBy(dx: 0, dy: Double(i) * body.leading) } }
        let side = 11.0, boxGap = 5.0, answerGap = 16.0
        // Where the next answer goes: a row (line index) and an offset from the start side.
        var row = max(lines.count - 1, 0)
        var offset = lines.isEmpty ? 0 : try lastLineWidth(prompt, style: body, bold: true) + answerGap
        var log = ["choice " + lines.map(\.log).joined(separator: " / ")]
        for answer in choices {
            let textWidth = band.width - side - boxGap
            let set = try layoutLines(answer, style: body, band: Band(left: 0, width: textWidth, rtl: band.rtl))
            guard !set.isEmpty else { continue }
            var low = Double.infinity, high = -Double.infinity
            for item in set.flatMap(\.items) { if case .glyphs(let x, _, let run) = item { low = min(low, x); high = max(high, x + run.width) } }
            let width = set.count == 1 ? high - low : textWidth
            if offset > 0 && offset + side + boxGap + width > band.width { row += 1; offset = 0 }
            let top = Double(row) * body.leading
            items.append(.rect(x: band.x(offset: offset, width: side), y: top + (body.leading - side) / 2 + 0.5,
                               width: side, height: side, stroke: 1.1, fill: nil))
            let x = band.x(offset: offset + side + boxGap, width: width)
            for (k, placed) in set.enumerated() {
                for item in placed.items {
                    if case .glyphs(let gx, let gy, let run) = item {
                        // One line: moved to its slot; several: the band's own placement, shifted past the box.
                        let dx = set.count == 1 ? x - low : x - 0
                        items.append(.glyphs(x: gx + dx, y: top + gy + Double(k) * body.leading, run: run))
                    }
                }
            }
            row += set.count - 1
            offset = set.count == 1 ? offset + side + boxGap + width + answerGap : band.width
            log.append("[ ] w=\(fmt(width))")
        }
        let height = Double(row + 1) * body.leading
        append([FlowItem(height: height, spaceBefore: 4, items: items, breakBefore: true, repeatHeader: nil, outline: nil,
                         log: options.collectLog ? log.joined(separator: " ") : "")])
    }

    /// The natural width of the last line of `content` set in this band.
    private func lastLineWidth(_ content: [Inline], style: ParagraphStyle, bold: Bool) throws -> Double {
        guard let spans = Self.spans(content, bold: bold).last else { return 0 }
        return try typesetter.layout(spans, style: style, width: band.width).lines.last?.width ?? 0
    }
}
