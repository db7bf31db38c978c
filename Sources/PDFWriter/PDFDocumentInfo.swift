/// One entry of the document outline (bookmarks), ISO 32000-1 §12.3.3.
public struct PDFOutlineItem: Sendable {
    public var title: String
    /// Zero-based index of the target page.
    public var pageIndex: Int
    /// Target height on that page in PDF user space (points from the bottom).
    public var y: Double
    public var children: [PDFOutlineItem]

    public init(title: String, pageIndex: Int, y: Double, children: [PDFOutlineItem] = []) {
        self.title = title
        self.pageIndex = pageIndex
        self.y = y
        self.children = children
    }
}

/// Document-level metadata: Info dictionary, XMP packet, catalog entries, outline.
public struct PDFDocumentInfo: Sendable {
    public var title: String
    /// BCP 47 language tag: `/Lang` in the catalog, `dc:language` in XMP.
    public var language: String
    public var author: String?
    public var subject: String?
    /// The creating application, e.g. "osteodoc 0.1".
    public var creator: String?
    /// A deterministic document identifier; the trailer's `/ID` pair is the MD5
    /// of its UTF-8 bytes (ISO 32000-1 §14.4).
    public var identifier: String
    /// RFC 3339 date-time (e.g. "2026-02-03T10:15:00+01:00"). When nil the PDF has
    /// no `/CreationDate` and no `xmp:CreateDate`; the writer never reads a clock.
    public var creationDate: String?
    public var outline: [PDFOutlineItem]

    public init(
        title: String, language: String, author: String? = nil, subject: String? = nil,
        creator: String? = nil, identifier: String, creationDate: String? = nil,
        outline: [PDFOutlineItem] = []
    ) {
        self.title = title
        self.language = language
        self.author = author
        self.subject = subject
        self.creator = creator
        self.identifier = identifier
        self.creationDate = creationDate
        self.outline = outline
    }
}
