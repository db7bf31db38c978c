// The page model the writer receives: positioned glyphs and vector graphics.
// The writer knows nothing of layout; everything here is already placed.

/// One glyph placed within a ``PDFTextRun``.
public struct PDFGlyph: Sendable {
    /// Glyph id in the font. Never 0: the writer throws on `.notdef`.
    public var id: UInt16
    /// Position in points relative to the run origin (x grows right, y up).
    public var x: Double
    public var y: Double
    /// The characters this glyph stands for, in logical order. Empty when another
    /// glyph of the same cluster already carries them; a ligature "fi" carries "fi".
    public var text: String

    public init(id: UInt16, x: Double, y: Double, text: String) {
        self.id = id
        self.x = x
        self.y = y
        self.text = text
    }
}

/// A run of glyphs in one font, size and gray level.
public struct PDFTextRun: Sendable {
    public var font: PDFFont
    /// Font size in points.
    public var size: Double
    /// Run origin (start of the baseline) in PDF user space: points, origin at the
    /// bottom-left corner of the page.
    public var x: Double
    public var y: Double
    /// Glyphs in the order they are painted (for right-to-left text: visual order,
    /// as HarfBuzz returns them).
    public var glyphs: [PDFGlyph]
    /// Fill gray level, 0 = black, 1 = white.
    public var gray: Double = 0
    /// In a tagged document: the structure element the run belongs to, or the
    /// artifact it is. Nil in a tagged document means a layout artifact.
    public var mark: PDFContentMark?
    /// Parts of the run with their own language or replacement text (tagged documents only).
    public var spans: [PDFTextSpan]
    /// The run was shaped right to left (its glyphs come in visual order). Used for
    /// the text extraction of punctuation inside right-to-left text.
    public var rightToLeft = false

    public init(font: PDFFont, size: Double, x: Double, y: Double, glyphs: [PDFGlyph], gray: Double = 0,
                mark: PDFContentMark? = nil, spans: [PDFTextSpan] = []) {
        self.font = font
        self.size = size
        self.x = x
        self.y = y
        self.glyphs = glyphs
        self.gray = gray
        self.mark = mark
        self.spans = spans
    }
}

/// A vector graphic painted before the text of its page.
public enum PDFGraphic: Sendable {
    /// A straight line stroked with the given width and gray level.
    case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, gray: Double)
    /// A rectangle; `stroke` is the line width of a black outline, `fill` the gray
    /// level of its interior. Either may be nil; with both nil nothing is painted.
    case rect(x: Double, y: Double, width: Double, height: Double, stroke: Double?, fill: Double?)
    /// A path of subpaths; it must start with `.move`. `stroke` is the line width of
    /// a black outline, `fill` the gray level; `evenOdd` selects the even-odd fill rule.
    case path([PDFPathElement], stroke: Double?, fill: Double?, evenOdd: Bool)
    /// Black blocks on a grid of square cells `cell` pt wide whose lower-left corner is at
    /// (x, y) — a QR code's modules. Written in cell units (one `cm`, then small numbers), each
    /// block filled on its own (renderers snap a lone axis-aligned rectangle to device pixels,
    /// which keeps a QR code sharp at 100–150 dpi; one path of all blocks came out blurred and
    /// unreadable to zbar at 110–130 dpi) and widened by `bleed` pt so that neighbours overlap
    /// instead of leaving hairline gaps.
    case cells(x: Double, y: Double, cell: Double, bleed: Double, blocks: [PDFCellBlock])
}

/// A block of ``PDFGraphic/cells(x:y:cell:blocks:)``: lower-left cell and size, in cells, rows upwards.
public struct PDFCellBlock: Sendable {
    public var column: Int, row: Int, width: Int, height: Int

    public init(column: Int, row: Int, width: Int, height: Int) {
        self.column = column
        self.row = row
        self.width = width
        self.height = height
    }
}

/// One segment of a ``PDFGraphic/path(_:stroke:fill:evenOdd:)``.
public enum PDFPathElement: Sendable {
    /// Begins a subpath at (x, y).
    case move(Double, Double)
    /// A straight segment to (x, y).
    case line(Double, Double)
    /// A cubic Bézier curve with control points (x1, y1), (x2, y2), ending at (x3, y3).
    case curve(Double, Double, Double, Double, Double, Double)
    /// Closes the current subpath.
    case close
}

/// One page: its size in points, graphics (painted first), then text.
public struct PDFPage: Sendable {
    public var width: Double
    public var height: Double
    public var graphics: [PDFGraphic]
    /// In a tagged document: what each graphic is, one mark per graphic (a
    /// graphic without one is a layout artifact). Ignored in an untagged document.
    public var graphicMarks: [PDFContentMark]
    public var texts: [PDFTextRun]

    public init(width: Double, height: Double, graphics: [PDFGraphic] = [], texts: [PDFTextRun] = [],
                graphicMarks: [PDFContentMark] = []) {
        self.width = width
        self.height = height
        self.graphics = graphics
        self.graphicMarks = graphicMarks
        self.texts = texts
    }
}
