/// A point on a page image, in pixels: origin at the top-left corner, x to the right, y down.
public struct ScanPoint: Sendable, Equatable {
    /// Columns from the left edge.
    public var x: Double
    /// Rows from the top edge.
    public var y: Double

    /// The point at column `x`, row `y`.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
