import ScanReading

/// From page coordinates (points, y down, as Layout places things) to a scanned image's pixels:
/// a similarity (scale, rotation, shift), fitted by least squares to the four corners of the
/// page's QR code — where osteodoc printed it, and where the scan shows it. The page may be
/// scanned at any resolution, turned a few degrees or upside down.
struct PageTransform {
    /// z ↦ a·z + b over complex numbers (a = scale·e^{iθ}).
    private let ar: Double, ai: Double, br: Double, bi: Double
    /// Root-mean-square distance (pixels) between the scanned corners and the mapped printed ones.
    let residual: Double

    /// Points per pixel ratio, inverted: pixels per point.
    var scale: Double { (ar * ar + ai * ai).squareRoot() }

    /// `printed`: the code's corners on the page (points); `scanned`: the same corners in the
    /// image, in the same order. Nil when the points do not determine a transform.
    init?(printed: [ScanPoint], scanned: [ScanPoint]) {
        guard printed.count == scanned.count, printed.count >= 2 else { return nil }
        let n = Double(printed.count)
        let pz = (printed.reduce(0) { $0 + $1.x } / n, printed.reduce(0) { $0 + $1.y } / n)
        let sz = (scanned.reduce(0) { $0 + $1.x } / n, scanned.reduce(0) { $0 + $1.y } / n)
        // a = Σ conj(p − p̄)(s − s̄) / Σ |p − p̄|²
        var numR = 0.0, numI = 0.0, den = 0.0
        for (p, s) in zip(printed, scanned) {
            let px = p.x - pz.0, py = p.y - pz.1, sx = s.x - sz.0, sy = s.y - sz.1
            numR += px * sx + py * sy
            numI += px * sy - py * sx
            den += px * px + py * py
        }
        guard den > 0 else { return nil }
        ar = numR / den; ai = numI / den
        br = sz.0 - (ar * pz.0 - ai * pz.1)
        bi = sz.1 - (ar * pz.1 + ai * pz.0)
        var squares = 0.0
        for (p, s) in zip(printed, scanned) {
            let m = Self.apply(ar, ai, br, bi, p.x, p.y)
            squares += (m.x - s.x) * (m.x - s.x) + (m.y - s.y) * (m.y - s.y)
        }
        residual = (squares / n).squareRoot()
    }

    /// The pixel position of a page point.
    func callAsFunction(_ x: Double, _ y: Double) -> ScanPoint { Self.apply(ar, ai, br, bi, x, y) }

    private static func apply(_ ar: Double, _ ai: Double, _ br: Double, _ bi: Double, _ x: Double, _ y: Double) -> ScanPoint {
        ScanPoint(x: ar * x - ai * y + br, y: ai * x + ar * y + bi)
    }
}
