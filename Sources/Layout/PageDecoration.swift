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
    private var setLines: [String: [PageItem]] = [:]

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
        let left = options.marginLeft, width = options.contentWidth
        // The running header and footer are pagination artifacts in a tagged PDF.
        page.items.append(.beginMark(.header))
        defer { page.items.append(.endMark) }
        // Header: the identity line, then a rule.
        var headerBaseline = headerLines.count > 1 ? 32.0 : 40.0
        for (i, identity) in headerLines.enumerated() {
            // Bilingual documents: both languages' lines in the same weight (equal standing).
            page.items += try line([TextSpan(identity.text, style: i == 0 || headerLines.count > 1 ? .bold : .regular)], x: left, width: width,
                                   baseline: headerBaseline, align: .start, rtl: identity.rtl)
            headerBaseline += 13
        }
        headerBaseline -= 13
        page.items.append(.line(x1: left, y1: headerBaseline + 8, x2: left + width, y2: headerBaseline + 8, width: 0.6, gray: 0.4))
        page.items.append(.endMark)
        page.items.append(.beginMark(.footer(alternative: DocumentLayout.scanCode(documentId: metadata.documentId, page: number, of: count))))
        try footer(&page, number: number, of: count)
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
        for r in symbol.darkRectangles() {
            // A hair wider and taller, so that neighbours overlap instead of leaving hairline gaps.
            page.items.append(.rect(x: qrX + Double(r.column) * module, y: qrY + Double(r.row) * module,
                                    width: Double(r.width) * module + 0.02, height: Double(r.height) * module + 0.02,
                                    stroke: nil, fill: 0))
        }

        // Texts beside the code: the document note (up to two lines) and the code's text; the page label at the end.
        let gap = 10.0
        let textLeft = rtl ? left : left + symbolSide + gap
        let textWidth = width - symbolSide - gap
        let label = metadata.pageLabel.replacingOccurrences(of: "{page}", with: String(number))
            .replacingOccurrences(of: "{pages}", with: String(count))
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
        var baseline = firstBaseline
        for piece in pieces {
            page.items += try line([TextSpan(piece)], x: rtl ? textLeft + textWidth - noteWidth : textLeft, width: noteWidth,
                                   baseline: baseline, align: .start)
            baseline += 12
        }
        // The code's text is Latin letters, digits and punctuation: always set left to right.
        var small = style
        small.size = options.smallSize - 1
        small.direction = .leftToRight
        small.alignment = rtl ? .end : .start
        let codeLayout = try typesetter.layout([TextSpan(code)], style: small, width: textWidth)
        if let first = codeLayout.lines.first {
            page.items += first.runs.map { PageItem.glyphs(x: textLeft + $0.x, y: baseline + 1, run: $0) }
        }
    }

    /// One line of text; header and footer texts are short enough for one line of the measure.
    private func line(_ spans: [TextSpan], x: Double, width: Double, baseline: Double, align: Alignment,
                      rtl lineRTL: Bool? = nil) throws -> [PageItem] {
        let direction = lineRTL ?? rtl
        let key = "\(spans.map { "\($0.style)\u{1}\($0.text)" }.joined(separator: "\u{2}"))|\(x)|\(width)|\(baseline)|\(align)|\(direction)"
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
