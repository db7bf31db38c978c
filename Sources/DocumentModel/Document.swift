// The content tree: the shared currency between the Markdown reader and the
// exporters (HTML reads it directly; Layout turns it into pages for the PDF).
// Pure values, no dependencies.

/// Writing direction of a document or of one column of a bilingual document.
public enum TextDirection: String, Sendable, Equatable {
    case leftToRight = "ltr", rightToLeft = "rtl"
}

/// A finished document: metadata plus blocks, in one language.
public struct Document: Sendable, Equatable {
    public var metadata: DocumentMetadata
    public var blocks: [Block]
    public init(metadata: DocumentMetadata, blocks: [Block]) {
        self.metadata = metadata; self.blocks = blocks
    }
}

/// What every page repeats and what the file's metadata says.
public struct DocumentMetadata: Sendable, Equatable {
    /// Document title (also the PDF /Title and the HTML <title>).
    public var title: String
    /// BCP 47 language tag of the content (`it`, `ar`, …).
    public var language: String
    public var direction: TextDirection
    /// Deterministic identifier of this document (plan, kind, language, content version).
    public var documentId: String
    /// Version of the content (templates + locale) the document was built from.
    public var contentVersion: String
    /// Running header lines, already localized and formatted (patient name, birth date, record number).
    public var runningHeader: [String]
    /// Footer page label with `{page}` and `{pages}` placeholders, localized ("Pagina {page} di {pages}").
    public var pageLabel: String
    /// Footer text besides the page label (document id, content version), localized.
    public var footerNote: String
    public init(title: String, language: String, direction: TextDirection, documentId: String,
                contentVersion: String, runningHeader: [String], pageLabel: String, footerNote: String) {
        self.title = title; self.language = language; self.direction = direction
        self.documentId = documentId; self.contentVersion = contentVersion
        self.runningHeader = runningHeader; self.pageLabel = pageLabel; self.footerNote = footerNote
    }
}

/// A block-level element.
public indirect enum Block: Sendable, Equatable {
    /// A section heading; `id` is a stable identifier (slug) used for anchors and the PDF outline.
    case heading(level: Int, id: String, content: [Inline])
    case paragraph([Inline])
    /// A bulleted (`ordered == false`) or numbered list; each item is a list of blocks.
    case list(ordered: Bool, start: Int, items: [[Block]])
    /// Statements with an empty box to tick by hand ("☐ Consento").
    case checklist([[Inline]])
    /// A key-value or multi-column table; the first row set is the header.
    case table(Table)
    /// A visually prominent box (warnings, "call 112").
    case callout([Block])
    /// Lines to sign or fill in by hand, kept together on one page.
    case signature(SignatureBlock)
    /// Empty ruled lines for handwritten notes.
    case ruledLines(Int)
    case rule
    /// A paragraph in small type (where the data came from, for staff).
    case smallPrint([Inline])
    /// The skeleton with a numbered marker on each target; never split across pages.
    case bodyDiagram(BodyDiagramSpec)
    /// A question answered by ticking one of a few boxes, set on one line when it fits
    /// ("Ha allergie? ☐ No ☐ Sì, quali: ____").
    case choice(prompt: [Inline], options: [[Inline]])
    /// Blocks that stay on one page when they fit on one (CSS `break-inside: avoid`);
    /// a unit taller than a page breaks only between its blocks, and a nested unit stays whole.
    case keepTogether([Block])
    /// Two blocks side by side (a table and the figure that illustrates it): the first on the
    /// start side, the second, at its natural width, on the end side.
    case beside([Block])
}

/// A figure of the skeleton with numbered targets. Codes are the plan contract's
/// (`acetabulum`, `right`, `L2`); the figure's words are already localized.
public struct BodyDiagramSpec: Sendable, Equatable {
    public struct Marker: Sendable, Equatable {
        /// The target's number, as in the table of targets.
        public var number: Int
        public var site: String
        public var side: String
        /// Vertebral level (`T12`), for vertebrae only.
        public var level: String?
        public init(number: Int, site: String, side: String, level: String? = nil) {
            self.number = number; self.site = site; self.side = side; self.level = level
        }
    }
    /// The words on the figure, in the document's language.
    public struct Labels: Sendable, Equatable {
        /// The patient's right and left.
        public var right: String, left: String
        /// The names of the views ("seen from the front", "from behind").
        public var front: String, back: String
        /// One sentence under the figure; also its text alternative.
        public var caption: String
        public init(right: String, left: String, front: String, back: String, caption: String) {
            self.right = right; self.left = left; self.front = front; self.back = back; self.caption = caption
        }
    }
    public var markers: [Marker]
    public var labels: Labels
    public init(markers: [Marker], labels: Labels) { self.markers = markers; self.labels = labels }
}

/// A table with header cells.
public struct Table: Sendable, Equatable {
    /// Header row (may be empty for a key–value table whose first column holds the keys).
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    /// True when the first cell of each row is a row header (key–value tables).
    public var rowHeaders: Bool
    public init(header: [[Inline]], rows: [[[Inline]]], rowHeaders: Bool) {
        self.header = header; self.rows = rows; self.rowHeaders = rowHeaders
    }
}

/// A group of fields written by hand: each has a label printed under a line.
public struct SignatureBlock: Sendable, Equatable {
    /// Optional caption above the fields ("Il/la paziente").
    public var caption: [Inline]
    /// Field labels ("Firma", "Data", "Ora"), laid out side by side, in this order.
    public var fields: [[Inline]]
    public init(caption: [Inline], fields: [[Inline]]) { self.caption = caption; self.fields = fields }
}

/// An inline element.
public indirect enum Inline: Sendable, Equatable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    /// A soft line break in the source: a space when laid out.
    case softBreak
    /// A hard line break.
    case lineBreak
}

extension Inline {
    /// The plain text of an inline run (for metadata, outlines, tests).
    public static func plainText(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let s): return s
            case .emphasis(let c), .strong(let c): return plainText(c)
            case .softBreak: return " "
            case .lineBreak: return "\n"
            }
        }.joined()
    }
}
