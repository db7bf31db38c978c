/// An 8-bit grey page image: row-major, top row first, 0 = black, 255 = white.
public struct GrayImage: Sendable {
    /// Columns, at least 1.
    public let width: Int
    /// Rows, at least 1.
    public let height: Int
    /// `width × height` bytes, row after row, no padding.
    public var pixels: [UInt8]

    /// An image of these dimensions and pixels.
    /// - Throws: ``ScanError`` when a dimension is not positive or `pixels` does not hold exactly
    ///   `width × height` bytes.
    public init(width: Int, height: Int, pixels: [UInt8]) throws {
        guard width > 0, height > 0 else { throw ScanError("image: width and height must be positive (\(width) × \(height))") }
        let (count, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, pixels.count == count else {
            throw ScanError("image: \(pixels.count) pixels for \(width) × \(height)")
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The grey value at column `x`, row `y` (both from 0, origin top-left); out of range is a
    /// programming error.
    public subscript(x x: Int, y y: Int) -> UInt8 {
        get {
            precondition((0..<width).contains(x) && (0..<height).contains(y), "pixel (\(x), \(y)) outside \(width) × \(height)")
            return pixels[y * width + x]
        }
        set {
            precondition((0..<width).contains(x) && (0..<height).contains(y), "pixel (\(x), \(y)) outside \(width) × \(height)")
            pixels[y * width + x] = newValue
        }
    }
}
