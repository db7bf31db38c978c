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
    /// The creating application (`/Creator`, `xmp:CreatorTool`), e.g. "osteodoc".
    public var creator: String?
    /// A deterministic document identifier; the trailer's `/ID` pair is the MD5
    /// of its UTF-8 bytes (ISO 32000-1 §14.4).
    public var identifier: String
    /// RFC 3339 date-time (e.g. "2026-02-03T10:15:00+01:00"). When nil the PDF has
    /// no `/CreationDate` and no `xmp:CreateDate`; the writer never reads a clock.
    public var creationDate: String?
    public var outline: [PDFOutlineItem]
    /// `/Producer` and `pdf:Producer`: the program and its version ("osteodoc 0.4.0").
    public var producer: String
    /// Further languages of the content (a bilingual document's second language), for `dc:language`.
    public var otherLanguages: [String] = []
    /// The logical structure of a tagged PDF (ISO 32000-1 §14.7–14.8), in reading
    /// order. With it the file is tagged: `/MarkInfo`, `/StructTreeRoot`, marked
    /// content on every page, `/Tabs /S`. Nil: an untagged file.
    public var structure: [PDFStructureElement]?
    /// An ICC profile with an RGB colour space (e.g. sRGB IEC 61966-2.1): becomes the
    /// PDF/A OutputIntent (ISO 19005-2 §6.2.3). Together with `structure` the file
    /// claims PDF/A-2a and PDF/UA-1 in its XMP metadata.
    public var outputIntentProfile: [UInt8]?
    /// The profile's name for `/OutputConditionIdentifier`.
    public var outputConditionIdentifier = "sRGB IEC61966-2.1"

    public init(
        title: String, language: String, author: String? = nil, subject: String? = nil,
        creator: String? = nil, identifier: String, creationDate: String? = nil,
        outline: [PDFOutlineItem] = [], producer: String = "osteodoc",
        structure: [PDFStructureElement]? = nil, outputIntentProfile: [UInt8]? = nil
    ) {
        self.producer = producer
        self.structure = structure
        self.outputIntentProfile = outputIntentProfile
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

extension PDFDocumentInfo {
    /// Whether the file claims PDF/A-2a and PDF/UA-1: it is tagged and has an OutputIntent.
    var claimsArchivalConformance: Bool { structure != nil && outputIntentProfile != nil }
}
