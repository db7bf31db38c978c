import DocumentModel
import Typesetting

extension FlowBuilder {
    /// A keep-together unit (the declarations, the decision and the signatures): when it fits
    /// on one page no page may break inside it, so the paginator moves it whole to a new page;
    /// a unit taller than a page breaks where its blocks allow, and a nested unit that fits
    /// stays whole. A unit that holds smaller units and fits is kept whole too, unless moving
    /// it would leave a page more than a quarter empty: then it parts between its smaller
    /// units (``FlowItem/weakBreak``). The same flags serve one column and the columns of a
    /// bilingual document.
    mutating func addKeepTogether(_ blocks: [Block]) throws {
        var sub = child(band: band)
        for block in blocks { try sub.add(block) }
        var items = sub.flow
        guard !items.isEmpty else { return }
        // Table headers of the unit move to this builder's list.
        for i in items.indices { if let h = items[i].repeatHeader { items[i].repeatHeader = h + headers.count } }
        headers += sub.headers
        let total = items.dropFirst().reduce(items[0].height) { $0 + $1.spaceBefore + $1.height }
        let fits = total <= options.contentHeight
        let holdsUnits = blocks.contains { if case .keepTogether = $0 { return true } else { return false } }
        if fits {
            for i in items.indices.dropFirst() {
                // A unit of units may still part between (never inside) its smaller units to fill a page.
                items[i].weakBreak = holdsUnits && (items[i].breakBefore || items[i].weakBreak)
                items[i].breakBefore = false
            }
        }
        if options.collectLog { items[0].log = "keep h=\(fmt(total))\(fits ? "" : " (taller than a page)") " + items[0].log }
        append(items)
    }

    /// Two blocks side by side: the first on the start side, the second (a figure) at its natural
    /// width on the end side, both starting at the same height, as one flow item. When the pair
    /// would not fit on a page, or the first would be squeezed below half the measure, they
    /// follow each other as usual.
    mutating func addBeside(_ blocks: [Block]) throws {
        guard blocks.count == 2 else { for b in blocks { try add(b) }; return }
        let gap = 16.0
        func stack(_ flow: [FlowItem]) -> (height: Double, items: [PageItem], log: [String]) {
            var y = 0.0
            var items: [PageItem] = []
            var log: [String] = []
            for (k, item) in flow.enumerated() {
                if k > 0 { y += item.spaceBefore }
                items += item.items.map { $0.offsetBy(dx: 0, dy: y) }
                if options.collectLog { log.append("  y=\(fmt(y)) " + item.log.replacingOccurrences(of: "\n", with: "\n    ")) }
                y += item.height
            }
            return (y, items, log)
        }
        // Both sides at a figure height; nil when the first side would be squeezed below half the measure.
        func pair(figureHeight: Double) throws -> (first: FlowBuilder, second: FlowBuilder, startWidth: Double, endWidth: Double)? {
            var probe = self
            probe.figureSetHeight = figureHeight
            let endWidth = try probe.naturalWidth(blocks[1])
            let startWidth = band.width - endWidth - gap
            guard startWidth >= band.width / 2 else { return nil }
            var first = probe.child(band: band.inset(start: 0, end: endWidth + gap))
            var second = probe.child(band: band.inset(start: startWidth + gap))
            try first.add(blocks[0])
            try second.add(blocks[1])
            return (first, second, startWidth, endWidth)
        }
        guard var sides = try pair(figureHeight: figureSetHeight) else { for b in blocks { try add(b) }; return }
        var a = stack(sides.first.flow), b = stack(sides.second.flow)
        if case .bodyDiagram = blocks[1], b.height > a.height + 1 {
            // A figure taller than what it stands beside leaves white space under the other side:
            // draw it smaller, down to `minimumFigureHeight` (its markers and labels keep their size).
            let smaller = max(Self.minimumFigureHeight, figureSetHeight - (b.height - a.height))
            if smaller < figureSetHeight, let resized = try pair(figureHeight: smaller) {
                sides = resized
                a = stack(sides.first.flow)
                b = stack(sides.second.flow)
            }
        }
        let (first, second, startWidth, endWidth) = sides
        let height = max(a.height, b.height)
        guard height <= options.contentHeight * 0.9 else { for block in blocks { try add(block) }; return }
        let spaceBefore = max(first.flow.first?.spaceBefore ?? 0, second.flow.first?.spaceBefore ?? 0)
        let log = options.collectLog ? (["beside start w=\(fmt(startWidth)) h=\(fmt(a.height))"] + a.log
                                        + ["beside end w=\(fmt(endWidth)) h=\(fmt(b.height))"] + b.log).joined(separator: "\n") : ""
        append([FlowItem(height: height, spaceBefore: spaceBefore, items: a.items + b.items, breakBefore: true,
                         repeatHeader: nil, outline: nil, log: log)])
    }

    /// The width a block needs on the end side of a pair: the body diagram's natural width,
    /// otherwise 40 % of the measure.
    private func naturalWidth(_ block: Block) throws -> Double {
        if case .bodyDiagram(let spec) = block { return try bodyDiagramWidth(spec) }
        return band.width * 0.4
    }
}
