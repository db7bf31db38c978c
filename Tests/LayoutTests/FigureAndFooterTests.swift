import DocumentModel
import QRCode
import Typesetting
import XCTest
@testable import Layout

let typesetter = Typesetter(fonts: try! FontLibrary())

func document(_ blocks: [Block], rtl: Bool = false, id: String = "CI-TEST-it-00000001") -> Document {
    Document(metadata: DocumentMetadata(
        title: "Test", language: rtl ? "ar" : "it", direction: rtl ? .rightToLeft : .leftToRight,
        documentId: id, contentVersion: "1.0-test", runningHeader: ["Rossi Maria"],
        pageLabel: "Pagina {page} di {pages}", footerNote: "Documento \(id) · contenuti versione 1.0-test"),
        blocks: blocks)
}

func diagram(_ markers: [BodyDiagramSpec.Marker], rtl: Bool = false) -> Block {
    .bodyDiagram(BodyDiagramSpec(markers: markers, labels: rtl
        ? .init(right: "اليمين", left: "اليسار", front: "من الأمام", back: "من الخلف", caption: "الأرقام هي نفسها التي في الجدول.")
        : .init(right: "Destra", left: "Sinistra", front: "Davanti", back: "Dietro", caption: "I numeri sono quelli della tabella.")))
}

/// Centres of the marker circles (white discs with a 1.3 pt outline) on a page, in drawing order.
func markerCentres(_ page: Page) -> [(x: Double, y: Double)] {
    page.items.compactMap { item in
        guard case .path(let segments, let stroke, let fill, _) = item, stroke == 1.3, fill == 1,
              case .move(let x0, let y0) = segments[0], case .curve(_, _, _, _, let x2, _) = segments[2] else { return nil }
        return ((x0 + x2) / 2, y0)
    }
}

final class FigureLayoutTests: XCTestCase {
    let layout = DocumentLayout(typesetter: typesetter)

    func testFigureIsDrawnWithPaths() throws {
        var options = LayoutOptions()
        options.collectLog = true
        let laid = try DocumentLayout(typesetter: typesetter, options: options).layout(document([diagram([.init(number: 1, site: "acetabulum", side: "right")])]))
        XCTAssertEqual(laid.pages.count, 1)
        let paths = laid.pages[0].items.filter { if case .path = $0 { return true } else { return false } }
        XCTAssertGreaterThan(paths.count, 60, "bones, details and the marker")
        let curves = paths.reduce(0) { n, item in
            guard case .path(let s, _, _, _) = item else { return n }
            return n + s.filter { if case .curve = $0 { return true } else { return false } }.count
        }
        XCTAssertGreaterThan(curves, 200)
        XCTAssertTrue(laid.log.contains("body-diagram views=front"), laid.log)
    }

    /// Front view: the patient's right is on the viewer's left of the figure's midline.
    func testRightIsOnTheViewersLeftOnThePage() throws {
        let opts = LayoutOptions()
        let middle = opts.pageWidth / 2 // a single view is centred on the measure
        for site in ["humerus-shaft", "femur-shaft", "rib", "calcaneus", "pubis"] {
            let right = markerCentres(try layout.layout(document([diagram([.init(number: 1, site: site, side: "right")])])).pages[0])
            let left = markerCentres(try layout.layout(document([diagram([.init(number: 1, site: site, side: "left")])])).pages[0])
            XCTAssertEqual(right.count, 1); XCTAssertEqual(left.count, 1)
            XCTAssertLessThan(right[0].x, middle, site)
            XCTAssertGreaterThan(left[0].x, middle, site)
            XCTAssertEqual(right[0].x + left[0].x, 2 * middle, accuracy: 0.01, "\(site): mirrored about the midline")
            XCTAssertEqual(right[0].y, left[0].y, accuracy: 0.01)
        }
    }

    /// Right to left: the front view moves to the right (where reading starts), but is not mirrored.
    func testRightToLeftSwapsTheViewsButNotTheBody() throws {
        let markers: [BodyDiagramSpec.Marker] = [.init(number: 1, site: "femur-shaft", side: "right"),
                                                .init(number: 2, site: "vertebra", side: "midline", level: "L2")]
        let ltr = markerCentres(try layout.layout(document([diagram(markers)])).pages[0])
        let rtl = markerCentres(try layout.layout(document([diagram(markers, rtl: true)], rtl: true)).pages[0])
        let middle = LayoutOptions().pageWidth / 2
        XCTAssertLessThan(ltr[0].x, middle, "LTR: front view (marker 1) on the left")
        XCTAssertGreaterThan(ltr[1].x, middle, "LTR: back view (marker 2) on the right")
        // RTL draws the back view first (it is on the left).
        XCTAssertLessThan(rtl[0].x, middle, "RTL: back view (marker 2) on the left")
        XCTAssertGreaterThan(rtl[1].x, middle, "RTL: front view (marker 1) on the right")
        // Within its view the right femur keeps its place: the same distance left of the view's midline.
        let viewShift = rtl[0].x - ltr[1].x // how far the views moved: the back view went left by this much…
        XCTAssertEqual(rtl[1].x - ltr[0].x, -viewShift, accuracy: 0.01, "…and the front view right by the same")
    }

    func testUnknownSiteIsALayoutError() {
        XCTAssertThrowsError(try layout.layout(document([diagram([.init(number: 1, site: "knee", side: "left")])])))
    }
}

final class FooterScanCodeTests: XCTestCase {
    let layout = DocumentLayout(typesetter: typesetter)

    /// The footer's QR code: where its dark modules are drawn and which they are (the blocks
    /// painted into a square grid, row-major).
    private func qrBitmaps(_ page: Page) -> [(x: Double, y: Double, w: Double, h: Double, size: Int, dark: [Bool])] {
        let footerTop = page.height - LayoutOptions().marginBottom
        return page.items.compactMap { item in
            guard case .cells(let x, let y, let cell, let rows, let blocks) = item, y > footerTop else { return nil }
            var dark = [Bool](repeating: false, count: rows * rows)
            for block in blocks {
                for row in block.row..<block.row + block.height {
                    for column in block.column..<block.column + block.width { dark[row * rows + column] = true }
                }
            }
            return (x, y, cell * Double(rows), cell * Double(rows), rows, dark)
        }
    }

    private func footerText(_ page: Page) -> String {
        let footerTop = page.height - LayoutOptions().marginBottom
        return page.items.compactMap { item -> String? in
            guard case .glyphs(_, let y, let run) = item, y > footerTop else { return nil }
            return run.text
        }.joined(separator: " ")
    }

    func testThePageLabelFillsInBothPlaceholdersAndKeepsOtherBraces() {
        XCTAssertEqual(PageDecoration.pageLabel("Pagina {page} di {pages}", page: 3, of: 12), "Pagina 3 di 12")
        XCTAssertEqual(PageDecoration.pageLabel("{pages}/{page}", page: 1, of: 9), "9/1")
        XCTAssertEqual(PageDecoration.pageLabel("صفحة {page} من {pages}", page: 2, of: 4), "صفحة 2 من 4")
        XCTAssertEqual(PageDecoration.pageLabel("{ {page} {pag} {pages", page: 5, of: 6), "{ 5 {pag} {pages")
        XCTAssertEqual(PageDecoration.pageLabel("", page: 1, of: 1), "")
    }

    func testEveryPageHasItsCodeAndText() throws {
        let id = "CI-PLN-2026-004217-it-4F3A9C21"
        let blocks = (0..<90).map { _ in Block.paragraph([.text("Una riga di testo per riempire le pagine del documento di prova.")]) }
        let laid = try layout.layout(document(blocks, id: id))
        XCTAssertGreaterThan(laid.pages.count, 1)
        for (i, page) in laid.pages.enumerated() {
            let text = DocumentLayout.scanCode(documentId: id, page: i + 1, of: laid.pages.count)
            XCTAssertEqual(text, "OSTEODOC:\(id):\(i + 1)/\(laid.pages.count)")
            let bitmaps = qrBitmaps(page)
            XCTAssertEqual(bitmaps.count, 1, "page \(i + 1): one QR code")
            let symbol = try QRCode(text)
            let code = try XCTUnwrap(bitmaps.first)
            XCTAssertEqual(code.size, symbol.size)
            XCTAssertEqual(code.dark, symbol.modules, "page \(i + 1): the modules of the page's own code")
            XCTAssertTrue(footerText(page).contains(text), "page \(i + 1): the code's text is printed beside it")
            // Bottom-left corner, dark modules flush with the left margin, about 12 mm of dark area.
            let minX = code.x, maxX = code.x + code.w
            let minY = code.y, maxY = code.y + code.h
            XCTAssertEqual(minX, LayoutOptions().marginLeft, accuracy: 0.01)
            XCTAssertEqual(maxX - minX, maxY - minY, accuracy: 0.1, "square")
            XCTAssertGreaterThan(maxX - minX, 30)
            XCTAssertLessThan(maxY, page.height - 18, "clear of the paper's unprintable edge")
            // Nothing else in the footer overlaps the code (quiet zone included).
            let quiet = (maxX - minX) / Double(try QRCode(text).size) * 4
            for item in page.items {
                if case .glyphs(let x, let y, let run) = item, y > page.height - LayoutOptions().marginBottom {
                    XCTAssertTrue(x >= maxX + quiet - 0.5 || x + run.width <= minX - quiet, "text \(run.text) overlaps the code")
                }
            }
        }
    }

    func testRightToLeftPutsTheCodeOnTheRight() throws {
        let laid = try layout.layout(document([.paragraph([.text("نص قصير.")])], rtl: true, id: "CI-PLN-1-ar-00000000"))
        let code = try XCTUnwrap(qrBitmaps(laid.pages[0]).first)
        let opts = LayoutOptions()
        XCTAssertEqual(code.x + code.w, opts.marginLeft + (opts.pageWidth - opts.marginLeft - opts.marginRight), accuracy: 0.05)
        XCTAssertTrue(footerText(laid.pages[0]).contains("OSTEODOC:CI-PLN-1-ar-00000000:1/1"))
    }
}
