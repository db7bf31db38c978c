import DocumentModel
import Typesetting

/// Lays out a document tree into A4 pages: blocks → flow items (this file and
/// its extensions) → pages (`Paginator`) → running header and footer (`PageDecoration`).
public struct DocumentLayout {
    public let typesetter: Typesetter
    public let options: LayoutOptions

    public init(typesetter: Typesetter, options: LayoutOptions = LayoutOptions()) {
        self.typesetter = typesetter
        self.options = options
    }

    /// Lays out one document.
    public func layout(_ document: Document) throws -> LaidOutDocument {
        // One document's view of the shared caches: its patient's paragraphs stay out of them.
        let typesetter = typesetter.forDocument()
        var builder = FlowBuilder(typesetter: typesetter, options: options,
                                  language: document.metadata.language,
                                  rtl: document.metadata.direction == .rightToLeft)
        builder.parents = [builder.element(.document, language: document.metadata.language)]
        for block in document.blocks { try builder.add(block) }
        let pages = Paginator(options: options).paginate(builder.flow, headers: builder.headers)
        let decoration = PageDecoration(typesetter: typesetter, options: options, metadata: document.metadata,
                                        rtl: builder.band.rtl)
        return try assemble(pages, decoration: decoration)
    }

    /// Decorates every page (header, footer, page label "N of M") and gathers the outline and the log.
    func assemble(_ pages: [Paginator.PaginatedPage], decoration: PageDecoration) throws -> LaidOutDocument {
        var pages = pages
        for i in pages.indices { try decoration.decorate(&pages[i].page, number: i + 1, of: pages.count) }
        var log = ""
        var outline: [OutlineEntry] = []
        for (i, p) in pages.enumerated() {
            log += "page \(i + 1)\n" + p.log
            for mark in p.outline { outline.append(OutlineEntry(title: mark.title, level: mark.level, pageIndex: i, y: mark.y)) }
        }
        return LaidOutDocument(pages: pages.map(\.page), outline: outline, log: log)
    }
}

extension DocumentLayout {
    /// What the QR code in a page's footer says (and the text printed beside it):
    /// `OSTEODOC:<document id>:<page>/<pages>`.
    public static func scanCode(documentId: String, page: Int, of count: Int) -> String {
        "OSTEODOC:\(documentId):\(page)/\(count)"
    }
}
