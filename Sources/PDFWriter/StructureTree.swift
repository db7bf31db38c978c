// Tagged PDF, ISO 32000-1 §14.7 (logical structure), §14.8 (tagged PDF: standard
// structure types §14.8.4, artifacts §14.8.2.2) and §14.9 (Lang, Alt, ActualText).
// The caller describes the structure tree and marks every run and graphic with the
// element it belongs to (or as an artifact); the writer assigns marked-content ids,
// writes BDC…EMC around them, the structure elements and the parent tree.

/// One structure element of a tagged document.
public struct PDFStructureElement: Sendable, Equatable {
    /// A standard structure type of §14.8.4 ("Document", "P", "H1", "L", "LI",
    /// "Lbl", "LBody", "Table", "TR", "TH", "TD", "Figure", "Sect", "Div", …).
    public var type: String
    /// Index of the parent in the element array; nil for a child of the
    /// structure tree root. A parent comes before its children in the array, and
    /// children are read in the order of the array (the reading order).
    public var parent: Int?
    /// BCP 47 tag (§14.9.2), set only where the language differs from the parent's.
    public var language: String?
    /// Alternate description (§14.9.3), required on figures.
    public var alternateDescription: String?
    /// Replacement text (§14.9.4) for content whose glyphs do not read as text
    /// (a drawn box, a line to sign on).
    public var actualText: String?
    /// For `TH`: the cells the header applies to (§14.8.5.7, Table 349 Scope).
    public var scope: Scope?

    public enum Scope: String, Sendable, Equatable {
        case row = "Row", column = "Column"
    }

    public init(type: String, parent: Int?, language: String? = nil, alternateDescription: String? = nil,
                actualText: String? = nil, scope: Scope? = nil) {
        self.type = type
        self.parent = parent
        self.language = language
        self.alternateDescription = alternateDescription
        self.actualText = actualText
        self.scope = scope
    }
}

/// What a run or graphic of a tagged document is.
public enum PDFContentMark: Sendable, Equatable {
    /// Real content of the structure element with this index.
    case element(Int)
    /// An artifact (§14.8.2.2): not part of the document's content.
    case artifact(PDFArtifact)
}

/// The kind of an artifact (§14.8.2.2.2, Table 330).
public enum PDFArtifact: Sendable, Equatable {
    /// Running header (Pagination artifact, subtype Header).
    case header
    /// Running footer (Pagination artifact, subtype Footer); `alternateDescription`
    /// is what a drawing in it says (the QR code's text).
    case footer(alternateDescription: String?)
    /// Layout artifacts: rules, table grid, box frames.
    case layout
}

/// A span of text inside a run that needs its own marked-content properties:
/// a language different from the element's (§14.9.2.2, a Latin name inside
/// Arabic text) or a replacement text (§14.9.4) for glyphs whose ToUnicode
/// mapping alone does not extract correctly.
public struct PDFTextSpan: Sendable, Equatable {
    /// Glyph indices of the run covered by the span (contiguous).
    public var glyphs: Range<Int>
    public var language: String?
    public var actualText: String?

    public init(glyphs: Range<Int>, language: String? = nil, actualText: String? = nil) {
        self.glyphs = glyphs
        self.language = language
        self.actualText = actualText
    }
}
