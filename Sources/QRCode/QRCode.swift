import CQRencode

/// A QR code symbol (ISO/IEC 18004) as a square matrix of dark and light
/// modules, made by libqrencode. The only file that imports CQRencode: the C
/// symbol is copied into Swift values and freed at once.
public struct QRCode: Sendable, Equatable {
    /// Error correction level: how much of the symbol may be damaged (a signature
    /// or a staple across it) and still be read.
    public enum Correction: Sendable {
        /// About 7 %.
        case low
        /// About 15 %.
        case medium
        /// About 25 %.
        case quartile
        /// About 30 %.
        case high
    }

    /// Modules per side (21 for version 1, +4 per version).
    public let size: Int
    /// The symbol version, 1–40.
    public let version: Int
    /// Row-major, `size × size`; true is a dark module.
    public let modules: [Bool]

    /// Light modules required around the symbol (the quiet zone, ISO/IEC 18004 §6.3.8).
    public static let quietZone = 4

    /// Encodes text (UTF-8; libqrencode picks numeric, alphanumeric and 8-bit
    /// segments itself) in the smallest version that holds it.
    public init(_ text: String, correction: Correction = .medium) throws {
        let level: QRecLevel
        switch correction {
        case .low: level = QR_ECLEVEL_L
        case .medium: level = QR_ECLEVEL_M
        case .quartile: level = QR_ECLEVEL_Q
        case .high: level = QR_ECLEVEL_H
        }
        guard !text.isEmpty, let symbol = QRcode_encodeString(text, 0, level, QR_MODE_8, 1) else {
            throw QRCodeError(text: text)
        }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        let data = UnsafeBufferPointer(start: symbol.pointee.data, count: width * width)
        size = width
        version = Int(symbol.pointee.version)
        // Bit 0 of each byte is the module's colour (1 = dark); the other bits are libqrencode's bookkeeping.
        modules = data.map { $0 & 1 == 1 }
    }

    public func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }

    /// The dark modules of each row merged into horizontal runs (column, length),
    /// so that a drawing needs one rectangle per run instead of one per module.
    public func darkRuns() -> [(row: Int, column: Int, length: Int)] {
        var runs: [(row: Int, column: Int, length: Int)] = []
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else { column += 1; continue }
                var end = column
                while end < size && isDark(row: row, column: end) { end += 1 }
                runs.append((row, column, end - column))
                column = end
            }
        }
        return runs
    }

    /// The dark modules as rectangles (column, row, width, height in modules): horizontal runs,
    /// with runs of the same columns in consecutive rows merged into one taller rectangle.
    public func darkRectangles() -> [(column: Int, row: Int, width: Int, height: Int)] {
        var rects: [(column: Int, row: Int, width: Int, height: Int)] = []
        // By column: the rectangle last started there (index into rects, -1: none). It is still
        // open when it reaches the row above the run and has the run's width; a row holds at most
        // one run per column, so one slot per column is all the bookkeeping (no dictionary).
        var started = [Int](repeating: -1, count: size)
        for run in darkRuns() {
            let i = started[run.column]
            if i >= 0, rects[i].row + rects[i].height == run.row, rects[i].width == run.length {
                rects[i].height += 1
            } else {
                rects.append((run.column, run.row, run.length, 1))
                started[run.column] = rects.count - 1
            }
        }
        return rects
    }
}

/// The text could not be encoded (empty, or longer than a version-40 symbol holds).
public struct QRCodeError: Error, CustomStringConvertible {
    public let length: Int
    init(text: String) { length = text.utf8.count }
    public var description: String { "cannot encode \(length) bytes as a QR code" }
}
