import BodyDiagram
import DocumentModel
import Typesetting

extension FlowBuilder {
    /// Height of the skeleton on the page, in pt (about 10.5 cm): each view is then
    /// about 115 pt wide, under a quarter of the measure, so two fit side by side.
    static let figureHeight = 300.0
    /// The smallest the figure is drawn beside a shorter block (about 8 cm).
    static let minimumFigureHeight = 230.0
    /// Marker circle radius in figure units (≈ 7 pt on the page) and the type sizes on the figure.
    static let markerRadius = 12.0
    static let figureLabelSize = 9.0
    static let markerNumberSize = 9.5

    /// The body diagram: views side by side, centred, with the caption under them; one flow item, never split.
    mutating func addBodyDiagram(_ spec: BodyDiagramSpec) throws {
        let figure = try composition(spec)
        let scale = figureScale(figure, width: band.width)
        let top = 4.0
        let x0 = band.left + (band.width - figure.width * scale) / 2
        func page(_ p: Point) -> (x: Double, y: Double) { (x0 + p.x * scale, top + p.y * scale) }

        var items: [PageItem] = []
        var log = ["body-diagram views=\(figure.views.map(\.view.rawValue).joined(separator: ","))"]
        for view in figure.views {
            for shape in view.shapes {
                let segments = shape.elements.map { e -> PathSegment in
                    switch e {
                    case .move(let p): let q = page(p); return .move(x: q.x, y: q.y)
                    case .line(let p): let q = page(p); return .line(x: q.x, y: q.y)
                    case .curve(let a, let b, let c):
                        let (qa, qb, qc) = (page(a), page(b), page(c))
                        return .curve(x1: qa.x, y1: qa.y, x2: qb.x, y2: qb.y, x: qc.x, y: qc.y)
                    case .close: return .close
                    }
                }
                switch shape.style {
                case .bone: items.append(.path(segments, stroke: 0.6, fill: 0.9, evenOdd: shape.evenOdd))
                case .opening: items.append(.path(segments, stroke: 0.5, fill: 1, evenOdd: false))
                case .detail: items.append(.path(segments, stroke: 0.5, fill: nil, evenOdd: false))
                }
            }
            for label in view.labels {
                let text: String, bold: Bool
                switch label.role {
                case .right: (text, bold) = (spec.labels.right, false)
                case .left: (text, bold) = (spec.labels.left, false)
                case .front: (text, bold) = (spec.labels.front, true)
                case .back: (text, bold) = (spec.labels.back, true)
                }
                let at = page(label.at)
                items += try textLine(text, size: Self.figureLabelSize, bold: bold, at: at, anchor: label.anchor)
            }
            for m in view.markers {
                let c = page(m.centre), r = Self.markerRadius * scale
                if m.isMoved {
                    let a = page(m.anchor)
                    items.append(.line(x1: a.x, y1: a.y, x2: c.x, y2: c.y, width: 0.8, gray: 0))
                    items.append(.path(Self.circle(a.x, a.y, 1.5), stroke: nil, fill: 0, evenOdd: false))
                }
                items.append(.path(Self.circle(c.x, c.y, r), stroke: 1.3, fill: 1, evenOdd: false))
                // Digits are left to right in every script: centre them on the circle.
                items += try textLine(String(m.number), size: Self.markerNumberSize, bold: true,
                                      at: (c.x, c.y + Self.markerNumberSize * 0.36), anchor: .middle, direction: .leftToRight)
                if options.collectLog { log.append("  marker \(m.number) \(view.view.rawValue) x=\(fmt(c.x)) y=\(fmt(c.y))\(m.isMoved ? " moved" : "")") }
            }
        }
        var height = top + figure.height * scale + 4
        // A Figure whose alternative text is the caption sentence (written to be one), then the caption as a paragraph.
        items = tagged(items, element(.figure, alternative: spec.labels.caption))
        let caption = try blockOfLines([.text(spec.labels.caption)], style: style(.small, alignment: .center), band: band)
        let captionText = Self.replacementText([.text(spec.labels.caption)], style: style(.small))
        items += tagged(caption.items.map { $0.offsetBy(dx: 0, dy: height) }, element(.paragraph, actualText: captionText))
        height += caption.height
        append([FlowItem(height: height, spaceBefore: 10, items: items, breakBefore: true,
                         repeatHeader: nil, outline: nil, log: options.collectLog ? log.joined(separator: "\n") : "")])
    }

    private func composition(_ spec: BodyDiagramSpec) throws -> Composition {
        var markers: [BodyDiagram.Marker] = []
        for m in spec.markers {
            guard let marker = BodyDiagram.Marker(number: m.number, site: m.site, side: m.side, level: m.level) else {
                throw LayoutError("body diagram: no place for target \(m.number) (\(m.site), \(m.side))")
            }
            markers.append(marker)
        }
        // The markers keep their size on the page when the figure is drawn smaller.
        return Composition(markers: markers, markerRadius: Self.markerRadius * Self.figureHeight / figureSetHeight,
                           rightToLeft: band.rtl)
    }

    /// The figure's scale: its set height, each view at most 45 % of the full measure, all views within `width`.
    private func figureScale(_ figure: Composition, width: Double) -> Double {
        min(figureSetHeight / figure.height, options.contentWidth * 0.45 / Skeleton.width, width / figure.width)
    }

    /// The width the figure takes at its set height (at least enough for a short caption).
    func bodyDiagramWidth(_ spec: BodyDiagramSpec) throws -> Double {
        let figure = try composition(spec)
        return max(figure.width * figureScale(figure, width: band.width), 150)
    }

    /// A circle as four cubic curves.
    static func circle(_ cx: Double, _ cy: Double, _ r: Double) -> [PathSegment] {
        let k = r * 0.5522847498
        return [
            .move(x: cx + r, y: cy),
            .curve(x1: cx + r, y1: cy + k, x2: cx + k, y2: cy + r, x: cx, y: cy + r),
            .curve(x1: cx - k, y1: cy + r, x2: cx - r, y2: cy + k, x: cx - r, y: cy),
            .curve(x1: cx - r, y1: cy - k, x2: cx - k, y2: cy - r, x: cx, y: cy - r),
            .curve(x1: cx + k, y1: cy - r, x2: cx + r, y2: cy - k, x: cx + r, y: cy),
            .close,
        ]
    }

    /// One line of text whose baseline's left end, middle or right end is at `at`.
    func textLine(_ text: String, size: Double, bold: Bool, at: (x: Double, y: Double), anchor: Label.Anchor,
                  direction: BaseDirection? = nil) throws -> [PageItem] {
        var s = style(.small, alignment: .start)
        s.size = size
        if let direction { s.direction = direction }
        let layout = try typesetter.layout([TextSpan(text, style: bold ? .bold : .regular)], style: s, width: 10_000)
        guard let line = layout.lines.first else { return [] }
        let left = line.runs.map(\.x).min() ?? 0
        let width = line.runs.map { $0.x + $0.width }.max().map { $0 - left } ?? 0
        let x: Double
        switch anchor {
        case .start: x = at.x
        case .middle: x = at.x - width / 2
        case .end: x = at.x - width
        }
        return line.runs.map { PageItem.glyphs(x: x + $0.x - left, y: at.y, run: $0) }
    }
}

/// A document that cannot be laid out (a content problem, never patient data).
public struct LayoutError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
