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
                                                   spaceBefore: b == 0 ? (index == 0 ? 6 : 3) : 5, spaceAfter: 0,
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
                let width = first.items.reduce(0.0) { acc, item in
                    if case .glyphs(_, _, let run) = item { return acc + run.width } else { return acc }
                }
                let x = band.x(offset: 4, width: width)
                var markerItems: [PageItem] = []
                for item in first.items {
                    if case .glyphs(_, let y, let run) = item {
                        markerItems.append(.glyphs(x: x + (run.x), y: y, run: run))
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
                                              spaceBefore: index == 0 ? 8 : 5, spaceAfter: 0, parents: itemPath,
                                              leaf: element(.listBody, actualText: Self.replacementText(content, style: checkStyle)))
            guard !itemFlow.isEmpty else { continue }
            let side = 11.0
            let top = (options.bodyLeading - side) / 2 + 0.5
            let box = PageItem.rect(x: band.x(offset: 2, width: side), y: top, width: side, height: side,
                                    stroke: 1.1, fill: nil)
            itemFlow[0].items.insert(contentsOf: tagged([box], element(.label, actualText: "\u{2610}"), parents: itemPath), at: 0)
            itemFlow[0].log = "[ ] " + itemFlow[0].log
            // A statement's lines stay together: it is short and must be read whole.
            for i in itemFlow.indices.dropFirst() { itemFlow[i].breakBefore = false }
            append(itemFlow)
        }
    }
}
