import BodyDiagram
import DocumentModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import HTMLExport

/// Collects the elements, attributes and text of an XML document.
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String] = []
    private var current = ""
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes)); current = ""
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { texts.append(current) }
        current = ""
    }
}

final class BodyDiagramSVGTests: XCTestCase {
    private func html(_ spec: BodyDiagramSpec, dir: TextDirection = .leftToRight) -> String {
        HTMLWriter.html(Document(metadata: DocumentMetadata(
            title: "T", language: dir == .rightToLeft ? "ar" : "it", direction: dir, documentId: "CI-1", contentVersion: "1.0",
            runningHeader: ["R"], pageLabel: "{page}/{pages}", footerNote: "CI-1"), blocks: [.bodyDiagram(spec)]))
    }

    private func svg(_ html: String) throws -> String {
        let start = try XCTUnwrap(html.range(of: "<svg "))
        let end = try XCTUnwrap(html.range(of: "</svg>"))
        return String(html[start.lowerBound..<end.upperBound])
    }

    private func parse(_ svg: String) throws -> XMLCollector {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = XMLCollector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "SVG is not well-formed XML: \(parser.parserError.map { String(describing: $0) } ?? "")")
        return collector
    }

    private let labels = BodyDiagramSpec.Labels(right: "Destra <d>", left: "Sinistra & s", front: "Davanti \"f\"",
                                                back: "Dietro 'b'", caption: "Numeri <come> nella tabella & altro")

    func testSVGIsWellFormedXMLWithEscapedText() throws {
        let spec = BodyDiagramSpec(markers: [.init(number: 1, site: "acetabulum", side: "right"),
                                             .init(number: 2, site: "vertebra", side: "midline", level: "T12")], labels: labels)
        let doc = html(spec)
        let xml = try parse(try svg(doc))
        let root = try XCTUnwrap(xml.elements.first)
        XCTAssertEqual(root.name, "svg")
        XCTAssertEqual(root.attributes["role"], "img")
        XCTAssertEqual(root.attributes["aria-label"], "Numeri <come> nella tabella & altro")
        XCTAssertEqual(root.attributes["xmlns"], "http://www.w3.org/2000/svg")
        // Words come back exactly; numbers are on the markers.
        for word in ["Destra <d>", "Sinistra & s", "Davanti \"f\"", "Dietro 'b'", "1", "2"] {
            XCTAssertTrue(xml.texts.contains(word), "missing text \(word)")
        }
        let paths = xml.elements.filter { $0.name == "path" }
        XCTAssertGreaterThan(paths.count, 100, "two views of bones")
        for p in paths { XCTAssertTrue(p.attributes["d"]?.hasPrefix("M") == true) }
        XCTAssertTrue(doc.contains("<figcaption>Numeri &lt;come&gt; nella tabella &amp; altro</figcaption>"))
    }

    /// The SVG's markers are where the shared geometry puts them: the patient's right on the viewer's left.
    func testMarkersFollowTheGeometry() throws {
        let xml = try parse(try svg(html(BodyDiagramSpec(markers: [.init(number: 1, site: "femur-shaft", side: "right"),
                                                                 .init(number: 2, site: "femur-shaft", side: "left")], labels: labels))))
        let circles = xml.elements.filter { $0.name == "circle" && $0.attributes["r"] == "12" }
        XCTAssertEqual(circles.count, 2)
        let x1 = try XCTUnwrap(Double(circles[0].attributes["cx"]!)), x2 = try XCTUnwrap(Double(circles[1].attributes["cx"]!))
        XCTAssertLessThan(x1, Skeleton.midline)
        XCTAssertGreaterThan(x2, Skeleton.midline)
        XCTAssertEqual(x1 + x2, 2 * Skeleton.midline, accuracy: 0.02)
        XCTAssertEqual(Skeleton.position(.femurShaft, side: .right, view: .front).x, x1, accuracy: 0.01)
    }

    func testRightToLeftPutsTheFrontViewSecond() throws {
        let spec = BodyDiagramSpec(markers: [.init(number: 1, site: "sacrum", side: "midline")], labels: labels)
        let ltr = try parse(try svg(html(spec))).elements.compactMap { $0.attributes["class"] }.filter { $0.hasPrefix("view-") }
        let rtl = try parse(try svg(html(spec, dir: .rightToLeft))).elements.compactMap { $0.attributes["class"] }.filter { $0.hasPrefix("view-") }
        XCTAssertEqual(ltr, ["view-front", "view-back"])
        XCTAssertEqual(rtl, ["view-back", "view-front"])
    }

    func testSmallPrint() {
        let doc = HTMLWriter.html(Document(metadata: DocumentMetadata(
            title: "T", language: "it", direction: .leftToRight, documentId: "CI-1", contentVersion: "1.0",
            runningHeader: ["R"], pageLabel: "{page}/{pages}", footerNote: "CI-1"), blocks: [.smallPrint([.text("Piano <1>")])]))
        XCTAssertTrue(doc.contains("<p class=\"small\">Piano &lt;1&gt;</p>"))
    }
}
