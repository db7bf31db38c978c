import DocumentModel
import Typesetting

extension DocumentLayout {
    /// Lays out two language versions of one document side by side, section by section:
    /// each section (a heading and what follows it, up to the next heading) starts at the
    /// same height in both columns, so the two texts stay level with each other. Both
    /// columns have the same width and type: documents of equal standing (DPR 574/1988 art. 4).
    /// A right-to-left language takes the right-hand column and is set right to left in it.
    public func layoutBilingual(_ first: Document, _ second: Document) throws -> LaidOutDocument {
        let typesetter = typesetter.forDocument()  // see `layout(_:)`
        let gap = 20.0
        let width = (options.contentWidth - gap) / 2
        let firstRTL = first.metadata.direction == .rightToLeft
        let secondRTL = second.metadata.direction == .rightToLeft
        // The first language goes left unless it is right-to-left and the second is not.
        let firstOnLeft = !(firstRTL && !secondRTL)
        let leftX = options.marginLeft, rightX = options.marginLeft + width + gap
        // Structure (tagged PDF): Document > Sect per section > one Div per language with its Lang,
        // so that a screen reader reads each section in one language whole, then in the other.
        let ids = Counter()
        let documentElement = StructureElement(id: ids.next(), role: .document, language: first.metadata.language)
        let firstSections = Self.sectionBlocks(first), secondSections = Self.sectionBlocks(second)
        let sectionElements = (0..<max(firstSections.count, secondSections.count)).map { _ in
            StructureElement(id: ids.next(), role: .section)
        }
        func builder(_ doc: Document, x: Double, rtl: Bool) -> FlowBuilder {
            FlowBuilder(typesetter: typesetter, options: options, language: doc.metadata.language, rtl: rtl, ids: ids)
                .child(band: Band(left: x, width: width, rtl: rtl), parents: [documentElement])
        }
        let a = try sections(firstSections, language: first.metadata.language, elements: sectionElements,
                             builder: builder(first, x: firstOnLeft ? leftX : rightX, rtl: firstRTL))
        let b = try sections(secondSections, language: second.metadata.language, elements: sectionElements,
                             builder: builder(second, x: firstOnLeft ? rightX : leftX, rtl: secondRTL))

        let pages = ColumnPaginator(options: options).paginate(rows: (0..<max(a.count, b.count)).map { i in
            (i < a.count ? a[i] : [], i < b.count ? b[i] : [])
        }, ruleX: options.marginLeft + width + gap / 2)

        var meta = first.metadata
        meta.pageLabel = first.metadata.pageLabel + "  ·  " + second.metadata.pageLabel
        let decoration = PageDecoration(typesetter: typesetter, options: options, metadata: meta, rtl: false,
                                        headerLines: [(first.metadata.runningHeader.joined(separator: "  ·  "), firstRTL),
                                                      (second.metadata.runningHeader.dropFirst().joined(separator: "  ·  "), secondRTL)])
        return try assemble(pages, decoration: decoration)
    }

    /// The blocks of each section: a new section starts at every heading and every keep-together unit.
    static func sectionBlocks(_ doc: Document) -> [[Block]] {
        var result: [[Block]] = []
        for block in doc.blocks {
            var starts = false
            switch block { case .heading, .keepTogether: starts = true; default: break }
            if starts, !(result.last?.isEmpty ?? true) { result.append([]) }
            if result.isEmpty { result.append([]) }
            result[result.count - 1].append(block)
        }
        return result
    }

    /// Flow items per section, each section's content inside its Sect element and a Div in `language`.
    private func sections(_ blocks: [[Block]], language: String, elements: [StructureElement],
                          builder: FlowBuilder) throws -> [[FlowItem]] {
        var result: [[FlowItem]] = []
        for (index, section) in blocks.enumerated() {
            let division = builder.element(.division, language: language)
            var current = builder.child(band: builder.band, parents: builder.parents + [elements[index], division])
            for block in section { try current.add(block) }
            if !current.flow.isEmpty { result.append(current.flow) }
        }
        return result
    }
}

/// Fills pages with pairs of columns, row by row: each row (a section in both languages)
/// starts level in both columns; within a row each column breaks where its own rules allow.
struct ColumnPaginator {
    let options: LayoutOptions

    func paginate(rows: [([FlowItem], [FlowItem])], ruleX: Double) -> [Paginator.PaginatedPage] {
        var pages: [Paginator.PaginatedPage] = [newPage()]
        var y = 0.0
        var columnBottom = 0.0
        for (left, right) in rows {
            var l = 0, r = 0
            var first = true
            while l < left.count || r < right.count {
                let atTop = y == 0
                let gap = first && !atTop ? max(left.first?.spaceBefore ?? 0, right.first?.spaceBefore ?? 0) : 0
                let available = options.contentHeight - y - gap
                let le = fill(left, from: l, available: available, atTop: atTop)
                let re = fill(right, from: r, available: available, atTop: atTop)
                if le == l && re == r && !atTop {
                    // Neither column can start here: next page.
                    finish(&pages[pages.count - 1], ruleX: ruleX, bottom: columnBottom)
                    pages.append(newPage()); y = 0; columnBottom = 0; first = false
                    continue
                }
                let top = y + gap
                let lEnd = place(left[l..<le], at: top, on: &pages[pages.count - 1], column: "1")
                let rEnd = place(right[r..<re], at: top, on: &pages[pages.count - 1], column: "2")
                l = le; r = re
                y = max(lEnd, rEnd)
                columnBottom = max(columnBottom, y)
                first = false
                if l < left.count || r < right.count {
                    finish(&pages[pages.count - 1], ruleX: ruleX, bottom: columnBottom)
                    pages.append(newPage()); y = 0; columnBottom = 0
                }
            }
        }
        finish(&pages[pages.count - 1], ruleX: ruleX, bottom: columnBottom)
        return pages
    }

    private func newPage() -> Paginator.PaginatedPage {
        Paginator.PaginatedPage(page: Page(width: options.pageWidth, height: options.pageHeight, items: []), outline: [], log: "")
    }

    /// A thin rule between the columns, as tall as the text on the page.
    private func finish(_ page: inout Paginator.PaginatedPage, ruleX: Double, bottom: Double) {
        guard bottom > 0 else { return }
        page.page.items.append(.line(x1: ruleX, y1: options.marginTop, x2: ruleX, y2: options.marginTop + bottom,
                                     width: 0.5, gray: 0.6))
    }

    /// How many items from `start` fit in `available` points, ending where a page break is allowed.
    private func fill(_ items: [FlowItem], from start: Int, available: Double, atTop: Bool) -> Int {
        var used = 0.0
        var i = start
        while i < items.count {
            let need = (i == start ? 0 : items[i].spaceBefore) + items[i].height
            if used + need > available + 0.01 { break }
            used += need
            i += 1
        }
        if i == items.count { return i }
        // Back up to an allowed break; a unit of units may part between its smaller units
        // rather than leave the column more than a quarter empty.
        var j = i
        while j > start && !items[j].breakBefore { j -= 1 }
        let height = j > start ? items[(start + 1)..<j].reduce(items[start].height) { $0 + $1.spaceBefore + $1.height } : 0
        if j == start || height < available * 0.75 {
            var w = i
            while w > max(j, start) && !items[w].weakBreak { w -= 1 }
            if w > max(j, start) { j = w }
        }
        if j == start { return atTop ? max(i, start + 1) : start }
        return j
    }

    /// Places items from `top` (relative to the body's top); returns the bottom.
    private func place(_ items: ArraySlice<FlowItem>, at top: Double, on page: inout Paginator.PaginatedPage,
                       column: String) -> Double {
        var y = top
        for (k, item) in zip(items.indices, items) {
            if k != items.startIndex { y += item.spaceBefore }
            let absolute = options.marginTop + y
            page.page.items += item.items.map { $0.offsetBy(dx: 0, dy: absolute) }
            if column == "1", let o = item.outline { page.outline.append((o.title, o.level, absolute)) }
            if options.collectLog {
                page.log += "  \(column) y=\(fmt(y)) h=\(fmt(item.height)) " + item.log.replacingOccurrences(of: "\n", with: "\n    ") + "\n"
            }
            y += item.height
        }
        return y
    }
}
