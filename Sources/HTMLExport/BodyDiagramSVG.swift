import BodyDiagram
import DocumentModel

/// Draws the body diagram as inline SVG (SVG 1.1 paths), from the same
/// composition the PDF draws with path operators.
enum BodyDiagramSVG {
    /// Marker circle radius and type sizes, in figure units.
    static let markerRadius = 12.0
    static let labelSize = 15.0
    static let numberSize = 15.5

    static func write(_ spec: BodyDiagramSpec, rightToLeft: Bool, into out: inout HTMLBuffer) {
        let markers = spec.markers.compactMap { BodyDiagram.Marker(number: $0.number, site: $0.site, side: $0.side, level: $0.level) }
        let figure = Composition(markers: markers, markerRadius: markerRadius, rightToLeft: rightToLeft)
        out.raw("<figure class=\"body-diagram\">\n")
        // direction="ltr": text-anchor start/end are the figure's left/right, whatever the page's direction.
        out.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(figure.width)) \(n(figure.height))\" ")
        out.raw("width=\"\(n(figure.width))\" height=\"\(n(figure.height))\" role=\"img\" aria-label=\"")
        out.escaped(spec.labels.caption)
        out.raw("\" direction=\"ltr\" font-family=\"sans-serif\">\n<title>")
        out.escaped(spec.labels.caption)
        out.raw("</title>\n")
        for view in figure.views {
            out.raw("<g class=\"view-\(view.view.rawValue)\" stroke=\"#000\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\n")
            for shape in view.shapes {
                switch shape.style {
                case .bone: out.raw("<path fill=\"#e8e8e8\" stroke-width=\"1.1\"")
                case .opening: out.raw("<path fill=\"#fff\" stroke-width=\"0.9\"")
                case .detail: out.raw("<path fill=\"none\" stroke-width=\"0.9\"")
                }
                if shape.evenOdd { out.raw(" fill-rule=\"evenodd\"") }
                out.raw(" d=\"\(pathData(shape.elements))\"/>\n")
            }
            out.raw("</g>\n")
            out.raw("<g font-size=\"\(n(labelSize))\" fill=\"#000\">\n")
            for label in view.labels {
                let anchor = label.anchor == .start ? "start" : label.anchor == .middle ? "middle" : "end"
                let text: String
                switch label.role {
                case .right: text = spec.labels.right
                case .left: text = spec.labels.left
                case .front: text = spec.labels.front
                case .back: text = spec.labels.back
                }
                let weight = label.role == .front || label.role == .back ? " font-weight=\"bold\"" : ""
                out.raw("<text x=\"\(n(label.at.x))\" y=\"\(n(label.at.y))\" text-anchor=\"\(anchor)\"\(weight)>")
                out.escaped(text)
                out.raw("</text>\n")
            }
            out.raw("</g>\n")
            for m in view.markers {
                out.raw("<g class=\"marker\">")
                if m.isMoved {
                    out.raw("<line x1=\"\(n(m.anchor.x))\" y1=\"\(n(m.anchor.y))\" x2=\"\(n(m.centre.x))\" y2=\"\(n(m.centre.y))\" stroke=\"#000\" stroke-width=\"1.4\"/>")
                    out.raw("<circle cx=\"\(n(m.anchor.x))\" cy=\"\(n(m.anchor.y))\" r=\"2.6\" fill=\"#000\"/>")
                }
                out.raw("<circle cx=\"\(n(m.centre.x))\" cy=\"\(n(m.centre.y))\" r=\"\(n(markerRadius))\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"2.2\"/>")
                out.raw("<text x=\"\(n(m.centre.x))\" y=\"\(n(m.centre.y + numberSize * 0.36))\" text-anchor=\"middle\" font-size=\"\(n(numberSize))\" font-weight=\"bold\">\(m.number)</text>")
                out.raw("</g>\n")
            }
        }
        out.raw("</svg>\n<figcaption>")
        out.escaped(spec.labels.caption)
        out.raw("</figcaption>\n</figure>\n")
    }

    /// SVG path data (SVG 1.1 §8.3): M, L, C, Z with absolute coordinates.
    static func pathData(_ elements: [PathElement]) -> String {
        var parts: [String] = []
        for e in elements {
            switch e {
            case .move(let p): parts.append("M\(n(p.x)) \(n(p.y))")
            case .line(let p): parts.append("L\(n(p.x)) \(n(p.y))")
            case .curve(let a, let b, let c): parts.append("C\(n(a.x)) \(n(a.y)) \(n(b.x)) \(n(b.y)) \(n(c.x)) \(n(c.y))")
            case .close: parts.append("Z")
            }
        }
        return parts.joined(separator: " ")
    }

    /// A coordinate with at most two decimals, no trailing zeros.
    static func n(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        var s = String(format2(r))
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    private static func format2(_ x: Double) -> String {
        let negative = x < 0
        let cents = Int((abs(x) * 100).rounded())
        let frac = cents % 100
        return (negative ? "-" : "") + "\(cents / 100)." + (frac < 10 ? "0" : "") + "\(frac)"
    }
}
