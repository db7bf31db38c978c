// Page content streams, ISO 32000-1 §7.8.2 and the operators of §8.4 (graphics
// state), §8.5 (path construction and painting), §8.6.8 (gray colour) and §9.4
// (text objects, text positioning, TJ).
//
// The builder keeps the graphics state it has set and writes an operator only
// when a value changes, and shows glyphs with as few operators as it can: one
// BT…ET per page, Tf only when font, size or encoding change, one Td and one TJ
// per run (plus a Ts and a new TJ where a glyph's vertical offset changes), Tw
// for the stretch of a justified line's spaces, and numeric TJ adjustments only
// where a glyph's position differs from the font's advance (by more than 0.1/1000
// em). Positions written are tracked after rounding, so rounding never accumulates.

/// Builds the (uncompressed) content stream of one page.
struct ContentStream {
    private(set) var out: [UInt8] = []
    private let page: Int

    // Graphics state as set so far; initial values from §8.4.1 Table 52.
    private var lineWidth = 1.0
    private var strokeGray = 0.0
    private var fillGray = 0.0

    // Text state (§9.3) and the start of the current text line (§9.4.2), both
    // as written to the stream, i.e. after rounding.
    private var inText = false
    private var fontNumber = 0
    private var fontSize = 0.0
    private var lineX = 0.0
    private var lineY = 0.0
    private var rise = 0.0
    private var wordSpacing = 0.0

    /// The font resources the page's text selects, in order of first use: resource
    /// number and Type0 font object, for the page's `/Resources`.
    private(set) var fonts: [(resourceNumber: Int, type0: Int)] = []

    init(page: Int) {
        self.page = page
        out.reserveCapacity(8 * 1024)
    }

    /// Ends the text object if one is open. Call before taking ``out``.
    mutating func finish() {
        if inText {
            out.ascii("ET\n")
            inText = false
        }
    }

    // MARK: Graphics (§8.5)

    /// Paints one graphic. Graphics belong before text on a page; a graphic that
    /// comes after text closes the text object first.
    mutating func paint(_ graphic: PDFGraphic) throws {
        finish()
        switch graphic {
        case let .line(x1, y1, x2, y2, width, gray):
            try setLineWidth(width)
            try setStrokeGray(gray)
            try point(x1, y1)
            out.ascii(" m ")
            try point(x2, y2)
            out.ascii(" l S\n")

        case let .rect(x, y, width, height, stroke, fill):
            guard stroke != nil || fill != nil else { return }
            if let stroke {
                try setLineWidth(stroke)
                try setStrokeGray(0)
            }
            if let fill { try setFillGray(fill) }
            try point(x, y)
            out.append(0x20)
            try point(width, height)
            out.ascii(" re ")
            out.ascii(paintOperator(stroke: stroke != nil, fill: fill != nil, evenOdd: false))
            out.append(0x0A)

        case let .cells(x, y, cell, bleed, blocks):
            guard !blocks.isEmpty else { return }
            guard cell.isFinite, cell > 0, cell < 10_000, bleed.isFinite, bleed >= 0, bleed < cell, isCoordinate(x), isCoordinate(y),
                  blocks.allSatisfy({ [$0.column, $0.row, $0.width, $0.height].allSatisfy { (0...100_000).contains($0) } })
            else {
                throw PDFWriterError(.invalidValue, "cell grid with a cell of \(cell) pt or a block outside 0…100000", page: page)
            }
            try setFillGray(0)
            // §8.3.4 cm in a saved graphics state (§8.4.2): one unit is one cell.
            out.ascii("q ")
            out.pdfNumber(cell)
            out.ascii(" 0 0 ")
            out.pdfNumber(cell)
            out.append(0x20)
            try point(x, y)
            out.ascii(" cm\n")
            let extra = round3(bleed / cell)
            for block in blocks {
                out.pdfInt(block.column)
                out.append(0x20)
                out.pdfInt(block.row)
                out.append(0x20)
                out.pdfNumber(Double(block.width) + extra)
                out.append(0x20)
                out.pdfNumber(Double(block.height) + extra)
                out.ascii(" re f\n")
            }
            out.ascii("Q\n")

        case let .path(elements, stroke, fill, evenOdd):
            guard stroke != nil || fill != nil, !elements.isEmpty else { return }
            guard case .move = elements[0] else {
                throw PDFWriterError(.invalidPath, "a path must start with a move", page: page)
            }
            if let stroke {
                try setLineWidth(stroke)
                try setStrokeGray(0)
            }
            if let fill { try setFillGray(fill) }
            for element in elements {
                switch element {
                case let .move(x, y):
                    try pathPoint(x, y)
                    out.ascii(" m\n")
                case let .line(x, y):
                    try pathPoint(x, y)
                    out.ascii(" l\n")
                case let .curve(x1, y1, x2, y2, x3, y3):
                    try pathPoint(x1, y1)
                    out.append(0x20)
                    try pathPoint(x2, y2)
                    out.append(0x20)
                    try pathPoint(x3, y3)
                    out.ascii(" c\n")
                case .close:
                    out.ascii("h\n")
                }
            }
            out.ascii(paintOperator(stroke: stroke != nil, fill: fill != nil, evenOdd: evenOdd))
            out.append(0x0A)
        }
    }

    /// §8.5.3.1 Table 60: S, f, f*, B, B*.
    private func paintOperator(stroke: Bool, fill: Bool, evenOdd: Bool) -> StaticString {
        switch (stroke, fill, evenOdd) {
        case (true, true, false): return "B"
        case (true, true, true): return "B*"
        case (false, true, false): return "f"
        case (false, true, true): return "f*"
        default: return "S"
        }
    }

    private mutating func setLineWidth(_ width: Double) throws {
        guard width.isFinite, width >= 0, width < 10_000 else {
            throw PDFWriterError(.invalidValue, "line width \(width) is not a non-negative number", page: page)
        }
        let value = round3(width)
        guard value != lineWidth else { return }
        out.pdfNumber(value)
        out.ascii(" w\n")
        lineWidth = value
    }

    private mutating func setStrokeGray(_ gray: Double) throws {
        let value = try checkedGray(gray)
        guard value != strokeGray else { return }
        out.pdfNumber(value)
        out.ascii(" G\n")
        strokeGray = value
    }

    private mutating func setFillGray(_ gray: Double) throws {
        let value = try checkedGray(gray)
        guard value != fillGray else { return }
        out.pdfNumber(value)
        out.ascii(" g\n")
        fillGray = value
    }

    private func checkedGray(_ gray: Double, run: Int? = nil) throws -> Double {
        guard gray.isFinite, gray >= 0, gray <= 1 else {
            throw PDFWriterError(.invalidValue, "gray level \(gray) is outside 0…1", page: page, run: run)
        }
        return round3(gray)
    }

    /// Writes a path's point to 0.1 pt (0.035 mm, below a 600-dpi printer's dot): the body
    /// diagram's few hundred curves are a figure, not type, and their third decimal was a
    /// sixth of a consent page's content bytes.
    private mutating func pathPoint(_ x: Double, _ y: Double) throws {
        guard isCoordinate(x), isCoordinate(y) else {
            throw PDFWriterError(.invalidValue, "coordinate (\(x), \(y)) is not finite or out of range", page: page)
        }
        out.pdfNumber((x * 10).rounded(.toNearestOrAwayFromZero) / 10)
        out.append(0x20)
        out.pdfNumber((y * 10).rounded(.toNearestOrAwayFromZero) / 10)
    }

    /// Writes "x y" after checking both are usable coordinates.
    private mutating func point(_ x: Double, _ y: Double) throws {
        guard isCoordinate(x), isCoordinate(y) else {
            throw PDFWriterError(.invalidValue, "coordinate (\(x), \(y)) is not finite or out of range", page: page)
        }
        out.pdfNumber(x)
        out.append(0x20)
        out.pdfNumber(y)
    }

    // MARK: Text (§9.4)

    /// Opens the page's text object unless it is open. A tagged page opens it
    /// before its first marked-content sequence of text, so that every sequence
    /// lies wholly inside the text object.
    mutating func beginText() {
        guard !inText else { return }
        out.ascii("BT\n")
        inText = true
        // §9.4.1: BT resets the text and text line matrices to identity.
        lineX = 0
        lineY = 0
    }

    // MARK: Marked content (§14.6, §14.8.2)

    /// Begins a marked-content sequence: `/<type> <</MCID n>> BDC` for the content
    /// of a structure element, `/Artifact … BDC` (pagination) or `/Artifact BMC`
    /// (layout) for an artifact. Allowed inside and outside text objects
    /// (§8.2 Figure 9); a sequence opened in a text object is closed in it.
    ///
    /// `span` gives an element's sequence its own language or replacement text (§14.9.2.2,
    /// §14.9.4) as properties next to the MCID, rather than as a `/Span` nested inside it.
    mutating func beginMarked(_ mark: PDFContentMark, type: String, mcid: Int, span: PDFTextSpan? = nil) {
        switch mark {
        case .element:
            // No spaces around the delimiters (§7.2.2): a few hundred of these per document.
            out.pdfName(type)
            out.ascii("<</MCID ")
            out.pdfInt(mcid)
            if let language = span?.language {
                out.ascii("/Lang")
                out.pdfTextString(language)
            }
            if let actualText = span?.actualText {
                out.ascii("/ActualText")
                out.pdfTextString(actualText)
            }
            out.ascii(">>BDC\n")
        case .artifact(.header):
            out.ascii("/Artifact <</Type /Pagination /Subtype /Header>> BDC\n")
        case .artifact(.footer(let alternateDescription)):
            out.ascii("/Artifact <</Type /Pagination /Subtype /Footer")
            if let alternateDescription {
                out.ascii(" /Alt ")
                out.pdfTextString(alternateDescription)
            }
            out.ascii(">> BDC\n")
        case .artifact(.layout):
            out.ascii("/Artifact BMC\n")
        }
    }

    /// Ends the innermost marked-content sequence.
    mutating func endMarked() {
        out.ascii("EMC\n")
    }

    /// A `/Span` sequence with a language or a replacement text, inside an element's sequence.
    private mutating func beginSpan(_ span: PDFTextSpan) {
        out.ascii("/Span <<")
        if let language = span.language {
            out.ascii("/Lang ")
            out.pdfTextString(language)
        }
        if let actualText = span.actualText {
            out.ascii(span.language != nil ? " /ActualText " : "/ActualText ")
            out.pdfTextString(actualText)
        }
        out.ascii(">> BDC\n")
    }

    /// Shows one run of glyphs with `usage`'s font, recording the glyphs in it.
    mutating func show(_ run: PDFTextRun, usage: FontUsage, runIndex: Int) throws {
        guard !run.glyphs.isEmpty else { return }
        let size = round3(run.size)
        guard run.size.isFinite, size > 0, size < 100_000 else {
            throw PDFWriterError(.invalidValue, "font size \(run.size) is not positive", page: page, run: runIndex)
        }
        guard isCoordinate(run.x), isCoordinate(run.y) else {
            throw PDFWriterError(.invalidValue, "run origin is not finite or out of range", page: page, run: runIndex)
        }
        let gray = try checkedGray(run.gray, run: runIndex)

        beginText()
        if gray != fillGray {
            out.pdfNumber(gray)
            out.ascii(" g\n")
            fillGray = gray
        }
        // The run's first glyph decides the encoding it starts in (checked in the loop).
        if let first = run.glyphs.first, first.id != 0, Int(first.id) < usage.font.glyphCount {
            selectFont(usage.encodings[usage.code(of: first.id).encoding], size: size)
        }

        let font = usage.font
        let glyphCount = font.glyphCount
        if let spacing = Self.wordSpacing(run, usage: usage), spacing != wordSpacing {
            out.pdfNumber(spacing)
            out.ascii(" Tw\n")
            wordSpacing = spacing
        }
        // Spans that cover glyphs of this run, non-empty and not overlapping.
        var spans: [PDFTextSpan] = []
        for span in run.spans.sorted(by: { $0.glyphs.lowerBound < $1.glyphs.lowerBound }) {
            let clamped = span.glyphs.clamped(to: 0..<run.glyphs.count)
            guard !clamped.isEmpty, clamped.lowerBound >= (spans.last?.glyphs.upperBound ?? 0) else { continue }
            spans.append(PDFTextSpan(glyphs: clamped, language: span.language, actualText: span.actualText))
        }
        let scale = size / 1000
        var inString = false
        var penX = 0.0  // where a reader's pen is, in user space

        for (index, glyph) in run.glyphs.enumerated() {
            guard glyph.id != 0 else {
                // The glyph's text is not named: it may come from a plan value (page, run and glyph say where).
                throw PDFWriterError(.notdefGlyph, "glyph id 0 (.notdef)",
                                     page: page, run: runIndex, glyph: index)
            }
            guard Int(glyph.id) < glyphCount else {
                throw PDFWriterError(.glyphOutOfRange, "glyph id \(glyph.id) not in \(font.postScriptName)",
                                     page: page, run: runIndex, glyph: index)
            }
            let targetX = run.x + glyph.x
            guard isCoordinate(targetX), isCoordinate(glyph.y) else {
                throw PDFWriterError(.invalidValue, "glyph position is not finite or out of range",
                                     page: page, run: runIndex, glyph: index)
            }
            // Vertical offsets within the run (marks, superscripts) use the text
            // rise (§9.3.7) rather than a new text line: the run keeps one line
            // start and one pen, and the offset costs one operator.
            let glyphRise = round3(glyph.y)
            let (encoding, code) = usage.code(of: glyph.id)
            // Span boundaries (tagged documents): close the TJ, end or begin the span, reopen.
            if index > 0, spans.contains(where: { $0.glyphs.lowerBound == index || $0.glyphs.upperBound == index }) {
                if inString { out.append(0x29); inString = false }
                out.ascii("] TJ\n")
                if spans.contains(where: { $0.glyphs.upperBound == index }) { endMarked() }
                if let span = spans.first(where: { $0.glyphs.lowerBound == index }) { beginSpan(span) }
                out.append(0x5B)
            } else if index == 0, let span = spans.first(where: { $0.glyphs.lowerBound == 0 }) {
                beginSpan(span)
            }
            if index == 0 {
                if glyphRise != rise { setRise(glyphRise) }
                // §9.4.2 Td: move to the run's first glyph, relative to the
                // start of the previous text line.
                let dx = round3(targetX - lineX)
                let dy = round3(run.y - lineY)
                out.pdfNumber(dx)
                out.append(0x20)
                out.pdfNumber(dy)
                out.ascii(" Td\n[")
                lineX += dx
                lineY += dy
                penX = lineX
            } else {
                let resourceNumber = usage.encodings[encoding].resourceNumber
                if glyphRise != rise || resourceNumber != fontNumber {
                    // A new TJ: Ts and Tf change the text state, not the pen (§9.3, §9.4.3).
                    if inString { out.append(0x29) }
                    out.ascii("] TJ\n")
                    if glyphRise != rise { setRise(glyphRise) }
                    if resourceNumber != fontNumber { selectFont(usage.encodings[encoding], size: size) }
                    out.append(0x5B)
                    inString = false
                }
                // §9.4.3: a TJ number n moves the pen by −n/1000 · size.
                // Differences below a tenth of a thousandth of an em (0.001 pt at 11.5 pt: the
                // rounding of Tw and of the widths) are carried, not written: the pen stays
                // tracked, so the next glyph that is further off corrects them and nothing drifts.
                let adjustment = ((penX - targetX) / scale * 100).rounded() / 100
                if adjustment.magnitude >= 0.1 {
                    if inString {
                        out.append(0x29)
                        inString = false
                    }
                    out.pdfNumber(adjustment)
                    penX -= adjustment * scale
                }
            }
            if !inString {
                out.append(0x28)
                inString = true
            }
            // A code from FontUsage.codeSpace or the space: no byte needs escaping in a literal string.
            out.append(code)
            penX += font.widths[Int(glyph.id)] * scale
            if code == FontUsage.spaceCode { penX += wordSpacing }
            if !glyph.text.isEmpty {
                // Glyphs with an empty text that follow belong to the same cluster.
                var end = index
                while end + 1 < run.glyphs.count && run.glyphs[end + 1].text.isEmpty { end += 1 }
                if end == index {
                    usage.recordText(glyph.id, glyph.text)
                } else {
                    usage.recordCluster(run.glyphs[index...end], text: glyph.text)
                }
            }
        }
        if inString { out.append(0x29) }
        out.ascii("] TJ\n")
        if spans.contains(where: { $0.glyphs.upperBound >= run.glyphs.count }) { endMarked() }
    }

    /// §9.3.3 Tw for a run: the extra advance most of its spaces have over the space
    /// glyph's width (a justified line stretches every space alike), rounded as written;
    /// nil when the run has no space followed by a glyph. A space that differs still gets
    /// its TJ number, so the choice changes bytes, never positions.
    static func wordSpacing(_ run: PDFTextRun, usage: FontUsage) -> Double? {
        // Values and their counts: a line has one or two distinct values, so a list scanned
        // linearly (a dictionary per run cost more than the rest of this function).
        var counts: [(value: Double, count: Int)] = []
        let scale = run.size / 1000
        for index in run.glyphs.indices.dropFirst() where usage.isSpace(run.glyphs[index - 1].id) {
            let space = run.glyphs[index - 1]
            let extra = round3(run.glyphs[index].x - space.x - usage.font.widths[Int(space.id)] * scale)
            guard extra.isFinite, extra.magnitude < 1_000 else { continue }
            if let known = counts.firstIndex(where: { $0.value == extra }) {
                counts[known].count += 1
            } else {
                counts.append((extra, 1))
            }
        }
        // The most frequent value; of equally frequent ones the smallest (deterministic).
        return counts.max { ($0.count, -$0.value) < ($1.count, -$1.value) }?.value
    }

    /// §9.3.1 Tf: selects an encoding (a Type0 font resource) and size unless both are set.
    private mutating func selectFont(_ encoding: FontUsage.Encoding, size: Double) {
        guard encoding.resourceNumber != fontNumber || size != fontSize else { return }
        out.ascii("/F")
        out.pdfInt(encoding.resourceNumber)
        out.append(0x20)
        out.pdfNumber(size)
        out.ascii(" Tf\n")
        fontNumber = encoding.resourceNumber
        fontSize = size
        if !fonts.contains(where: { $0.resourceNumber == encoding.resourceNumber }) {
            fonts.append((encoding.resourceNumber, encoding.type0))
        }
    }

    /// §9.3.7 Ts: text rise, kept in the text state until changed.
    private mutating func setRise(_ value: Double) {
        out.pdfNumber(value)
        out.ascii(" Ts\n")
        rise = value
    }
}

/// Rounds to the 0.001 precision numbers are written with.
@inline(__always)
func round3(_ value: Double) -> Double {
    (value * 1000).rounded(.toNearestOrAwayFromZero) / 1000
}

/// A coordinate the writer accepts: finite and within ±1e9 points.
@inline(__always)
func isCoordinate(_ value: Double) -> Bool {
    value.isFinite && value.magnitude < 1e9
}
