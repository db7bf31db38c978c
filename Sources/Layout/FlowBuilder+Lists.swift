import DocumentModel
import Typesetting

extension FlowBuilder {
    static let listIndent = 20.0

    /// Bulleted and numbered lists: the marker hangs in the indent, on the first line's baseline.
    mutating func addList(ordered: Bool, start: Int, items: [[Block]], band: Band) throws {
        let inner = band.inset(start: Self.listIndent)
        // Tagged as L > LI > (Lbl, LBody): the marker is the label, the blocks the body.
        let list = element(.list)
        for (index, item) in items.enumerated() {
            let marker = ordered ? "\(start + index)." : "•"
            let listItem = element(.listItem)
            let itemPath = parents + [list, listItem]
            let bodyElement = element(.listBody)
            let body = itemPath + [bodyElement]
            var itemFlow: [FlowItem] = []
            for (b, block) in item.enumerated() {
                switch block {
                case .paragraph(let content):
                    // A body of one paragraph holds its text itself (one element less per item).
                    var leaf: StructureElement?
                    if item.count == 1 {
                        leaf = bodyElement
                        leaf?.actualText = Self.replacementText(content, style: style(.body))
                    }
                    itemFlow += try paragraphItems(content, style: style(.body), band: inner,
                                                   spaceBefore: b == 0 ? (index == 0 ? 4 : 1) : 3, spaceAfter: 0,
                                                   parents: item.count == 1 ? itemPath : body, leaf: leaf)
                case .list(let o, let s, let nested):
                    var sub = child(band: inner, parents: body)
                    try sub.addList(ordered: o, start: s, items: nested, band: inner)
                    itemFlow += sub.flow
                default:
                    var sub = child(band: inner, parents: body)
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
                var markerItems: [PageItem] = []
                for item in first.items {
                    if case .glyphs(let runX, let y, let run) = item {
                        markerItems.append(.glyphs(x: x + runX - low, y: y, run: run))
                    }
                }
                // First on the line, so that the label comes before the body in reading order.
                itemFlow[0].items.insert(contentsOf: tagged(markerItems, element(.label), parents: itemPath), at: 0)
            }
            append(itemFlow)
        }
    }

    /// Statements with an empty square box to tick by hand.
    mutating func addChecklist(_ items: [[Inline]]) throws {
        let inner = band.inset(start: 24)
        // Tagged as a list whose labels are the boxes (read as "☐"), so that a screen
        // reader announces each choice as a box to tick followed by its statement.
        let list = element(.list)
        for (index, content) in items.enumerated() {
            let itemPath = parents + [list, element(.listItem)]
            let checkStyle = style(.body, alignment: .start)
            var itemFlow = try paragraphItems(content, style: checkStyle, band: inner,
                                              spaceBefore: index == 0 ? 6 : 3, spaceAfter: 0, parents: itemPath,
                                              leaf: element(.listBody, actualText: Self.replacementText(content, style: checkStyle)))
            guard !itemFlow.isEmpty else { continue }
            let side = 11.0
            let top = (options.bodyLeading - side) / 2 + 0.5
            let boxX = band.x(offset: 2, width: side)
            let box = PageItem.rect(x: boxX, y: top, width: side, height: side, stroke: 1.1, fill: nil)
            itemFlow[0].items.insert(contentsOf: tagged([box], element(.label, actualText: "\u{2610}"), parents: itemPath), at: 0)
            itemFlow[0].items.append(.field(FormField(kind: .checklist, group: list.id, prompt: "", label: Inline.plainText(content),
                                                      x: boxX, y: top, width: side, height: side)))
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
        var promptItems: [PageItem] = []
        for (i, l) in lines.enumerated() { promptItems += l.items.map { $0.offsetBy(dx: 0, dy: Double(i) * body.leading) } }
        // Tagged as the question (P) and a list of its answers, each a box (Lbl, read as "☐")
        // and its text, so that a screen reader announces the question and then each choice.
        var items = tagged(promptItems, element(.paragraph, actualText: Self.replacementText(prompt, style: body)))
        let list = element(.list)
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
            let itemPath = parents + [list, element(.listItem)]
            let boxX = band.x(offset: offset, width: side), boxY = top + (body.leading - side) / 2 + 0.5
            let box = PageItem.rect(x: boxX, y: boxY, width: side, height: side, stroke: 1.1, fill: nil)
            items += tagged([box], element(.label, actualText: "\u{2610}"), parents: itemPath)
            items.append(.field(FormField(kind: .choice, group: list.id, prompt: Inline.plainText(prompt),
                                          label: Inline.plainText(answer), x: boxX, y: boxY, width: side, height: side,
                                          oneAnswer: true)))
            let x = band.x(offset: offset + side + boxGap, width: width)
            var answerItems: [PageItem] = []
            for (k, placed) in set.enumerated() {
                for item in placed.items {
                    if case .glyphs(let gx, let gy, let run) = item {
                        // One line: moved to its slot; several: the band's own placement, shifted past the box.
                        let dx = set.count == 1 ? x - low : x - 0
                        answerItems.append(.glyphs(x: gx + dx, y: top + gy + Double(k) * body.leading, run: run))
                    }
                }
            }
            items += tagged(answerItems, element(.listBody, actualText: Self.replacementText(answer, style: body)),
                            parents: itemPath)
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
