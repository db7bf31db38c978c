// Where the paper is filled in by hand. Layout places these invisible items beside the boxes,
// signature lines and QR code it draws, so that a scan of the signed paper can be read at the
// exact positions osteodoc printed (Service's scan-back). Nothing is drawn for them.

/// A place on a page that a person fills in, or the page's QR code (the scan's reference).
public struct FormField: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// A box of a question's answers (one answer expected).
        case choice
        /// A box of a list of statements (each ticked or not).
        case checklist
        /// The space above a signature line (the signature, a name, a date, a time).
        case signature
        /// The dark modules of the page's QR code, without its quiet zone.
        case pageCode
    }

    public var kind: Kind
    /// Identifies the question, list or signature block the field belongs to: fields with the same
    /// group are read together (numbers are unique within a document, increasing in reading order).
    public var group: Int
    /// The question, or the signature block's caption, in the document's language ("" for a list).
    public var prompt: String
    /// The answer, statement or field label beside it (a signature field: "Firma", "Data", …).
    public var label: String
    /// Top-left corner and size in points, page coordinates (y down), like every ``PageItem``.
    public var x: Double, y: Double, width: Double, height: Double
    /// Exactly one box of the group is to be ticked (a question's answers; the consent's decision).
    public var oneAnswer: Bool
    /// A signature that must be there (not a date, time or printed name beside it).
    public var required: Bool

    public init(kind: Kind, group: Int, prompt: String, label: String, x: Double, y: Double, width: Double, height: Double,
                oneAnswer: Bool = false, required: Bool = false) {
        self.kind = kind; self.group = group; self.prompt = prompt; self.label = label
        self.x = x; self.y = y; self.width = width; self.height = height
        self.oneAnswer = oneAnswer; self.required = required
    }

    func offsetBy(dx: Double, dy: Double) -> FormField {
        var moved = self
        moved.x += dx
        moved.y += dy
        return moved
    }
}

extension Page {
    /// The page's form fields, in reading order.
    public var fields: [FormField] {
        items.compactMap { if case .field(let field) = $0 { field } else { nil } }
    }
}
