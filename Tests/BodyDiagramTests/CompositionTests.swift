import XCTest
@testable import BodyDiagram

final class CompositionTests: XCTestCase {
    func testFrontOnlyWithoutPosteriorSites() {
        let c = Composition(markers: [Marker(number: 1, site: .acetabulum, side: .right),
                                      Marker(number: 2, site: .humerusProximal, side: .left)])
        XCTAssertEqual(c.views.map(\.view), [.front])
        XCTAssertEqual(c.width, Skeleton.width)
        let front = c.views[0]
        XCTAssertEqual(front.markers.map(\.number), [1, 2])
        // Number 1, the right acetabulum, is on the viewer's left; number 2, the left humerus, on the right.
        XCTAssertLessThan(front.markers[0].anchor.x, Skeleton.midline)
        XCTAssertGreaterThan(front.markers[1].anchor.x, Skeleton.midline)
    }

    func testSpineTargetsGoOnTheBackView() {
        let markers = [Marker(number: 1, site: .vertebra, side: .midline, level: VertebralLevel("L2")),
                       Marker(number: 2, site: .femurShaft, side: .right),
                       Marker(number: 3, site: .sacrum, side: .left)]
        let ltr = Composition(markers: markers)
        XCTAssertEqual(ltr.views.map(\.view), [.front, .back])
        XCTAssertEqual(ltr.views[0].markers.map(\.number), [2])
        XCTAssertEqual(ltr.views[1].markers.map(\.number), [1, 3])
        XCTAssertEqual(ltr.width, 2 * Skeleton.width + Composition.gap)
        // The left half of the sacrum, seen from behind, is on the viewer's left of the back view.
        let back = ltr.views[1]
        XCTAssertLessThan(back.markers[1].anchor.x, back.offsetX + Skeleton.midline)
        XCTAssertEqual(back.markers[0].anchor.x, back.offsetX + Skeleton.midline)

        // Right to left: the front view comes first in reading order, i.e. on the right; not mirrored.
        let rtl = Composition(markers: markers, rightToLeft: true)
        XCTAssertEqual(rtl.views.map(\.view), [.back, .front])
        XCTAssertEqual(rtl.views[1].offsetX, Skeleton.width + Composition.gap)
        XCTAssertEqual(rtl.views[1].markers[0].anchor.x - rtl.views[1].offsetX, ltr.views[0].markers[0].anchor.x, accuracy: 1e-9)
    }

    /// Neighbouring sites (acetabulum and proximal femur on one side) never hide each other's numbers.
    func testMarkersNeverOverlap() {
        var markers: [Marker] = []
        for (i, site) in [Site.acetabulum, .femurProximal, .iliacBone, .pubis, .ischium, .femurShaft, .rib, .sternum].enumerated() {
            markers.append(Marker(number: i + 1, site: site, side: site == .sternum ? .midline : .right))
        }
        let c = Composition(markers: markers, markerRadius: 12)
        let placed = c.views.flatMap(\.markers)
        XCTAssertEqual(placed.count, 8)
        for (i, a) in placed.enumerated() {
            for b in placed[(i + 1)...] {
                let d = ((a.centre.x - b.centre.x) * (a.centre.x - b.centre.x) + (a.centre.y - b.centre.y) * (a.centre.y - b.centre.y)).squareRoot()
                XCTAssertGreaterThanOrEqual(d, 24, "markers \(a.number) and \(b.number) overlap")
            }
            XCTAssertTrue(a.centre.x >= 12 && a.centre.x <= c.width - 12, "marker \(a.number) leaves the figure")
        }
        XCTAssertFalse(placed[0].isMoved, "the first marker stays on its site")
        XCTAssertTrue(placed[1].isMoved, "the proximal femur is next to the acetabulum: moved, with a leader")
        XCTAssertLessThan(placed[1].centre.x, placed[1].anchor.x, "moved outwards, away from the midline")
    }
}
