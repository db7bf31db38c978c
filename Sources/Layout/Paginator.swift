/// Cuts the flow into pages: fills each page greedily and, when an item does not
/// fit, moves back to the last item before which a break is allowed (keeping
/// headings with what follows, and no paragraph's single line alone at the top
/// or bottom of a page). An item taller than a page is placed alone.
///
/// The space above items is flexible glue, as TeX's vertical glue with shrink (The TeXbook
/// ch. 15): a page may take one more item, or the unbreakable run that would otherwise move on,
/// by shrinking the spaces between its items, each by the same fraction and at most by
/// ``spaceShrink``. A page that needs no shrinking keeps its spaces as they are.
struct Paginator {
    let options: LayoutOptions

    /// How much of each space above an item a page may give up to hold what follows.
    static let spaceShrink = 0.5

    struct PaginatedPage {
        var page: Page
        var outline: [(title: String, level: Int, y: Double)]
        var log: String
    }

    func paginate(_ flow: [FlowItem], headers: [FlowItem]) -> [PaginatedPage] {
        let capacity = options.contentHeight
        // First decide where pages start (indices into flow), then place items.
        var starts: [Int] = [0]
        var i = 0
        var used = 0.0
        var gaps = 0.0
        var pageStart = 0
        while i < flow.count {
            let item = flow[i]
            let isFirst = i == pageStart
            var need = (isFirst ? 0 : item.spaceBefore) + item.height
            if isFirst, let h = item.repeatHeader, i > 0, flow[i - 1].repeatHeader == h {
                need += headers[h].height
            }
            let gap = isFirst ? 0 : item.spaceBefore
            if used + need - Self.spaceShrink * (gaps + gap) <= capacity + 0.01 || isFirst {
                used += need
                gaps += gap
                i += 1
                continue
            }
            // Find the break: the last j in (pageStart, i] with breakBefore allowed.
            var j = i
            while j > pageStart && !flow[j].breakBefore { j -= 1 }
            if j == pageStart || filled(flow, from: pageStart, to: j) < capacity * 0.75 {
                // Moving a unit of units whole would leave this page more than a quarter empty:
                // part it between its smaller units instead, at the last such place that fits.
                var w = i
                while w > max(j, pageStart) && !flow[w].weakBreak { w -= 1 }
                if w > max(j, pageStart) { j = w }
            }
            if j == pageStart { j = i } // nothing allowed on this page: break here anyway
            starts.append(j)
            pageStart = j
            i = j
            used = 0
            gaps = 0
        }
        var pages: [PaginatedPage] = []
        for (p, start) in starts.enumerated() {
            let end = p + 1 < starts.count ? starts[p + 1] : flow.count
            var page = Page(width: options.pageWidth, height: options.pageHeight, items: [])
            var outline: [(String, Int, Double)] = []
            var log = ""
            var y = options.marginTop
            // The fraction of every space above an item this page gives up (0 when its items fit as they are).
            var natural = 0.0, spaces = 0.0
            for k in start..<end {
                if k == start, let h = flow[k].repeatHeader, k > 0, flow[k - 1].repeatHeader == h { natural += headers[h].height }
                if k != start { natural += flow[k].spaceBefore; spaces += flow[k].spaceBefore }
                natural += flow[k].height
            }
            let shrink = natural > capacity + 0.01 && spaces > 0 ? min(Self.spaceShrink, (natural - capacity) / spaces) : 0
            for k in start..<end {
                let item = flow[k]
                if k == start, let h = item.repeatHeader, k > 0, flow[k - 1].repeatHeader == h {
                    // The table continues from the previous page: repeat its header row.
                    page.items += headers[h].items.map { $0.offsetBy(dx: 0, dy: y) }
                    if options.collectLog { log += "  (repeated header) " + headers[h].log + "\n" }
                    y += headers[h].height
                } else if k != start {
                    y += item.spaceBefore * (1 - shrink)
                }
                page.items += item.items.map { $0.offsetBy(dx: 0, dy: y) }
                if let o = item.outline { outline.append((o.title, o.level, y)) }
                if options.collectLog {
                    log += "  y=\(fmt(y - options.marginTop)) h=\(fmt(item.height)) " + item.log.replacingOccurrences(of: "\n", with: "\n    ") + "\n"
                }
                y += item.height
            }
            if options.collectLog && end < flow.count {
                // How full the page is and how tall the unbreakable run is that had to move on:
                // a page may end emptier than usual only when that run did not fit.
                var kept = flow[end].spaceBefore + flow[end].height
                var k = end + 1
                while k < flow.count && !flow[k].breakBefore { kept += flow[k].spaceBefore + flow[k].height; k += 1 }
                log += "  end fill=\(fmt(y - options.marginTop))/\(fmt(capacity)) next-kept=\(fmt(kept))\n"
            }
            pages.append(PaginatedPage(page: page, outline: outline, log: log))
        }
        return pages
    }

    /// The height of items `start..<end` on one page (space above the first dropped).
    private func filled(_ flow: [FlowItem], from start: Int, to end: Int) -> Double {
        guard end > start else { return 0 }
        return flow[(start + 1)..<end].reduce(flow[start].height) { $0 + $1.spaceBefore + $1.height }
    }
}
