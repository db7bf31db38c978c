// Plain 2-D geometry for the body diagram: points, path elements and shapes in
// figure units (origin at the top-left corner of a view, y growing downwards).
// Nothing here knows about PDF, SVG or pages.

/// A point in figure units.
public struct Point: Sendable, Equatable, Hashable {
    public var x: Double, y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }

    func offsetBy(dx: Double, dy: Double = 0) -> Point { Point(x + dx, y + dy) }
}

/// One element of an outline path.
public enum PathElement: Sendable, Equatable {
    case move(Point)
    case line(Point)
    /// A cubic Bézier curve: two control points, then the end point.
    case curve(Point, Point, Point)
    case close

    func map(_ f: (Point) -> Point) -> PathElement {
        switch self {
        case .move(let p): return .move(f(p))
        case .line(let p): return .line(f(p))
        case .curve(let a, let b, let c): return .curve(f(a), f(b), f(c))
        case .close: return .close
        }
    }
}

/// How a shape is painted. Every style prints in black and white: bones are a
/// light gray with a black outline; details are black lines; holes are white.
public enum ShapeStyle: Sendable, Equatable {
    /// A bone: filled light gray, outlined.
    case bone
    /// An open or closed line drawn over a bone (rib lines, a joint socket); not filled.
    case detail
    /// A white opening with an outline (eye sockets, the nasal opening).
    case opening
}

/// A named closed outline (one or more subpaths) or a detail line.
public struct Shape: Sendable, Equatable {
    /// The bone or detail this is (`femur-shaft-right`, `rib-lines-left`, …), for tests and debugging.
    public var name: String
    public var elements: [PathElement]
    public var style: ShapeStyle
    /// Subpaths inside subpaths are holes (the obturator foramen of the hip bone).
    public var evenOdd: Bool

    init(_ name: String, _ elements: [PathElement], style: ShapeStyle = .bone, evenOdd: Bool = false) {
        self.name = name; self.elements = elements; self.style = style; self.evenOdd = evenOdd
    }

    func map(_ f: (Point) -> Point) -> Shape {
        Shape(name, elements.map { $0.map(f) }, style: style, evenOdd: evenOdd)
    }

    /// The closed polygons of the outline, with curves flattened into `segments` straight pieces each.
    public func polygons(segments: Int = 12) -> [[Point]] {
        var result: [[Point]] = []
        var current: [Point] = []
        for element in elements {
            switch element {
            case .move(let p):
                if current.count > 2 { result.append(current) }
                current = [p]
            case .line(let p):
                current.append(p)
            case .curve(let c1, let c2, let end):
                guard let start = current.last else { continue }
                for i in 1...segments {
                    let t = Double(i) / Double(segments), u = 1 - t
                    let x = u * u * u * start.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * end.x
                    let y = u * u * u * start.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * end.y
                    current.append(Point(x, y))
                }
            case .close:
                if current.count > 2 { result.append(current) }
                current = []
            }
        }
        if current.count > 2 { result.append(current) }
        return result
    }

    /// Whether a point is inside the filled outline: even-odd or non-zero winding over
    /// the flattened subpaths (ISO 32000-1 §8.5.3.3), as a PDF viewer fills it.
    public func contains(_ p: Point) -> Bool {
        var winding = 0
        var crossings = 0
        for polygon in polygons() {
            for i in polygon.indices {
                let a = polygon[i], b = polygon[(i + 1) % polygon.count]
                if a.y <= p.y {
                    if b.y > p.y && cross(a, b, p) > 0 { winding += 1; crossings += 1 }
                } else if b.y <= p.y && cross(a, b, p) < 0 {
                    winding -= 1; crossings += 1
                }
            }
        }
        return evenOdd ? crossings % 2 == 1 : winding != 0
    }

    private func cross(_ a: Point, _ b: Point, _ p: Point) -> Double {
        (b.x - a.x) * (p.y - a.y) - (p.x - a.x) * (b.y - a.y)
    }
}

// MARK: Shape builders

/// Cubic approximation of a quarter circle (control distance 4/3·(√2 − 1)).
let kappa = 0.5522847498

/// An ellipse as four cubic curves.
func ellipse(_ c: Point, _ rx: Double, _ ry: Double) -> [PathElement] {
    let kx = rx * kappa, ky = ry * kappa
    return [
        .move(Point(c.x + rx, c.y)),
        .curve(Point(c.x + rx, c.y + ky), Point(c.x + kx, c.y + ry), Point(c.x, c.y + ry)),
        .curve(Point(c.x - kx, c.y + ry), Point(c.x - rx, c.y + ky), Point(c.x - rx, c.y)),
        .curve(Point(c.x - rx, c.y - ky), Point(c.x - kx, c.y - ry), Point(c.x, c.y - ry)),
        .curve(Point(c.x + kx, c.y - ry), Point(c.x + rx, c.y - ky), Point(c.x + rx, c.y)),
        .close,
    ]
}

/// A stadium: the set of points within `r` of the segment a–b (a long bone's shaft).
func capsule(_ a: Point, _ b: Point, _ r: Double) -> [PathElement] {
    let dx = b.x - a.x, dy = b.y - a.y
    let len = (dx * dx + dy * dy).squareRoot()
    let ux = dx / len, uy = dy / len       // along the axis
    let nx = -uy * r, ny = ux * r          // normal, length r
    let tx = ux * r * kappa, ty = uy * r * kappa
    let nkx = nx * kappa, nky = ny * kappa
    return [
        .move(Point(a.x + nx, a.y + ny)),
        .line(Point(b.x + nx, b.y + ny)),
        .curve(Point(b.x + nx + tx, b.y + ny + ty), Point(b.x + ux * r + nkx, b.y + uy * r + nky), Point(b.x + ux * r, b.y + uy * r)),
        .curve(Point(b.x + ux * r - nkx, b.y + uy * r - nky), Point(b.x - nx + tx, b.y - ny + ty), Point(b.x - nx, b.y - ny)),
        .line(Point(a.x - nx, a.y - ny)),
        .curve(Point(a.x - nx - tx, a.y - ny - ty), Point(a.x - ux * r - nkx, a.y - uy * r - nky), Point(a.x - ux * r, a.y - uy * r)),
        .curve(Point(a.x - ux * r + nkx, a.y - uy * r + nky), Point(a.x + nx - tx, a.y + ny - ty), Point(a.x + nx, a.y + ny)),
        .close,
    ]
}

/// A rectangle with rounded corners of radius `r`.
func roundedRect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ r: Double) -> [PathElement] {
    let k = r * (1 - kappa)
    return [
        .move(Point(x + r, y)),
        .line(Point(x + w - r, y)),
        .curve(Point(x + w - k, y), Point(x + w, y + k), Point(x + w, y + r)),
        .line(Point(x + w, y + h - r)),
        .curve(Point(x + w, y + h - k), Point(x + w - k, y + h), Point(x + w - r, y + h)),
        .line(Point(x + r, y + h)),
        .curve(Point(x + k, y + h), Point(x, y + h - k), Point(x, y + h - r)),
        .line(Point(x, y + r)),
        .curve(Point(x, y + k), Point(x + k, y), Point(x + r, y)),
        .close,
    ]
}

/// A point on the segment a–b at fraction t.
func along(_ a: Point, _ b: Point, _ t: Double) -> Point {
    Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
}
