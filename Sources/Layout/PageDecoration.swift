import DocumentModel
import QRCode
import Typesetting

/// The running header (patient's name, date of birth, record number: pages are
/// separated at the front desk) and the footer (document id, content version,
/// "Pagina N di M") on every page.
///
/// The footer starts with a QR code of `OSTEODOC:<document id>:<page>/<pages>`,
/// with the same text printed beside it, so that a signed page scanned into the
/// clinical record can be filed by machine. The code sits on the start side
/// (left, or right in a right-to-left document), its dark modules flush with the
/// margin; the footer texts follow it.
final class PageDecoration {
    let typesetter: Typesetter
    let options: LayoutOptions
    let metadata: DocumentMetadata
    let rtl: Bool
    /// Lines of the running header (one for a single-language document, one per language for a bilingual one).
    /// Each line with its own writing direction (the languages of a bilingual document may differ).
    let headerLines: [(text: String, rtl: Bool)]
    /// Lines already set for this document: the header and the document note repeat on every page.
    private var setLines: [LineKey: [PageItem]] = [:]

    /// What a line set by ``line(_:x:width:baseline:align:rtl:)`` depends on. A value, not a
    /// string made of them: describing the enums in a string went through the runtime's
    /// reflection, 27,000 instructions a line (callgrind, 2 December 2026). Spans compare by
    /// their texts' bytes, as in the layout cache.
    private struct LineKey: Hashable {
        var spans: [TextSpan]
        var x, width, baseline: Double
        var align: Alignment
        var rtl: Bool
    }

    init(typesetter: Typesetter, options: LayoutOptions, metadata: DocumentMetadata, rtl: Bool,
         headerLines: [(text: String, rtl: Bool)]? = nil) {
        self.typesetter = typesetter
        self.options = options
        self.metadata = metadata
        self.rtl = rtl
        self.headerLines = headerLines ?? [(metadata.runningHeader.joined(separator: "  ·  "), rtl)]
    }

    private var style: ParagraphStyle {
        ParagraphStyle(size: options.smallSize + 0.5, leading: 13, language: metadata.language,
                       direction: rtl ? .rightToLeft : .leftToRight, alignment: .start, hyphenate: false)
    }

    func decorate(_ page: inout Page, number: Int, of count: Int) throws {
        // The running header and footer are pagination artifacts in a tagged PDF.
        page.items.append(.beginMark(.header))
        page.items += try header()
        page.items.append(.endMark)
        page.items.append(.beginMark(.footer(alternative: DocumentLayout.scanCode(documentId: metadata.documentId, page: number, of: count))))
        try footer(&page, number: number, of: count)
        page.items.append(.endMark)
    }

    /// The header, the same on every page: set once.
    private var headerItems: [PageItem]?

    /// The identity lines, then a rule. A line too long for the measure is set smaller (down to
    /// 8 pt), then wrapped; the block grows upwards from the rule, and only when it cannot fit
    /// above the body at all is the document refused — the header never drops a word.
    private func header() throws -> [PageItem] {
        if let headerItems { return headerItems }
        let left = options.marginLeft, width = options.contentWidth
        var blocks: [(size: Double, lines: [Line])] = []
        for (i, identity) in headerLines.enumerated() {
            // Bilingual documents: both languages' lines in the same weight (equal standing).
            let spans = [TextSpan(identity.text, style: i == 0 || headerLines.count > 1 ? .bold : .regular)]
            var s = style
            s.direction = identity.rtl ? .rightToLeft : .leftToRight
            var set = try typesetter.layout(spans, style: s, width: width)
            for size in [s.size - 1, s.size - 2] where set.lines.count > 1 {
                s.size = size
                set = try typesetter.layout(spans, style: s, width: width)
            }
            blocks.append((s.size, set.lines))
        }
        let pitch = 12.5
        let lineCount = blocks.reduce(0) { $0 + $1.lines.count }
        // The rule sits 8 pt under the last baseline and at least 6 pt above the body.
        let lastBaseline = min(headerLines.count > 1 ? 45.0 : 40.0, options.marginTop - 14)
        var baseline = lastBaseline - Double(lineCount - 1) * pitch
        guard baseline >= 14 else {
            throw LayoutError("running header: the patient's name, birth date and record number do not fit above the text even in small type")
        }
        var items: [PageItem] = []
        for block in blocks {
            for line in block.lines {
                items += line.runs.map { PageItem.glyphs(x: left + $0.x, y: baseline, run: $0) }
                baseline += pitch
            }
        }
        items.append(.line(x1: left, y1: lastBaseline + 8, x2: left + width, y2: lastBaseline + 8, width: 0.6, gray: 0.4))
        headerItems = items
        return items
    }

    /// Side of the QR code with its quiet zone, in pt (15 mm).
    static let qrSide = 15 * 72 / 25.4

    private func footer(_ page: inout Page, number: Int, of count: Int) throws {
        let left = options.marginLeft, width = options.contentWidth
        let ruleY = options.pageHeight - options.marginBottom + 4
        page.items.append(.line(x1: left, y1: ruleY, x2: left + width, y2: ruleY, width: 0.6, gray: 0.4))

        // The QR code: dark modules flush with the start margin, quiet zone around them.
        let code = DocumentLayout.scanCode(documentId: metadata.documentId, page: number, of: count)
        let symbol: QRCode
        do { symbol = try QRCode(code, correction: .medium) } catch {
            throw LayoutError("footer: \(error)")
        }
        let module = Self.qrSide / Double(symbol.size + 2 * QRCode.quietZone)
        let quiet = module * Double(QRCode.quietZone)
        let symbolSide = module * Double(symbol.size)
        let qrX = rtl ? left + width - symbolSide : left
        let qrY = ruleY + 2 + quiet
        page.items.append(.cells(x: qrX, y: qrY, cell: module, rows: symbol.size, blocks: symbol.darkRectangles().map {
            CellBlock(column: $0.column, row: $0.row, width: $0.width, height: $0.height)
        }))

        page.items.append(.field(FormField(kind: .pageCode, group: 0, prompt: "", label: code,
                                           x: qrX, y: qrY, width: symbolSide, height: symbolSide)))

        // Texts beside the code: the document note (up to two lines) and the code's text; the page label at the end.
        let gap = 10.0
        let textLeft = rtl ? left : left + symbolSide + gap
        let textWidth = width - symbolSide - gap
        let label = Self.pageLabel(metadata.pageLabel, page: number, of: count)
        let labelSpans = [TextSpan(label, style: .bold)]
        let labelWidth = try typesetter.measure(labelSpans, style: style)
        let firstBaseline = qrY + 8
        page.items += try line(labelSpans, x: textLeft, width: textWidth, baseline: firstBaseline, align: .end)
        let noteWidth = textWidth - labelWidth - 16
        // One line when it fits; otherwise broken at its " · " separators (never inside the id or version).
        var pieces = [metadata.footerNote]
        if try typesetter.measure([TextSpan(metadata.footerNote)], style: style) > noteWidth {
            let parts = metadata.footerNote.components(separatedBy: " · ")
            pieces = parts.count > 1 ? [parts[0], parts.dropFirst().joined(separator: " · ")] : parts
        }
        // Nothing is cut: a piece longer than its measure (a very long document id) wraps, and
        // when the lines would run off the sheet the note and the code's text are set smaller.
        for scale in [1.0, 0.9, 0.8] {
            var items: [PageItem] = []
            var baseline = firstBaseline
            var lastBaseline = baseline
            for piece in pieces {
                var s = style
                s.alignment = .start
                s.size *= scale
                let set = try typesetter.layout([TextSpan(piece)], style: s, width: noteWidth)
                for l in set.lines {
                    let x = rtl ? textLeft + textWidth - noteWidth : textLeft
                    items += l.runs.map { PageItem.glyphs(x: x + $0.x, y: baseline, run: $0) }
                    lastBaseline = baseline
                    baseline += 12 * scale
                }
            }
            // The code's text is Latin letters, digits and punctuation: always set left to right.
            var small = style
            small.size = (options.smallSize - 1) * scale
            small.direction = .leftToRight
            small.alignment = rtl ? .end : .start
            let codeLayout = try typesetter.layout([TextSpan(code)], style: small, width: textWidth)
            baseline += 1
            for l in codeLayout.lines {
                items += l.runs.map { PageItem.glyphs(x: textLeft + $0.x, y: baseline, run: $0) }
                lastBaseline = baseline
                baseline += small.size + 1.5
            }
            if lastBaseline <= options.pageHeight - 6 {
                page.items += items
                return
            }
        }
        throw LayoutError("footer: the document id (from planId) is too long to print in the footer")
    }

    /// The page label ("Pagina {page} di {pages}") with its two placeholders filled in.
    ///
    /// By hand, not with Foundation's `replacingOccurrences(of:with:)`: on Linux that goes
    /// through NSString and CFString's search, about 13,000 instructions a call, twice a page
    /// (callgrind, 2 December 2026). Any other brace is kept as it is.
    static func pageLabel(_ pattern: String, page: Int, of pages: Int) -> String {
        var label = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            label += rest[..<open]
            let tail = rest[open...]
            if tail.hasPrefix("{page}") {
                label += String(page)
                rest = tail.dropFirst(6)
            } else if tail.hasPrefix("{pages}") {
                label += String(pages)
                rest = tail.dropFirst(7)
            } else {
                label += "{"
                rest = tail.dropFirst()
            }
        }
        return label + rest
    }

    /// One line of text; header and footer texts are short enough for one line of the measure.
    private func line(_ spans: [TextSpan], x: Double, width: Double, baseline: Double, align: Alignment,
                      rtl lineRTL: Bool? = nil) throws -> [PageItem] {
        let direction = lineRTL ?? rtl
        let key = LineKey(spans: spans, x: x, width: width, baseline: baseline, align: align, rtl: direction)
        if let items = setLines[key] { return items }
        var s = style
        s.alignment = align
        s.direction = direction ? .rightToLeft : .leftToRight
        let layout = try typesetter.layout(spans, style: s, width: width)
        let items = layout.lines.first.map { first in first.runs.map { PageItem.glyphs(x: x + $0.x, y: baseline, run: $0) } } ?? []
        setLines[key] = items
        return items
    }
}
