import OsteoDoc
import ScanReading

/// Reads the boxes and signature spaces of a scanned page at the places osteodoc laid out.
///
/// The page's QR code gives the transform from the layout to the scan; each box is then looked
/// for within half its side of where the transform puts it (the printed square's border is
/// the darkest ring there), which absorbs the small errors of a code 15 mm wide predicting a box
/// 20 cm away. Ink is counted inside the box's border, or in the space above a signature line
/// found the same way. Thresholds (dark: grey < 128; ticked: ≥ 6 % of the inside; signed: ≥ 0.4 %
/// of the space) were set on pages scanned at 150–300 dpi with noise and JPEG compression
/// (`Tests/ScanBackTests`).
public enum FormReader {
    static let darkLevel: UInt8 = 128
    static let tickedShare = 0.06
    static let signedShare = 0.004

    /// Nil when the symbol's corners do not give a usable transform.
    public static func read(_ image: GrayImage, symbol: QRSymbol, code: ScanCode, form: PageForm) -> PageReading? {
        guard let qr = form.fields.first(where: { $0.kind == .pageCode }), symbol.corners.count == 4 else { return nil }
        // zbar's corner order: top-left, bottom-left, bottom-right, top-right of the symbol.
        let printed = [ScanPoint(x: qr.x, y: qr.y), ScanPoint(x: qr.x, y: qr.y + qr.height),
                       ScanPoint(x: qr.x + qr.width, y: qr.y + qr.height), ScanPoint(x: qr.x + qr.width, y: qr.y)]
        guard let transform = PageTransform(printed: printed, scanned: symbol.corners),
              transform.residual < 0.08 * qr.width * transform.scale else { return nil }
        let sampler = Sampler(image: image, transform: transform)
        var readings: [FieldReading] = []
        for field in form.fields where field.kind != .pageCode {
            switch field.kind {
            case .choice, .checklist:
                let ink = sampler.boxInk(field)
                readings.append(FieldReading(field: field, ink: ink, marked: ink >= tickedShare))
            case .signature:
                let ink = sampler.signatureInk(field)
                readings.append(FieldReading(field: field, ink: ink, marked: ink >= signedShare))
            case .pageCode:
                break
            }
        }
        return PageReading(code: code, fields: readings)
    }
}

/// Samples the image at page positions (points), shifted by a local correction in whole pixels.
private struct Sampler {
    let image: GrayImage
    let transform: PageTransform

    /// Page points as the nearest pixels of the scan (mapped once, then shifted).
    func pixels(_ points: [(Double, Double)]) -> [(Int, Int)] {
        points.map { point in
            let p = transform(point.0, point.1)
            return (Int(p.x.rounded()), Int(p.y.rounded()))
        }
    }

    /// Share of dark pixels among `pixels` shifted by (dx, dy); pixels off the image do not count.
    func darkShare(_ pixels: [(Int, Int)], dx: Int, dy: Int) -> Double {
        var dark = 0, seen = 0
        let width = image.width, height = image.height
        image.pixels.withUnsafeBufferPointer { values in
            for (x, y) in pixels {
                let ix = x + dx, iy = y + dy
                guard ix >= 0, iy >= 0, ix < width, iy < height else { continue }
                seen += 1
                if values[iy * width + ix] < FormReader.darkLevel { dark += 1 }
            }
        }
        return seen == 0 ? 0 : Double(dark) / Double(seen)
    }

    /// A grid of points over a rectangle (page coordinates), about one per pixel.
    func grid(x: Double, y: Double, width: Double, height: Double) -> [(Double, Double)] {
        let step = 1 / max(transform.scale, 0.01)
        var points: [(Double, Double)] = []
        var py = y
        while py < y + height {
            var px = x
            while px < x + width { points.append((px, py)); px += step }
            py += step
        }
        return points
    }

    /// Ink inside a box: the border found near its predicted place, then the inside counted.
    func boxInk(_ field: FormField) -> Double {
        let side = field.width, step = 1 / max(transform.scale, 0.01)
        var border: [(Double, Double)] = []
        var t = 0.0
        while t <= side {
            border += [(field.x + t, field.y), (field.x + t, field.y + side), (field.x, field.y + t), (field.x + side, field.y + t)]
            t += step
        }
        let reach = 0.5 * side * transform.scale
        let (dx, dy) = bestShift(pixels(border), reachX: reach, reachY: reach)
        let inset = 0.22 * side
        let inside = grid(x: field.x + inset, y: field.y + inset, width: side - 2 * inset, height: side - 2 * inset)
        return darkShare(pixels(inside), dx: dx, dy: dy)
    }

    /// Ink in the space above a signature line: the line found near its predicted place.
    func signatureInk(_ field: FormField) -> Double {
        let step = 1 / max(transform.scale, 0.01)
        var line: [(Double, Double)] = []
        var x = field.x + 0.1 * field.width
        while x < field.x + 0.9 * field.width { line.append((x, field.y + field.height)); x += step }
        // A horizontal line: only its height needs finding.
        let (dx, dy) = bestShift(pixels(line), reachX: 2, reachY: 0.3 * field.height * transform.scale)
        // Above the line, clear of it and of the text above the space.
        let space = grid(x: field.x + 0.03 * field.width, y: field.y + 0.12 * field.height,
                         width: 0.94 * field.width, height: 0.72 * field.height)
        return darkShare(pixels(space), dx: dx, dy: dy)
    }

    /// The pixel shift within reach that puts the most ink under `pixels` (the printed border or
    /// line); of equal ones, the smallest.
    func bestShift(_ pixels: [(Int, Int)], reachX: Double, reachY: Double) -> (Int, Int) {
        let rx = Int(reachX.rounded(.up)), ry = Int(reachY.rounded(.up))
        var best = (0, 0), bestShare = -1.0
        for dy in -ry...ry {
            for dx in -rx...rx {
                let share = darkShare(pixels, dx: dx, dy: dy)
                if share > bestShare + 1e-9 || (abs(share - bestShare) <= 1e-9 && dx * dx + dy * dy < best.0 * best.0 + best.1 * best.1) {
                    bestShare = share
                    best = (dx, dy)
                }
            }
        }
        return best
    }
}
