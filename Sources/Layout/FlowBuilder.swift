import DocumentModel
import Typesetting

/// Turns blocks into flow items.
struct FlowBuilder {
    let typesetter: Typesetter
    let options: LayoutOptions
    let language: String
    var band: Band
    var flow: [FlowItem] = []
    /// Table headers that repeat on a new page.
    var headers: [FlowItem] = []
    /// The next item must stay with the previous one (after a heading).
    private var keepNext = false
    /// Numbers paragraphs for the layout log (shared with nested builders).
    let paragraphs: Counter
    /// Numbers structure elements (shared with nested builders and, in a bilingual document, both columns).
    let ids: Counter
    /// The structure elements the blocks added now belong to (outermost first).
    var parents: [StructureElement] = []
    /// The height the body diagram is drawn at (``figureHeight``; smaller beside a short block).
    var figureSetHeight = FlowBuilder.figureHeight

    init(typesetter: Typesetter, options: LayoutOptions, language: String, rtl: Bool, ids: Counter = Counter()) {
        self.typesetter = typesetter
        self.options = options
        self.language = language
        self.band = Band(left: options.marginLeft, width: options.contentWidth, rtl: rtl)
        self.paragraphs = Counter()
        self.ids = ids
    }

    /// A builder for content nested in a narrower band (list items, boxes): same type and counters, empty flow.
    func child(band: Band, parents: [StructureElement]? = nil) -> FlowBuilder {
        var sub = self
        if let parents { sub.parents = parents }
        sub.flow = []
        sub.headers = []
        sub.keepNext = false
        sub.band = band
        return sub
    }

    // MARK: Type

    /// The vertical rhythm: space above a paragraph, a section heading (level 2) and a subsection heading.
    static let paragraphSpace = 3.0, sectionSpace = 8.0, subsectionSpace = 4.0

    enum TextRole { case body, heading1, heading2, heading3, cell, small }

    func style(_ role: TextRole, alignment: Alignment? = nil) -> ParagraphStyle {
        let dir: BaseDirection = band.rtl ? .rightToLeft : .leftToRight
        // Justified body text for left-to-right scripts; Arabic is set ragged (no kashida justification),
        // and so is a band narrower than 30 em (the 231 pt columns of a bilingual document): at
        // about 35 characters a line justification gives loose lines and a hyphen every few lines.
        let body: Alignment = band.rtl || band.width < 30 * options.bodySize ? .start : .justified
        let k = options.typeScale
        // Cells are body text in large print (at least the body size).
        let cell = k > 1 ? max(11 * k, options.bodySize) : 11
        switch role {
        case .body: return ParagraphStyle(size: options.bodySize, leading: options.bodyLeading, language: language,
                                          direction: dir, alignment: alignment ?? body, hyphenate: true)
        case .heading1: return ParagraphStyle(size: 19 * k, leading: 23 * k, language: language, direction: dir,
                                              alignment: alignment ?? .start, hyphenate: false)
        case .heading2: return ParagraphStyle(size: 14.5 * k, leading: 18 * k, language: language, direction: dir,
                                              alignment: alignment ?? .start, hyphenate: false)
        case .heading3: return ParagraphStyle(size: 12.5 * k, leading: 16 * k, language: language, direction: dir,
                                              alignment: alignment ?? .start, hyphenate: false)
        case .cell: return ParagraphStyle(size: cell, leading: cell * 14 / 11, language: language, direction: dir,
                                          alignment: alignment ?? .start, hyphenate: true)
        case .small: return ParagraphStyle(size: options.smallSize * k, leading: 12 * k, language: language, direction: dir,
                                           alignment: alignment ?? .start, hyphenate: false)
        }
    }

    // MARK: Blocks

    mutating func add(_ block: Block) throws {
        switch block {
        case .heading(let level, _, let content):
            let role: TextRole = level <= 1 ? .heading1 : level == 2 ? .heading2 : .heading3
            let before: Double = level <= 1 ? 0 : level == 2 ? Self.sectionSpace : Self.subsectionSpace
            var items = try paragraphItems(content, style: style(role), band: band, spaceBefore: before, spaceAfter: 0,
                                           bold: true, role: level <= 1 ? .heading1 : level == 2 ? .heading2 : .heading3)
            if level == 2, let last = items.indices.last {
                // A rule under section headings.
                items[last].items.append(.line(x1: band.left, y1: items[last].height + 2,
                                               x2: band.left + band.width, y2: items[last].height + 2, width: 1.2, gray: 0))
                items[last].height += 4
            }
            if !items.isEmpty {
                items[0].outline = (Inline.plainText(content), level)
                for i in items.indices.dropFirst() { items[i].breakBefore = false }
            }
            append(items)
            keepNext = true
        case .paragraph(let content):
            // A line with a blank to fill in by hand ("____") is set ragged: justifying it
            // would stretch the words apart around the blank.
            // (Searched in the UTF-8 bytes: `String.contains` of a string is Foundation's NSString
            // search on Linux, some 45,000 instructions a paragraph.)
            let blank = Inline.plainText(content).utf8.containsRun(of: UInt8(ascii: "_"), count: 5)
            append(try paragraphItems(content, style: style(.body, alignment: blank ? .start : nil), band: band,
                                      spaceBefore: Self.paragraphSpace, spaceAfter: 0))
        case .list(let ordered, let start, let items):
            try addList(ordered: ordered, start: start, items: items, band: band)
        case .checklist(let items):
            try addChecklist(items)
        case .table(let table):
            try addTable(table)
        case .callout(let blocks):
            try addCallout(blocks)
        case .signature(let sig):
            try addSignature(sig)
        case .ruledLines(let n):
            var items: [PageItem] = []
            for i in 1...n {
                let y = Double(i) * 23
                items.append(.line(x1: band.left, y1: y, x2: band.left + band.width, y2: y, width: 0.6, gray: 0))
            }
            append([FlowItem(height: Double(n) * 23 + 4, spaceBefore: 4, items: items, breakBefore: true,
                             repeatHeader: nil, outline: nil, log: "lines \(n)")])
        case .smallPrint(let content):
            append(try paragraphItems(content, style: style(.small), band: band, spaceBefore: 6, spaceAfter: 0))
        case .bodyDiagram(let spec):
            try addBodyDiagram(spec)
        case .choice(let prompt, let options):
            try addChoice(prompt: prompt, options: options)
        case .keepTogether(let blocks):
            try addKeepTogether(blocks)
        case .beside(let blocks):
            try addBeside(blocks)
        case .rule:
            append([FlowItem(height: 8, spaceBefore: 8,
                             items: [.line(x1: band.left, y1: 4, x2: band.left + band.width, y2: 4, width: 0.8, gray: 0.3)],
                             breakBefore: true, repeatHeader: nil, outline: nil, log: "rule")])
        }
    }

    /// Appends items, keeping the first with a preceding heading.
    mutating func append(_ items: [FlowItem]) {
        guard !items.isEmpty else { return }
        var items = items
        if keepNext { items[0].breakBefore = false; keepNext = false }
        flow += items
    }

    mutating func addHeader(_ item: FlowItem) -> Int {
        headers.append(item)
        return headers.count - 1
    }

    // MARK: Paragraphs

    /// Converts inline content into typesetter spans.
    static func spans(_ inlines: [Inline], bold: Bool = false, italic: Bool = false) -> [[TextSpan]] {
        // Hard line breaks split the content into separate lines (paragraph pieces).
        var pieces: [[TextSpan]] = [[]]
        func walk(_ inlines: [Inline], bold: Bool, italic: Bool) {
            for inline in inlines {
                switch inline {
                case .text(let s):
                    let style: FontStyle = bold ? (italic ? .boldItalic : .bold) : (italic ? .italic : .regular)
                    pieces[pieces.count - 1].append(TextSpan(s, style: style))
                case .softBreak:
                    pieces[pieces.count - 1].append(TextSpan(" ", style: bold ? .bold : .regular))
                case .lineBreak:
                    pieces.append([])
                case .emphasis(let c): walk(c, bold: bold, italic: true)
                case .strong(let c): walk(c, bold: true, italic: italic)
                }
            }
        }
        walk(inlines, bold: bold, italic: italic)
        return pieces.filter { !$0.isEmpty }
    }

    /// Lays out a paragraph into one flow item per line, with widow and orphan control:
    /// a page may break inside a paragraph only where at least two lines stay on each side.
    /// Each line is tagged as content of one new element of `role` inside `parents` (the builder's by default).
    func paragraphItems(_ content: [Inline], style: ParagraphStyle, band: Band, spaceBefore: Double,
                        spaceAfter: Double, bold: Bool = false, role: StructureElement.Role = .paragraph,
                        parents: [StructureElement]? = nil, leaf: StructureElement? = nil) throws -> [FlowItem] {
        let lines = try layoutLines(content, style: style, band: band, bold: bold)
        let number = paragraphs.next()
        let leaf = leaf ?? element(role, actualText: Self.replacementText(content, style: style))
        var items: [FlowItem] = []
        for (i, placed) in lines.enumerated() {
            let n = lines.count
            let allowed = i == 0 || (i >= 2 && i <= n - 2)
            items.append(FlowItem(height: style.leading, spaceBefore: i == 0 ? spaceBefore : 0,
                                  items: tagged(placed.items, leaf, parents: parents),
                                  breakBefore: allowed, repeatHeader: nil, outline: nil,
                                  log: options.collectLog ? "¶\(number) \(i + 1)/\(n) " + placed.log : ""))
        }
        if spaceAfter > 0, !items.isEmpty { items[items.count - 1].height += spaceAfter }
        return items
    }

    /// The text a right-to-left element reads as, in logical order (tagged PDF `/ActualText`).
    ///
    /// Right-to-left glyphs are painted in visual order, and extractors that read a
    /// structure element's content in stream order (poppler's -struct-text, screen readers
    /// without a layout analysis) read Arabic backwards, and lose marks that sit on another
    /// baseline. The element's replacement text gives them the paragraph as written,
    /// harakat included. Left-to-right text needs none.
    static func replacementText(_ content: [Inline], style: ParagraphStyle) -> String? {
        guard style.direction == .rightToLeft else { return nil }
        let text = Inline.plainText(content).replacingOccurrences(of: "\u{00AD}", with: "")
        return text.isEmpty ? nil : text
    }

    struct PlacedLine {
        var items: [PageItem]
        var log: String
    }

    /// Typesets content for a band: lines with glyph runs placed relative to a line box of height `leading`.
    func layoutLines(_ content: [Inline], style: ParagraphStyle, band: Band, bold: Bool = false) throws -> [PlacedLine] {
        var result: [PlacedLine] = []
        for spans in Self.spans(content, bold: bold) {
            let paragraph = try typesetter.layout(spans, style: style, width: band.width)
            for (index, line) in paragraph.lines.enumerated() {
                // Baseline: centre the line's ascent + descent in the leading.
                let baseline = (style.leading - (line.ascent + line.descent)) / 2 + line.ascent
                let next = index + 1 < paragraph.lines.count ? paragraph.lines[index + 1] : nil
                let runs = Self.keepingBreakSpace(line, next: next)
                let items = runs.map { PageItem.glyphs(x: band.left + $0.x, y: baseline, run: $0) }
                guard options.collectLog else { result.append(PlacedLine(items: items, log: "")); continue }
                let text = line.runs.map(\.text).joined()
                result.append(PlacedLine(items: items, log: "line w=\(fmt(line.width))/\(fmt(band.width))\(line.hyphenated ? " hy" : "") \(text)"))
            }
        }
        return result
    }

    /// The line's runs, with the space the line broke at kept as a glyph after its last
    /// word (left-to-right lines). It draws nothing, but text read element by element
    /// (tagged PDF, ISO 32000-1 §14.8.2.5: word breaks as explicit spaces) no longer runs
    /// the last word of a line into the first of the next. pdftotext is unaffected: it
    /// takes a space glyph for a word break.
    static func keepingBreakSpace(_ line: Line, next: Line?) -> [GlyphRun] {
        guard let next, !line.hyphenated, var last = line.runs.max(by: { $0.textRange.upperBound < $1.textRange.upperBound }),
              !last.isRightToLeft, let nextStart = next.runs.map(\.textRange.lowerBound).min(),
              nextStart > last.textRange.upperBound,
              let space = line.runs.lazy.filter({ $0.font.key == last.font.key && $0.size == last.size })
                  .flatMap(\.glyphs).first(where: { $0.text == " " }),
              let index = line.runs.firstIndex(where: { $0.textRange == last.textRange && $0.x == last.x })
        else { return line.runs }
        var glyph = space
        glyph.x = last.glyphs.last.map { $0.x + $0.advance } ?? 0
        glyph.y = 0
        last.glyphs.append(glyph)
        var runs = line.runs
        runs[index] = last
        return runs
    }

    /// Total height and items of content laid out as one block (for cells, boxes).
    func blockOfLines(_ content: [Inline], style: ParagraphStyle, band: Band, bold: Bool = false) throws -> (height: Double, items: [PageItem], log: [String]) {
        let lines = try layoutLines(content, style: style, band: band, bold: bold)
        var items: [PageItem] = []
        for (i, l) in lines.enumerated() {
            items += l.items.map { $0.offsetBy(dx: 0, dy: Double(i) * style.leading) }
        }
        return (Double(lines.count) * style.leading, items, lines.map(\.log))
    }
}

func fmt(_ x: Double) -> String {
    let r = (x * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(r)
}

extension Sequence where Element == UInt8 {
    /// Whether `count` consecutive elements equal `byte` (a blank to fill in: `_____`).
    func containsRun(of byte: UInt8, count: Int) -> Bool {
        var run = 0
        for element in self {
            run = element == byte ? run + 1 : 0
            if run >= count { return true }
        }
        return false
    }
}
