import Typesetting

// Layout's only output: pages of positioned items. Coordinates are points with
// the origin at the page's top-left corner and y growing downwards; the PDF
// exporter flips them. Nothing here knows about PDF.

/// A laid-out page.
public struct Page: Sendable {
    public var width: Double, height: Double
    public var items: [PageItem]
}

/// One thing drawn on a page.
public enum PageItem: Sendable {
    /// A glyph run whose baseline starts at (x, y).
    case glyphs(x: Double, y: Double, run: GlyphRun)
    /// A straight line.
    case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, gray: Double)
    /// A rectangle with its top-left corner at (x, y); stroked with `stroke` pt and/or filled with `fill` gray.
    case rect(x: Double, y: Double, width: Double, height: Double, stroke: Double?, fill: Double?)
    /// A path (starting with a move), stroked in black with `stroke` pt and/or filled with `fill` gray;
    /// `evenOdd` makes inner subpaths holes.
    case path([PathSegment], stroke: Double?, fill: Double?, evenOdd: Bool)
    /// Black blocks on a grid of square cells `cell` pt wide whose top-left corner is at (x, y),
    /// `rows` cells high: the footer's QR code. Kept in cell units so the PDF draws it in small
    /// numbers (about 1 KB per page less than a rectangle in points per block).
    case cells(x: Double, y: Double, cell: Double, rows: Int, blocks: [CellBlock])
    /// The items up to the matching `.endMark` are what `mark` says (tagged PDF; see `Structure.swift`).
    /// Marks do not nest.
    case beginMark(ContentMark)
    case endMark
    /// Where the paper is filled in by hand (see ``FormField``); not drawn.
    case field(FormField)

    func offsetBy(dx: Double, dy: Double) -> PageItem {
        switch self {
        case .glyphs(let x, let y, let run): return .glyphs(x: x + dx, y: y + dy, run: run)
        case .line(let x1, let y1, let x2, let y2, let w, let g): return .line(x1: x1 + dx, y1: y1 + dy, x2: x2 + dx, y2: y2 + dy, width: w, gray: g)
        case .rect(let x, let y, let w, let h, let s, let f): return .rect(x: x + dx, y: y + dy, width: w, height: h, stroke: s, fill: f)
        case .path(let segments, let s, let f, let e): return .path(segments.map { $0.offsetBy(dx: dx, dy: dy) }, stroke: s, fill: f, evenOdd: e)
        case .cells(let x, let y, let cell, let rows, let blocks):
            return .cells(x: x + dx, y: y + dy, cell: cell, rows: rows, blocks: blocks)
        case .field(let field): return .field(field.offsetBy(dx: dx, dy: dy))
        case .beginMark, .endMark: return self
        }
    }
}

/// A block of ``PageItem/cells(x:y:cell:rows:blocks:)``: its top-left cell and its size, in cells,
/// rows counted downwards.
public struct CellBlock: Sendable, Equatable {
    public var column: Int, row: Int, width: Int, height: Int

    public init(column: Int, row: Int, width: Int, height: Int) {
        self.column = column
        self.row = row
        self.width = width
        self.height = height
    }
}

/// One piece of a ``PageItem/path(_:stroke:fill:evenOdd:)``, in page coordinates (y down).
public enum PathSegment: Sendable, Equatable {
    case move(x: Double, y: Double)
    case line(x: Double, y: Double)
    /// A cubic Bézier curve: two control points, then the end point.
    case curve(x1: Double, y1: Double, x2: Double, y2: Double, x: Double, y: Double)
    case close

    func offsetBy(dx: Double, dy: Double) -> PathSegment {
        switch self {
        case .move(let x, let y): return .move(x: x + dx, y: y + dy)
        case .line(let x, let y): return .line(x: x + dx, y: y + dy)
        case .curve(let x1, let y1, let x2, let y2, let x, let y):
            return .curve(x1: x1 + dx, y1: y1 + dy, x2: x2 + dx, y2: y2 + dy, x: x + dx, y: y + dy)
        case .close: return .close
        }
    }
}

/// A bookmark: a heading's title, level and where it landed.
public struct OutlineEntry: Sendable, Equatable {
    public var title: String
    public var level: Int
    public var pageIndex: Int
    /// Distance from the page's top, in points.
    public var y: Double
}

/// The result of laying out a document.
public struct LaidOutDocument: Sendable {
    public var pages: [Page]
    public var outline: [OutlineEntry]
    /// A text log of lines, runs and page breaks, for golden tests.
    public var log: String
}

/// Page geometry and type sizes. Defaults: A4, body text 11.5 pt (patients are often elderly).
public struct LayoutOptions: Sendable {
    public var pageWidth = 595.28, pageHeight = 841.89
    public var marginLeft = 45.0, marginRight = 45.0
    /// Top of the body area (the running header sits above it).
    public var marginTop = 62.0
    /// Bottom of the body area (the footer sits below it).
    public var marginBottom = 66.0
    public var bodySize = 11.5, bodyLeading = 14.0
    public var smallSize = 9.5
    /// Build the text log of lines and page breaks (tests, debugging); off when only the pages are needed.
    public var collectLog = false
    /// Headings, table cells and small print relative to their default sizes (large print: 16 / 11.5).
    /// The running header and footer keep their size: they are for staff, and fixed in place.
    public var typeScale = 1.0
    public init() {}

    /// Large print for patients with low vision: body text 16 pt (leading 22), headings,
    /// cells and small print to scale; a table whose columns would not fit is stacked.
    public static var largePrint: LayoutOptions {
        var options = LayoutOptions()
        options.bodySize = 16
        options.bodyLeading = 22
        options.typeScale = 16 / 11.5
        return options
    }

    var contentWidth: Double { pageWidth - marginLeft - marginRight }
    var contentHeight: Double { pageHeight - marginTop - marginBottom }
}
