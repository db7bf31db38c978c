// The logical structure carried to the page, for tagged PDF: page items between a
// `.beginMark` and its `.endMark` belong to a structure element (or are a running
// header or footer); items outside any mark are layout furniture (rules, grids,
// frames). The types are the standard structure types of ISO 32000-1 §14.8.4,
// but nothing here writes PDF.

/// One element of the document's logical structure.
public struct StructureElement: Sendable, Hashable {
    /// Standard structure types; the raw value is the type's name.
    public enum Role: String, Sendable, Hashable {
        case document = "Document", section = "Sect", division = "Div"
        case heading1 = "H1", heading2 = "H2", heading3 = "H3", paragraph = "P"
        case list = "L", listItem = "LI", label = "Lbl", listBody = "LBody"
        case table = "Table", tableRow = "TR", tableHeader = "TH", tableCell = "TD"
        case figure = "Figure"
    }

    /// Which cells a table header cell heads.
    public enum Scope: Sendable, Hashable { case row, column }

    /// Unique within a laid-out document; the same element on several pages has the same id.
    public var id: Int
    public var role: Role
    /// BCP 47 tag of the element's content (set on the outermost element of each language).
    public var language: String?
    /// A text alternative (the body diagram's caption sentence).
    public var alternative: String?
    /// What the content reads as when its glyphs or drawing do not say it (a box to tick, a line to sign on).
    public var actualText: String?
    public var scope: Scope?

    public init(id: Int, role: Role, language: String? = nil, alternative: String? = nil,
                actualText: String? = nil, scope: Scope? = nil) {
        self.id = id; self.role = role; self.language = language
        self.alternative = alternative; self.actualText = actualText; self.scope = scope
    }
}

/// What the items up to the next `.endMark` are.
public enum ContentMark: Sendable, Hashable {
    /// Content of the last element of the path; the path runs from the outermost element.
    case content([StructureElement])
    /// The running header.
    case header
    /// The running footer; `alternative` is what its drawing says (the QR code's text).
    case footer(alternative: String?)
}

extension FlowBuilder {
    /// A new structure element with the next id of the document.
    func element(_ role: StructureElement.Role, language: String? = nil, alternative: String? = nil,
                 actualText: String? = nil, scope: StructureElement.Scope? = nil) -> StructureElement {
        StructureElement(id: ids.next(), role: role, language: language, alternative: alternative,
                         actualText: actualText, scope: scope)
    }

    /// `items` as the content of `leaf`, inside `parents` (the builder's own by default).
    func tagged(_ items: [PageItem], _ leaf: StructureElement, parents: [StructureElement]? = nil) -> [PageItem] {
        guard !items.isEmpty else { return items }
        return [.beginMark(.content((parents ?? self.parents) + [leaf]))] + items + [.endMark]
    }
}

extension PageItem {
    /// The item without structure marks (a table header repeated on a new page is a pagination artifact).
    var isMark: Bool {
        switch self {
        case .beginMark, .endMark: return true
        default: return false
        }
    }
}
