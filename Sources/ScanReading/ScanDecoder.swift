import Foundation

/// Turns the bytes of a scanned paper form into grey page images.
public enum ScanDecoder {
    /// Input files larger than this are refused before anything is decoded (64 MiB).
    public static let maximumInputBytes = 64 << 20
    /// A PDF with more pages than this is refused (a consent form has a handful).
    public static let maximumPages = 64
    /// A page with more pixels than this is refused (an A4 page at 600 dpi is about 35 million).
    public static let maximumPixelsPerPage = 60_000_000
    /// The rendering resolutions accepted for a PDF, in dots per inch.
    public static let resolutions = 36...1200

    /// The page images of a scan, in page order.
    ///
    /// The format is told from the bytes, not from a file name: PNG (`\x89PNG`) and JPEG
    /// (`FF D8 FF`) give one page, PDF (`%PDF-`) one image per page rendered at `resolution`
    /// dots per inch (PNG and JPEG keep the resolution they were scanned at).
    /// Colour scans are converted to grey. Nothing is left on disk, whatever happens.
    /// - Throws: ``ScanError`` for an unknown format, a corrupt or truncated file, a limit
    ///   exceeded (``maximumInputBytes``, ``maximumPages``, ``maximumPixelsPerPage``), a resolution
    ///   outside ``resolutions`` or a PDF that poppler cannot render.
    public static func pages(of data: Data, resolution: Int = 200) throws -> [GrayImage] {
        guard data.count <= maximumInputBytes else {
            throw ScanError("scan: \(data.count) bytes, more than the \(maximumInputBytes) accepted")
        }
        switch ScanFormat(sniffing: data) {
        case .png: return [try PNGDecoder.decode(data)]
        case .jpeg: return [try JPEGDecoder.decode(data)]
        case .pdf:
            guard resolutions.contains(resolution) else {
                throw ScanError("scan: resolution \(resolution) dpi outside \(resolutions.lowerBound)–\(resolutions.upperBound)")
            }
            return try PDFRasterizer.pages(of: data, resolution: resolution)
        case nil:
            throw ScanError("scan: not a PNG, JPEG or PDF file (\(data.count) bytes)")
        }
    }

    /// Refuses dimensions beyond ``maximumPixelsPerPage`` (and non-positive ones).
    static func checkSize(width: Int, height: Int, of format: String) throws {
        guard width > 0, height > 0 else { throw ScanError("\(format): empty image (\(width) × \(height))") }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, pixels <= maximumPixelsPerPage else {
            throw ScanError("\(format): \(width) × \(height) pixels, more than the \(maximumPixelsPerPage) accepted per page")
        }
    }
}

/// The formats a scan may come in, told by their first bytes.
enum ScanFormat {
    case png, jpeg, pdf

    init?(sniffing data: Data) {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { self = .png }
        else if head.starts(with: [0xFF, 0xD8, 0xFF]) { self = .jpeg }
        else if head.starts(with: Array("%PDF-".utf8)) { self = .pdf }
        else { return nil }
    }
}
