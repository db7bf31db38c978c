// The document level: catalog (ISO 32000-1 §7.7.2), page tree (§7.7.3), pages
// and their resources, fonts, metadata and outline, assembled by ObjectWriter.
//
// Object order (fixed, so output is byte-identical for equal input):
//   1 catalog, 2 page tree, 3 info, 4 metadata, outline root and items,
//   then per page: page and contents; the structure tree and output intent;
//   then each font's shared objects (CIDFont, descriptor, program) in order of
//   first use, then each font's encodings (Type0 font, encoding CMap, ToUnicode CMap).
// Page objects are written right after their content stream, fonts at the end
// (their subsets depend on every page).

/// Writes complete PDF 1.7 files.
///
/// The module is layered like typst's pdf-writer/krilla: a raw object layer
/// (`Serialization.swift`, `ObjectWriter.swift`, `Flate.swift`) that knows
/// bytes and objects only; a document layer (fonts: `PDFFont`, `SubsetCache`,
/// `FontEmbedding`, `ToUnicodeCMap`; pages: `ContentStream`; `Outline`,
/// `Metadata+XMP`) that turns the page model into objects; and this entry point.
/// It knows nothing of layout: pages arrive as positioned glyphs and graphics.
public enum PDFDocumentWriter {
    /// Serialises `pages` with the document metadata `info` into a PDF file.
    ///
    /// Output depends only on the input: no clock, no random ids, no dictionary
    /// iteration order. Each font is subset once per call.
    ///
    /// - Throws: ``PDFWriterError``: glyph id 0 or out of the font, non-finite or
    ///   out-of-range numbers, an outline item pointing nowhere, a malformed
    ///   creation date, or a font HarfBuzz cannot subset.
    public static func write(pages: [PDFPage], info: PDFDocumentInfo) throws -> [UInt8] {
        guard !pages.isEmpty else { throw PDFWriterError(.noPages, "a PDF needs at least one page") }
        let creationDate = try info.creationDate.map { try PDFDate(rfc3339: $0) }

        var writer = ObjectWriter()
        writer.writeHeader()
        let catalog = writer.allocate()
        let pageTree = writer.allocate()
        let infoObject = writer.allocate()
        let metadata = writer.allocate()
        let outline = try OutlinePlan.plan(info.outline, pageCount: pages.count, writer: &writer)
        let pageObjects = pages.map { _ in (page: writer.allocate(), contents: writer.allocate()) }
        var tags = try info.structure.map { try TaggingPlan(elements: $0, pageCount: pages.count, writer: &writer) }
        if let tags { writer.packDictionaries(into: tags.objectStream) }
        let outputIntent = try info.outputIntentProfile.map { try OutputIntentPlan(profile: $0, writer: &writer) }

        // §7.7.2 Table 28: document catalog.
        writer.dictionary(catalog) { out in
            out.ascii(" /Type /Catalog /Pages ")
            out.pdfRef(pageTree)
            out.ascii(" /Metadata ")
            out.pdfRef(metadata)
            out.ascii(" /Lang ")
            out.pdfTextString(info.language)
            // §12.2 Table 150: show the title, not the file name, in the window.
            out.ascii(" /ViewerPreferences << /DisplayDocTitle true >>")
            if let tags {
                // §14.7.2 structure tree root, §14.7.1 Table 321 mark information.
                out.ascii(" /MarkInfo << /Marked true >> /StructTreeRoot ")
                out.pdfRef(tags.root)
            }
            if let outputIntent {
                out.ascii(" /OutputIntents [")
                out.pdfRef(outputIntent.intent)
                out.ascii("]")
            }
            if let outline {
                out.ascii(" /Outlines ")
                out.pdfRef(outline.root)
                out.ascii(" /PageMode /UseOutlines")
            }
        }
        // §7.7.3.2 Table 29: a flat page tree.
        writer.dictionary(pageTree) { out in
            out.ascii(" /Type /Pages /Kids [")
            for (index, objects) in pageObjects.enumerated() {
                if index > 0 { out.append(0x20) }
                out.pdfRef(objects.page)
            }
            out.ascii("] /Count ")
            out.pdfInt(pages.count)
        }
        writer.writeInfo(infoObject, info: info, creationDate: creationDate)
        writer.writeXMP(metadata, info: info, creationDate: creationDate)
        outline?.write(to: &writer, pageObjects: pageObjects.map(\.page))

        // Fonts: every glyph of every page first, so that each font's codes follow its
        // glyph order (compact CMaps) and a font needs a second encoding only when one
        // byte cannot address all it shows.
        var fonts: [FontUsage] = []
        var fontsByIdentity: [ObjectIdentifier: FontUsage] = [:]
        for page in pages {
            for run in page.texts where !run.glyphs.isEmpty {
                let key = ObjectIdentifier(run.font)
                let usage: FontUsage
                if let known = fontsByIdentity[key] {
                    usage = known
                } else {
                    usage = FontUsage(font: run.font, objects: .init(cidFont: writer.allocate(), descriptor: writer.allocate(),
                                                                     fontFile: writer.allocate()))
                    fonts.append(usage)
                    fontsByIdentity[key] = usage
                }
                usage.markUsed(run.glyphs.lazy.map(\.id))
            }
        }
        var resourceNumber = 1
        for usage in fonts { usage.assignCodes(resourceNumber: &resourceNumber) { writer.allocate() } }

        // Pages: content stream, then the page with the fonts its text selected.
        for (pageIndex, page) in pages.enumerated() {
            guard isCoordinate(page.width), isCoordinate(page.height), page.width > 0, page.height > 0 else {
                throw PDFWriterError(.invalidValue, "page size \(page.width) × \(page.height) is not positive", page: pageIndex)
            }
            var content = ContentStream(page: pageIndex)
            for (graphicIndex, graphic) in page.graphics.enumerated() {
                if tags != nil {
                    let mark = graphicIndex < page.graphicMarks.count ? page.graphicMarks[graphicIndex] : .artifact(.layout)
                    try tags?.mark(mark, page: pageIndex, content: &content)
                }
                try content.paint(graphic)
            }
            tags?.endSequence(content: &content)
            for (runIndex, run) in page.texts.enumerated() where !run.glyphs.isEmpty {
                // An element's run with spans (a Latin name in Arabic text, punctuation with a
                // replacement text) is shown in pieces, each span a marked-content sequence of
                // the element's own: a span nested inside the element's sequence ends the
                // element's text for poppler's structure reader (pdfinfo -struct-text printed
                // "." for an Arabic sentence ending in such a span).
                let pieces = tags != nil ? Self.pieces(of: run) : [(run, nil)]
                for (piece, span) in pieces {
                    if tags != nil {
                        content.beginText()
                        try tags?.mark(piece.mark ?? .artifact(.layout), span: span, page: pageIndex, content: &content)
                    }
                    guard let usage = fontsByIdentity[ObjectIdentifier(run.font)] else { continue }
                    try content.show(piece, usage: usage, runIndex: runIndex)
                }
            }
            tags?.endSequence(content: &content)
            content.finish()

            let objects = pageObjects[pageIndex]
            writer.stream(objects.contents, data: try Flate.compress(content.out)) { out in
                out.ascii(" /Filter /FlateDecode")
            }
            // §7.7.3.3 Table 30: page object.
            writer.dictionary(objects.page) { out in
                out.ascii(" /Type /Page /Parent ")
                out.pdfRef(pageTree)
                out.ascii(" /MediaBox [0 0 ")
                out.pdfNumber(page.width)
                out.append(0x20)
                out.pdfNumber(page.height)
                out.ascii("] /Resources <<")
                if !content.fonts.isEmpty {
                    out.ascii(" /Font <<")
                    for font in content.fonts {
                        out.ascii(" /F")
                        out.pdfInt(font.resourceNumber)
                        out.append(0x20)
                        out.pdfRef(font.type0)
                    }
                    out.ascii(" >>")
                }
                out.ascii(" >> /Contents ")
                out.pdfRef(objects.contents)
                if tags != nil {
                    // §14.7.4.4: the page's key in the parent tree; PDF/UA §7.18.3: tab order by structure.
                    out.ascii(" /StructParents ")
                    out.pdfInt(pageIndex)
                    out.ascii("/Tabs/S")
                }
            }
        }

        for usage in fonts { try writer.writeFont(usage) }
        try tags?.write(to: &writer, pageObjects: pageObjects.map(\.page))
        try outputIntent?.write(to: &writer, identifier: info.outputConditionIdentifier)
        return try writer.finish(root: catalog, info: infoObject, id: MD5.digest(Array(info.identifier.utf8)))
    }

    /// An element's run cut at its spans: the pieces in order, each with the span it is (nil
    /// between spans). Glyph positions stay relative to the run's origin, so each piece is
    /// shown where it was. A cut never falls inside a cluster (before a glyph without text).
    /// Runs of artifacts and runs without spans come back whole (spans then nest, as before).
    static func pieces(of run: PDFTextRun) -> [(run: PDFTextRun, span: PDFTextSpan?)] {
        guard case .element = run.mark, !run.spans.isEmpty else { return [(run, nil)] }
        let count = run.glyphs.count
        var cuts: [(range: Range<Int>, span: PDFTextSpan?)] = []
        var position = 0
        func clusterEnd(_ index: Int) -> Int {
            var end = index
            while end < count && end > 0 && run.glyphs[end].text.isEmpty { end += 1 }
            return end
        }
        for span in run.spans.sorted(by: { $0.glyphs.lowerBound < $1.glyphs.lowerBound }) {
            let lower = clusterEnd(max(span.glyphs.lowerBound, position))
            let upper = clusterEnd(min(span.glyphs.upperBound, count))
            guard lower < upper else { continue }
            if position < lower { cuts.append((position..<lower, nil)) }
            cuts.append((lower..<upper, span))
            position = upper
        }
        if position < count { cuts.append((position..<count, nil)) }
        return cuts.map { cut in
            var piece = run
            piece.glyphs = Array(run.glyphs[cut.range])
            piece.spans = []
            return (piece, cut.span)
        }
    }
}
