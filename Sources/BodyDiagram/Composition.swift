// Puts the views side by side and places the numbered markers: the one
// description of the figure that both the SVG (HTML) and the PDF draw.

/// A word on the figure; the renderer supplies the text in the document's language.
public struct Label: Sendable, Equatable {
    public enum Role: Sendable, Equatable { case right, left, front, back }
    public enum Anchor: Sendable, Equatable { case start, middle, end }
    public var role: Role
    /// The start, middle or end of the text's baseline, by `anchor`.
    public var at: Point
    /// Which point of the text `at` is: `.start` is the text's left end, `.end` its right end
    /// (in figure terms, whatever the writing direction).
    public var anchor: Anchor
}

/// A marker as placed: a circle with the target's number, at the site or, when
/// that place is taken by another marker, moved sideways with a leader line back
/// to a dot on the site.
public struct PlacedMarker: Sendable, Equatable {
    public var number: Int
    /// The site itself.
    public var anchor: Point
    /// The centre of the numbered circle.
    public var centre: Point
    /// True when the circle was moved away from the site (draw the leader and the dot).
    public var isMoved: Bool { anchor != centre }
}

/// The figure ready to draw, in figure units: views side by side, left to right on the page.
public struct Composition: Sendable {
    public struct PlacedView: Sendable {
        public var view: View
        /// Everything below is already shifted by the view's offset.
        public var offsetX: Double
        public var shapes: [Shape]
        public var labels: [Label]
        public var markers: [PlacedMarker]
    }
    public var width: Double
    public var height: Double
    public var views: [PlacedView]
    /// Radius of a marker circle, in figure units.
    public var markerRadius: Double

    /// Space between two views.
    public static let gap = 44.0

    /// Which views a set of markers needs: always the front; the back too when a
    /// marker is on a site seen from behind (sacrum, vertebra, scapula).
    public static func views(for markers: [Marker]) -> [View] {
        markers.contains { $0.site.isPosterior } ? [.front, .back] : [.front]
    }

    /// The view a marker goes on, given the views shown.
    public static func view(of marker: Marker, among views: [View]) -> View {
        marker.site.isPosterior && views.contains(.back) ? .back : .front
    }

    /// Composes the figure.
    /// - Parameters:
    ///   - markerRadius: circle radius in figure units (the renderer picks it from its scale).
    ///   - rightToLeft: put the front view on the right, where a right-to-left reader starts.
    ///     The views themselves are never mirrored.
    public init(markers: [Marker], markerRadius: Double = 12, rightToLeft: Bool = false) {
        let shown = Self.views(for: markers)
        let ordered = rightToLeft ? shown.reversed() : shown
        self.markerRadius = markerRadius
        height = Skeleton.height
        width = Double(ordered.count) * Skeleton.width + Double(ordered.count - 1) * Self.gap
        views = ordered.enumerated().map { i, view in
            let dx = Double(i) * (Skeleton.width + Self.gap)
            let mine = markers.filter { Self.view(of: $0, among: shown) == view }.sorted { $0.number < $1.number }
            let placed = Self.place(mine, view: view, radius: markerRadius)
            return PlacedView(
                view: view, offsetX: dx,
                shapes: Skeleton.outline(view).map { $0.map { $0.offsetBy(dx: dx) } },
                labels: Skeleton.labels(view).map { Label(role: $0.role, at: $0.at.offsetBy(dx: dx), anchor: $0.anchor) },
                markers: placed.map { PlacedMarker(number: $0.number, anchor: $0.anchor.offsetBy(dx: dx),
                                                   centre: $0.centre.offsetBy(dx: dx)) })
        }
    }

    /// Markers on their sites; a marker that would overlap one already placed moves
    /// outwards (away from the midline) in steps until it is clear.
    static func place(_ markers: [Marker], view: View, radius r: Double) -> [PlacedMarker] {
        var placed: [PlacedMarker] = []
        let clearance = 2 * r + 1.5
        var midlineTurn = 1.0
        for m in markers {
            let anchor = Skeleton.position(m.site, side: m.side, level: m.level, view: view)
            var direction = anchor.x < Skeleton.midline - 0.5 ? -1.0 : anchor.x > Skeleton.midline + 0.5 ? 1.0 : 0
            var centre = anchor
            func free(_ c: Point) -> Bool {
                placed.allSatisfy { (($0.centre.x - c.x) * ($0.centre.x - c.x) + ($0.centre.y - c.y) * ($0.centre.y - c.y)).squareRoot() >= clearance }
            }
            if !free(centre) {
                if direction == 0 { direction = midlineTurn; midlineTurn = -midlineTurn }
                var candidates: [Point] = []
                for k in 1...12 {
                    let x = anchor.x + direction * Double(k) * r * 0.75
                    candidates.append(Point(min(max(x, r), Skeleton.width - r), anchor.y))
                }
                // Still crowded at the edge (many targets at one height): try above and below.
                let edgeX = candidates[candidates.count - 1].x
                for k in 1...8 {
                    candidates.append(Point(edgeX, anchor.y - Double(k) * clearance))
                    candidates.append(Point(edgeX, anchor.y + Double(k) * clearance))
                }
                centre = candidates.first(where: free) ?? candidates.last!
            }
            placed.append(PlacedMarker(number: m.number, anchor: anchor, centre: centre))
        }
        return placed
    }
}
