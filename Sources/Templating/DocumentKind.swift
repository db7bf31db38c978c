/// Which document is produced from a plan.
public enum DocumentKind: String, Sendable, CaseIterable {
    /// The informed-consent form, signed before the procedure.
    case consent
    /// The discharge sheet with the recovery timeline, given after the procedure.
    case discharge
    /// The preparation sheet, given at booking, days before the procedure.
    case preparation

    /// Everything that differs between the kinds, in one place.
    public var descriptor: DocumentDescriptor {
        switch self {
        case .consent:
            DocumentDescriptor(kind: self, titleKey: "consent.title", idPrefix: "CI", needsOutcome: false, hasTimeline: false)
        case .discharge:
            DocumentDescriptor(kind: self, titleKey: "discharge.title", idPrefix: "DS", needsOutcome: true, hasTimeline: true)
        case .preparation:
            DocumentDescriptor(kind: self, titleKey: "preparation-sheet.title", idPrefix: "PS", needsOutcome: false, hasTimeline: false)
        }
    }
}

/// What the view model, the facade and the CLI need to know about one kind of document.
public struct DocumentDescriptor: Sendable, Equatable {
    public let kind: DocumentKind
    /// Catalog key of the document's title (`consent.title`).
    public let titleKey: String
    /// First part of the document id (`CI-<plan>-<lang>-<digest>`).
    public let idPrefix: String
    /// Whether the plan must carry the procedure's `outcome` (the discharge sheet reports it).
    public let needsOutcome: Bool
    /// Whether the view model computes the recovery timeline.
    public let hasTimeline: Bool

    /// The template's name: `templates/<template>.mustache`.
    public var template: String { kind.rawValue }
    /// The folder of the prose units the template includes (`consent/`), for translation status.
    public var proseFolder: String { kind.rawValue + "/" }
}
