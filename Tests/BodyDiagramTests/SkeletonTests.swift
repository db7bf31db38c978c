import XCTest
@testable import BodyDiagram

/// Every (site, side, level) the contract allows.
func allTargets() -> [(Site, Side, VertebralLevel?)] {
    var result: [(Site, Side, VertebralLevel?)] = []
    for site in Site.allCases {
        for side in Side.allCases where side != .midline || site.allowsMidline {
            if site == .vertebra {
                for level in VertebralLevel.allCases { result.append((site, side, level)) }
            } else {
                result.append((site, side, nil))
            }
        }
    }
    return result
}

final class SkeletonTests: XCTestCase {
    /// Every site × allowed side, and every vertebra, lies inside the figure's outline
    /// in both views; where its bone is drawn, inside that very bone.
    func testEveryPositionIsInsideTheOutline() {
        for view in View.allCases {
            let shapes = Skeleton.outline(view)
            let bones = shapes.filter { $0.style == .bone }
            for (site, side, level) in allTargets() {
                let p = Skeleton.position(site, side: side, level: level, view: view)
                let label = "\(site.rawValue) \(side.rawValue) \(level?.code ?? "") \(view)"
                XCTAssertTrue(bones.contains { $0.contains(p) }, "\(label) at \(p) is outside the outline")
                XCTAssertTrue(p.x >= 0 && p.x <= Skeleton.width && p.y >= 0 && p.y <= Skeleton.height, label)
                if let name = Skeleton.boneName(site, side: side, level: level, view: view) {
                    guard let bone = shapes.first(where: { $0.name == name }) else {
                        XCTFail("\(label): no shape named \(name)"); continue
                    }
                    XCTAssertTrue(bone.contains(p), "\(label) at \(p) is outside \(name)")
                }
            }
        }
    }

    /// A site's left and right markers are mirror images about the midline.
    func testLeftAndRightAreMirrored() {
        for view in View.allCases {
            for (site, side, level) in allTargets() where side == .right {
                let r = Skeleton.position(site, side: .right, level: level, view: view)
                let l = Skeleton.position(site, side: .left, level: level, view: view)
                XCTAssertEqual(r.x + l.x, 2 * Skeleton.midline, accuracy: 1e-9, "\(site) \(view)")
                XCTAssertEqual(r.y, l.y, "\(site) \(view)")
                XCTAssertNotEqual(r.x, l.x, "\(site) \(view)")
                if site.allowsMidline {
                    XCTAssertEqual(Skeleton.position(site, side: .midline, level: level, view: view).x, Skeleton.midline)
                }
            }
        }
    }

    /// Seen from the front, the patient's right is on the viewer's left; seen from behind, on the right.
    func testPatientsRightIsOnTheViewersLeftFromTheFront() {
        for (site, side, level) in allTargets() where side == .right {
            XCTAssertLessThan(Skeleton.position(site, side: side, level: level, view: .front).x, Skeleton.midline, "\(site)")
            XCTAssertGreaterThan(Skeleton.position(site, side: side, level: level, view: .back).x, Skeleton.midline, "\(site)")
        }
        // The bones named for the patient's right are drawn on the viewer's left in the front view.
        for view in View.allCases {
            for shape in Skeleton.outline(view) where shape.name.hasSuffix("-right") {
                let xs = shape.points.map(\.x)
                let centre = xs.reduce(0, +) / Double(xs.count)
                if view == .front { XCTAssertLessThan(centre, Skeleton.midline, shape.name) }
                else { XCTAssertGreaterThan(centre, Skeleton.midline, shape.name) }
            }
        }
        // The words: "right" on the viewer's left from the front, on the right from behind.
        let front = Skeleton.labels(.front), back = Skeleton.labels(.back)
        XCTAssertLessThan(front.first { $0.role == .right }!.at.x, Skeleton.midline)
        XCTAssertGreaterThan(front.first { $0.role == .left }!.at.x, Skeleton.midline)
        XCTAssertGreaterThan(back.first { $0.role == .right }!.at.x, Skeleton.midline)
    }

    /// The outline itself is symmetric: each bone of one side has its mirror image on the other.
    func testOutlineIsSymmetric() {
        for view in View.allCases {
            let shapes = Skeleton.outline(view)
            for shape in shapes where shape.name.hasSuffix("-right") {
                let base = shape.name.dropLast("-right".count)
                let twins = shapes.filter { $0.name == base + "-left" }
                XCTAssertFalse(twins.isEmpty, "\(shape.name) has no left twin in the \(view) view")
                let mirrored = shape.points.map { Point(2 * Skeleton.midline - $0.x, $0.y) }
                XCTAssertTrue(twins.contains { twin in
                    twin.points.count == mirrored.count
                        && zip(twin.points, mirrored).allSatisfy { abs($0.x - $1.x) < 1e-9 && abs($0.y - $1.y) < 1e-9 }
                }, "\(shape.name) is not mirrored in the \(view) view")
            }
        }
    }

    func testVertebraeGoDownFromC1ToL5() {
        let ys = VertebralLevel.allCases.map { Skeleton.position(.vertebra, side: .midline, level: $0, view: .back).y }
        XCTAssertEqual(ys, ys.sorted())
        XCTAssertEqual(Set(ys).count, 24)
        XCTAssertEqual(VertebralLevel.allCases.map(\.code).first, "C1")
        XCTAssertEqual(VertebralLevel.allCases.map(\.code).last, "L5")
    }

    func testMarkerFromCodes() {
        XCTAssertEqual(Marker(number: 1, site: "vertebra", side: "midline", level: "L2"),
                       Marker(number: 1, site: .vertebra, side: .midline, level: VertebralLevel("L2")))
        XCTAssertNil(Marker(number: 1, site: "vertebra", side: "midline", level: nil), "a vertebra needs its level")
        XCTAssertNil(Marker(number: 1, site: "femur-shaft", side: "midline", level: nil), "midline only for midline bones")
        XCTAssertNil(Marker(number: 1, site: "knee", side: "left", level: nil))
        XCTAssertEqual(Marker(number: 2, site: "rib", side: "left", level: "")?.level, nil)
    }
}

extension Shape {
    /// All points of the path's elements (end and control points).
    var points: [Point] {
        elements.flatMap { e -> [Point] in
            switch e {
            case .move(let p), .line(let p): return [p]
            case .curve(let a, let b, let c): return [a, b, c]
            case .close: return []
            }
        }
    }
}
