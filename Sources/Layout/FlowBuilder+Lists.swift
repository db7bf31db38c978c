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
                                                   spaceBefore: b == 0 ? (index == 0 ? 6 : 3) : 5, spaceAfter: 0)
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
                let width = first.items.reduce(0.0) { acc, item in
                    if case .glyphs(_, _, let run) = item { return acc + run.width } else { return acc }
                }
                let x = band.x(offset: 4, width: width)
                for item in first.items {
                    if case .glyphs(_, let y, let run) = item {
                        itemFlow[0].items.append(.glyphs(x: x + (run.x), y: y, run: run))
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
                                              spaceBefore: index == 0 ? 8 : 5, spaceAfter: 0)
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
}
