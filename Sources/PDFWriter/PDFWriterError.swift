/// An error raised while writing a PDF: the input cannot be represented, or a
/// font cannot be read or subset.
///
/// Errors are values: a machine-readable ``Code``, a human-readable message and,
/// where it applies, the page, run and glyph that caused it (all zero-based).
public struct PDFWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for callers that want to react to it.
    public enum Code: Sendable, Equatable {
        /// A glyph has id 0 (`.notdef`): the shaper could not map a character.
        case notdefGlyph
        /// A glyph id is not smaller than the font's glyph count.
        case glyphOutOfRange
        /// The font data could not be parsed, or it has no TrueType outlines.
        case invalidFont
        /// HarfBuzz could not subset the font.
        case subsetFailed
        /// A number is not finite or out of range (coordinates, sizes, gray levels).
        case invalidValue
        /// A path does not start with a move, or is otherwise malformed.
        case invalidPath
        /// An outline item points to a page that does not exist.
        case invalidOutline
        /// `creationDate` is not an RFC 3339 date-time.
        case invalidDate
        /// The document has no pages.
        case noPages
        /// The compressor (libdeflate) could not be allocated or wrote nothing.
        case compressionFailed
        /// A structure element has no usable type or comes before its parent, or
        /// content is marked with an element that does not exist.
        case invalidStructure
    }

    public var code: Code
    public var message: String
    public var page: Int?
    public var run: Int?
    public var glyph: Int?

    public init(_ code: Code, _ message: String, page: Int? = nil, run: Int? = nil, glyph: Int? = nil) {
        self.code = code
        self.message = message
        self.page = page
        self.run = run
        self.glyph = glyph
    }

    public var description: String {
        var location: [String] = []
        if let page { location.append("page \(page)") }
        if let run { location.append("run \(run)") }
        if let glyph { location.append("glyph \(glyph)") }
        return location.isEmpty ? message : "\(message) (\(location.joined(separator: ", ")))"
    }
}
