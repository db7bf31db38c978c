import OsteoDoc

/// What a scan shows at one fill-in place of a page.
public struct FieldReading: Sendable, Equatable {
    public var field: FormField
    /// Share of dark pixels inside the box or signature space (0…1), the printed lines excluded.
    public var ink: Double
    /// Ticked (a box) or signed (a signature space).
    public var marked: Bool
}

/// One scanned page read against the document osteodoc printed.
public struct PageReading: Sendable, Equatable {
    public var code: ScanCode
    public var fields: [FieldReading]
}
