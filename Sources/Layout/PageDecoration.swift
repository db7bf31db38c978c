import DocumentModel
import Typesetting

/// The running header (patient's name, date of birth, record number: pages are
/// separated at the front desk) and the footer (document id, content version,
/// "Pagina N di M") on every page.
struct PageDecoration {
    let typesetter: Typesetter
    let options: LayoutOptions
    let metadata: DocumentMetadata
    let rtl: Bool
    /// Lines of the running header (one for a single-language document, one per language for a bilingual one).
    var headerLines: [String]

    init(typesetter: Typesetter, options: LayoutOptions, metadata: DocumentMetadata, rtl: Bool, headerLines: [String]? = nil) {
        self.typesetter = typesetter
        self.options = options
        self.metadata = metadata
        self.rtl = rtl
        self.headerLines = headerLines ?? [metadata.runningHeader.joined(separator: "  ·  ")]
    }

    private var style: ParagraphStyle {
        ParagraphStyle(size: options.smallSize + 0.5, leading: 13, language: metadata.language,
                       direction: rtl ? .rightToLeft : .leftToRight, alignment: .start, hyphenate: false)
    }

    func decorate(_ page: inout Page, number: Int, of count: Int) throws {
        let left = options.marginLeft, width = options.contentWidth
        // Header: the identity line, then a rule.
        var headerBaseline = headerLines.count > 1 ? 32.0 : 40.0
        for (i, identity) in headerLines.enumerated() {
            page.items += try line([TextSpan(identity, style: i == 0 ? .bold : .regular)], x: left, width: width,
                                   baseline: headerBaseline, align: .start)
            headerBaseline += 13
        }
        headerBaseline -= 13
        page.items.append(.line(x1: left, y1: headerBaseline + 8, x2: left + width, y2: headerBaseline + 8, width: 0.6, gray: 0.4))
        // Footer: a rule, the document note on the start side and the page label on the end side.
        let footerBaseline = options.pageHeight - 38
        page.items.append(.line(x1: left, y1: footerBaseline - 13, x2: left + width, y2: footerBaseline - 13, width: 0.6, gray: 0.4))
        let label = metadata.pageLabel.replacingOccurrences(of: "{page}", with: String(number))
            .replacingOccurrences(of: "{pages}", with: String(count))
        let labelSpans = [TextSpan(label, style: .bold)]
        let labelWidth = try typesetter.measure(labelSpans, style: style)
        let noteWidth = width - labelWidth - 16
        page.items += try line([TextSpan(metadata.footerNote)], x: rtl ? left + width - noteWidth : left, width: noteWidth,
                               baseline: footerBaseline, align: .start)
        page.items += try line(labelSpans, x: left, width: width, baseline: footerBaseline, align: .end)
    }

    /// One line of text; header and footer texts are short enough for one line of the measure.
    private func line(_ spans: [TextSpan], x: Double, width: Double, baseline: Double, align: Alignment) throws -> [PageItem] {
        var s = style
        s.alignment = align
        let layout = try typesetter.layout(spans, style: s, width: width)
        guard let first = layout.lines.first else { return [] }
        return first.runs.map { PageItem.glyphs(x: x + $0.x, y: baseline, run: $0) }
    }
}
