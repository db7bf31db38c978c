// The figure: a simple, symmetric skeleton seen from the front and from behind,
// and where each site lies on it.
//
// Figure units: a view is `width` × `height` units, origin top-left, y down, the
// body's midline at x = `midline`. Every bilateral shape is defined once, as a
// distance `d` from the midline, and drawn on both halves. In the front view the
// patient's right is on the viewer's left (x = midline − d); in the back view it
// is on the viewer's right (x = midline + d). The anatomy is never mirrored for a
// right-to-left document: which side is the patient's right is a fact about the
// body, not about the writing direction.

public enum Skeleton {
    public static let width = 200.0
    public static let height = 524.0
    public static let midline = 100.0

    /// The x of a point `d` units from the midline on the patient's `side`, in a view.
    public static func x(_ d: Double, side: Side, view: View) -> Double {
        switch (side, view) {
        case (.midline, _): return midline
        case (.right, .front), (.left, .back): return midline - d
        case (.left, .front), (.right, .back): return midline + d
        }
    }

    // MARK: Positions

    /// Where a site lies in a view (the centre of its marker). Every site has a
    /// position in both views; a bone hidden in a view (the scapula from the front)
    /// gets the place of the bone that covers it.
    public static func position(_ site: Site, side: Side, level: VertebralLevel? = nil, view: View) -> Point {
        let (d, y) = lateral(site, level: level, view: view)
        // The left or right half of a midline bone lies a little off the midline.
        return Point(x(d, side: side, view: view), y)
    }

    /// Distance from the midline and height of a site (for its right or left half).
    static func lateral(_ site: Site, level: VertebralLevel?, view: View) -> (Double, Double) {
        switch site {
        case .humerusProximal: return point(along(B.humerusTop, B.humerusBottom, 0.08))
        case .humerusShaft: return point(along(B.humerusTop, B.humerusBottom, 0.5))
        case .femurProximal: return point(along(B.neckStart, B.neckEnd, 0.62))
        case .femurShaft: return point(along(B.femurTop, B.femurBottom, 0.45))
        case .tibiaProximal: return point(along(B.tibiaTop, B.tibiaBottom, 0.08))
        case .acetabulum: return (B.acetabulum.x, B.acetabulum.y)
        case .iliacBone: return (32, 232)
        case .ischium: return (28, 290)
        case .pubis: return (9, 282)
        case .calcaneus: return (27, 490)
        case .rib: return (30, 140)
        case .scapula: return view == .back ? (26, 118) : (34, 106)
        case .sternum: return view == .front ? (3, 125) : (3, vertebraCentre(VertebralLevel("T5")!))
        case .sacrum: return (7, 244)
        case .vertebra: return (3.5, vertebraCentre(level ?? VertebralLevel("T12")!))
        }
    }

    private static func point(_ p: Point) -> (Double, Double) { (p.x, p.y) }

    /// The name of the shape that holds a site in a view, or nil where the bone is hidden.
    public static func boneName(_ site: Site, side: Side, level: VertebralLevel? = nil, view: View) -> String? {
        let s = side == .midline ? "" : "-" + side.rawValue
        switch site {
        case .humerusProximal, .humerusShaft: return "humerus-shaft" + s
        case .femurProximal: return "femur-neck" + s
        case .femurShaft: return "femur-shaft" + s
        case .tibiaProximal: return "tibia-shaft" + s
        case .acetabulum, .iliacBone, .ischium, .pubis: return "hip-bone" + s
        case .calcaneus: return view == .back ? "calcaneus" + s : "foot" + s
        case .rib: return "ribcage" + s
        case .scapula: return view == .back ? "scapula" + s : nil
        case .sternum: return view == .front ? "sternum" : nil
        case .sacrum: return "sacrum"
        case .vertebra: return "vertebra-" + (level ?? VertebralLevel("T12")!).code
        }
    }

    // MARK: Spine

    /// Top, height and half-width of a vertebral body.
    static func vertebra(_ level: VertebralLevel) -> (top: Double, height: Double, halfWidth: Double) {
        let i = level.index
        if i < 7 { return (58 + 4.2 * Double(i), 3.4, 5.5) }
        if i < 19 { return (88 + 8 * Double(i - 7), 6.8, 6.5) }
        return (184.5 + 9 * Double(i - 19), 7.8, 8.5)
    }

    static func vertebraCentre(_ level: VertebralLevel) -> Double {
        let v = vertebra(level)
        return v.top + v.height / 2
    }

    // MARK: Outline

    /// Key points of the long bones, as (d, y).
    enum B {
        static let humerusTop = Point(44, 104), humerusBottom = Point(52, 178)
        static let neckStart = Point(34, 265), neckEnd = Point(45, 276)
        static let femurTop = Point(46, 280), femurBottom = Point(32, 378)
        static let tibiaTop = Point(29, 394), tibiaBottom = Point(27, 474)
        static let acetabulum = Point(34, 262)
    }

    /// The shapes of a view, in painting order.
    public static func outline(_ view: View) -> [Shape] {
        var shapes: [Shape] = []
        // The patient's side drawn on the viewer's left half.
        let leftHalf: Side = view == .front ? .right : .left
        let rightHalf: Side = leftHalf == .right ? .left : .right
        /// Adds a bilateral shape given as (d, y) on the viewer's left half, and its mirror image.
        func both(_ name: String, _ elements: [PathElement], style: ShapeStyle = .bone, evenOdd: Bool = false) {
            let shape = Shape(name, elements, style: style, evenOdd: evenOdd)
            shapes.append(shape.map { Point(midline - $0.x, $0.y) }.renamed(name + "-" + leftHalf.rawValue))
            shapes.append(shape.map { Point(midline + $0.x, $0.y) }.renamed(name + "-" + rightHalf.rawValue))
        }
        /// Adds a midline shape given with x measured from the midline.
        func centre(_ name: String, _ elements: [PathElement], style: ShapeStyle = .bone) {
            shapes.append(Shape(name, elements, style: style).map { Point(midline + $0.x, $0.y) })
        }

        for level in VertebralLevel.allCases {
            let v = vertebra(level)
            centre("vertebra-" + level.code, roundedRect(-v.halfWidth, v.top, 2 * v.halfWidth, v.height, 1.6))
        }
        both("ribcage", ribcageHalf)
        for (y, end) in [(104.0, 35.0), (121, 39), (138, 41), (155, 40)] {
            let dy = view == .front ? -5.0 : 5.0 // front ribs rise towards the sternum, back ribs fall from the spine
            both("rib-line", [.move(Point(11, y + dy)), .curve(Point(20, y - 5), Point(31, y - 4), Point(end, y + 4))], style: .detail)
        }
        if view == .back {
            both("scapula", [.move(Point(13, 98)), .curve(Point(22, 95), Point(32, 92), Point(40, 92)),
                             .curve(Point(41, 96), Point(40, 101), Point(38, 104)),
                             .curve(Point(32, 122), Point(27, 138), Point(22, 152)),
                             .curve(Point(19, 154), Point(16, 152), Point(16, 148)),
                             .curve(Point(15, 130), Point(14, 114), Point(13, 98)), .close])
            both("scapular-spine", [.move(Point(15, 109)), .line(Point(42, 96))], style: .detail)
        }
        both("hip-bone", hipHalf + ellipse(Point(19, 282), 5.5, 6.5), evenOdd: true)
        centre("sacrum", [.move(Point(-15, 231)), .line(Point(15, 231)),
                          .curve(Point(14, 248), Point(8, 262), Point(3, 272)), .line(Point(-3, 272)),
                          .curve(Point(-8, 262), Point(-14, 248), Point(-15, 231)), .close])
        if view == .back {
            for y in [240.0, 250, 259] { // sacral foramina
                both("sacral-foramen", ellipse(Point(6.5, y), 1.6, 1.6), style: .opening)
            }
        }
        if view == .front {
            centre("sternum", [.move(Point(-9, 91)), .line(Point(9, 91)), .curve(Point(9, 98), Point(6, 101), Point(6, 104)),
                               .line(Point(6, 150)), .curve(Point(6, 155), Point(3, 160), Point(0, 160)),
                               .curve(Point(-3, 160), Point(-6, 155), Point(-6, 150)), .line(Point(-6, 104)),
                               .curve(Point(-6, 101), Point(-9, 98), Point(-9, 91)), .close])
            both("clavicle", capsule(Point(10, 90), Point(40, 85), 3.2))
        }
        // Arms.
        both("humerus-head", ellipse(Point(41, 100), 7.5, 7.5))
        both("humerus-shaft", capsule(B.humerusTop, B.humerusBottom, 5))
        both("humerus-condyles", ellipse(Point(52, 180), 8, 5))
        both("ulna", capsule(Point(50, 186), Point(56, 256), 3.2))
        both("radius", capsule(Point(57, 186), Point(64, 254), 3.2))
        both("hand", ellipse(Point(61, 272), 8, 15))
        // Legs.
        if view == .front {
            both("acetabulum-rim", ellipse(B.acetabulum, 9, 9), style: .detail)
        }
        both("femur-head", ellipse(Point(33, 263), 7, 7))
        both("femur-neck", capsule(B.neckStart, B.neckEnd, 5))
        both("femur-trochanter", ellipse(Point(48, 276), 5.5, 7))
        both("femur-shaft", capsule(B.femurTop, B.femurBottom, 6))
        both("femur-condyles", ellipse(Point(31, 382), 9.5, 6))
        if view == .front { both("patella", ellipse(Point(31, 378), 4.5, 5.5)) }
        both("fibula", capsule(Point(39, 398), Point(37, 472), 2.2))
        both("tibia-plateau", ellipse(Point(30, 392), 9, 4.5))
        both("tibia-shaft", capsule(B.tibiaTop, B.tibiaBottom, 5))
        both("foot", [.move(Point(21, 474)), .line(Point(35, 474)), .curve(Point(40, 478), Point(47, 490), Point(46, 496)),
                      .curve(Point(40, 500), Point(22, 500), Point(16, 497)), .curve(Point(14, 490), Point(18, 478), Point(21, 474)),
                      .close])
        if view == .back { both("calcaneus", ellipse(Point(27, 490), 7, 8)) }
        // Head, drawn last over the top of the neck.
        centre("skull", ellipse(Point(0, 32), 21, 26))
        if view == .front {
            both("eye-socket", ellipse(Point(8, 30), 6, 5), style: .opening)
            centre("nasal-opening", [.move(Point(0, 37)), .line(Point(3.5, 45)), .line(Point(-3.5, 45)), .close], style: .opening)
            centre("teeth", [.move(Point(-8, 51)), .line(Point(8, 51))], style: .detail)
        }
        return shapes
    }

    /// One half of the rib cage, from the spine out to the lateral wall.
    static let ribcageHalf: [PathElement] = [
        .move(Point(9, 92)), .curve(Point(22, 90), Point(36, 98), Point(40, 116)),
        .curve(Point(44, 134), Point(44, 160), Point(40, 184)),
        .curve(Point(34, 192), Point(22, 186), Point(14, 170)),
        .curve(Point(11, 165), Point(9, 162), Point(9, 156)), .close,
    ]

    /// One hip bone (ilium, ischium and pubis); the obturator foramen is added as a hole.
    static let hipHalf: [PathElement] = [
        .move(Point(14, 234)),
        .curve(Point(18, 220), Point(34, 214), Point(44, 222)),   // iliac crest
        .curve(Point(49, 227), Point(48, 236), Point(45, 242)),   // anterior superior spine
        .curve(Point(42, 248), Point(44, 254), Point(44, 260)),
        .curve(Point(44, 272), Point(38, 288), Point(32, 296)),   // down to the ischial tuberosity
        .curve(Point(28, 301), Point(20, 300), Point(18, 294)),
        .curve(Point(15, 290), Point(9, 290), Point(3, 290)),     // inferior ramus to the symphysis
        .line(Point(3, 276)),
        .curve(Point(10, 274), Point(20, 272), Point(24, 264)),   // superior ramus
        .curve(Point(22, 256), Point(17, 250), Point(14, 246)),   // pelvic brim
        .close,
    ]

    /// Where the words "right", "left" and the view's name go.
    public static func labels(_ view: View) -> [Label] {
        let top = 18.0
        let rightX = view == .front ? 2.0 : width - 2
        let leftX = view == .front ? width - 2 : 2.0
        return [
            Label(role: .right, at: Point(rightX, top), anchor: view == .front ? .start : .end),
            Label(role: .left, at: Point(leftX, top), anchor: view == .front ? .end : .start),
            Label(role: view == .front ? .front : .back, at: Point(midline, height - 4), anchor: .middle),
        ]
    }
}

extension Shape {
    func renamed(_ name: String) -> Shape { Shape(name, elements, style: style, evenOdd: evenOdd) }
}
