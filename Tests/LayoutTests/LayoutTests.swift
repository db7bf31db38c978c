import DocumentModel
import Typesetting
import XCTest
@testable import Layout

/// Pagination rules, checked on small synthetic documents through the layout log.
final class LayoutTests: XCTestCase {
    static let typesetter: Typesetter = Typesetter(fonts: try! FontLibrary())

    private func layout(_ blocks: [Block], rtl: Bool = false) throws -> LaidOutDocument {
        var options = LayoutOptions()
        options.collectLog = true
        let meta = DocumentMetadata(title: "T", language: rtl ? "ar" : "it", direction: rtl ? .rightToLeft : .leftToRight,
                                    documentId: "ID-1", contentVersion: "1", runningHeader: ["Rossi Maria", "cartella n. 1"],
                                    pageLabel: "Pagina {page} di {pages}", footerNote: "Documento ID-1")
        return try DocumentLayout(typesetter: Self.typesetter, options: options).layout(Document(metadata: meta, blocks: blocks))
    }

    private func pages(_ log: String) -> [[String]] {
        var result: [[String]] = []
        for line in log.split(separator: "\n") {
            if line.hasPrefix("page ") { result.append([]) } else { result[result.count - 1].append(String(line)) }
        }
        return result
    }

    private let sentence = "La cementoplastica è una cura che rinforza l'osso malato con un cemento speciale iniettato attraverso un ago sottile."
    private func filler(_ n: Int) -> [Block] { (0..<n).map { _ in .paragraph([.text(sentence)]) } }

    func testHeadingIsKeptWithWhatFollows() throws {
        // Fill the page almost to the bottom, then a heading and a paragraph.
        for n in 20...34 {
            let doc = try layout(filler(n) + [.heading(level: 2, id: "s1", content: [.text("Rischi")]), .paragraph([.text(sentence)])])
            for page in pages(doc.log) {
                if let last = page.last { XCTAssertFalse(last.contains("Rischi"), "heading left alone at the bottom (n=\(n))") }
            }
        }
    }

    func testNoWidowsOrOrphans() throws {
        let long = Block.paragraph([.text(Array(repeating: sentence, count: 6).joined(separator: " "))])
        for n in 22...34 {
            let doc = try layout(filler(n) + [long])
            var perPage: [Int: Int] = [:]
            for (p, page) in pages(doc.log).enumerated() {
                for line in page where line.contains("¶\(n + 1) ") { perPage[p, default: 0] += 1 }
            }
            for (_, count) in perPage where perPage.count > 1 {
                XCTAssertGreaterThanOrEqual(count, 2, "n=\(n): \(perPage)")
            }
        }
    }

    func testTableHeaderRepeatsOnTheNextPage() throws {
        let rows: [[[Inline]]] = (1...60).map { [[.text("\($0)")], [.text("acetabolo destro")], [.text("8,0 mL")]] }
        let table = Table(header: [[.text("N.")], [.text("Sede")], [.text("Cemento")]], rows: rows, rowHeaders: false)
        let doc = try layout([.table(table)])
        let p = pages(doc.log)
        XCTAssertGreaterThan(p.count, 1)
        let first = p[1].first ?? ""
        XCTAssertTrue(first.contains("(repeated header) header") && first.contains("N.") && first.contains("Cemento"), first)
    }

    func testSignatureBlockIsNeverSplit() throws {
        let sig = Block.signature(SignatureBlock(caption: [.text("La/il paziente")], fields: [[.text("Firma")], [.text("Data")], [.text("Ora")]]))
        for n in 25...36 {
            let doc = try layout(filler(n) + [sig])
            let withSignature = pages(doc.log).filter { $0.contains { $0.contains("signature") } }
            XCTAssertEqual(withSignature.count, 1)
            let all = withSignature[0].joined(separator: "\n")
            for label in ["La/il paziente", "Firma", "Data", "Ora"] { XCTAssertTrue(all.contains(label), "n=\(n) \(label)") }
        }
    }

    func testRunningHeaderAndPageLabelOnEveryPage() throws {
        let doc = try layout(filler(80))
        XCTAssertGreaterThan(doc.pages.count, 2)
        for (i, page) in doc.pages.enumerated() {
            let text = page.items.compactMap { item -> String? in
                if case .glyphs(_, _, let run) = item { return run.text } else { return nil }
            }.joined(separator: " ")
            XCTAssertTrue(text.contains("Rossi Maria"), "page \(i + 1)")
            XCTAssertTrue(text.contains("Pagina \(i + 1) di \(doc.pages.count)"), "page \(i + 1)")
            XCTAssertTrue(text.contains("Documento ID-1"), "page \(i + 1)")
        }
    }

    func testRightToLeftBandsAreMirrored() {
        let band = Band(left: 50, width: 400, rtl: true)
        XCTAssertEqual(band.x(offset: 0, width: 100), 350)
        XCTAssertEqual(band.inset(start: 20).left, 50)
        XCTAssertEqual(band.inset(start: 20).width, 380)
        XCTAssertEqual(Band(left: 50, width: 400, rtl: false).x(offset: 10, width: 100), 60)
    }

    func testWideTablesAreStackedInNarrowColumns() throws {
        let table = Table(header: (1...5).map { [.text("Colonna \($0)")] }, rows: [(1...5).map { [.text("valore \($0)")] }], rowHeaders: false)
        var options = LayoutOptions()
        options.collectLog = true
        let meta = DocumentMetadata(title: "T", language: "it", direction: .leftToRight, documentId: "X", contentVersion: "1",
                                    runningHeader: ["A"], pageLabel: "{page}/{pages}", footerNote: "X")
        let doc = Document(metadata: meta, blocks: [.table(table)])
        let bilingual = try DocumentLayout(typesetter: Self.typesetter, options: options).layoutBilingual(doc, doc)
        let lines = bilingual.log.split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.contains("row |") && $0.contains("Colonna 1") && $0.contains("valore 1") }, bilingual.log)
        XCTAssertFalse(lines.contains { $0.contains("header |") })
        let single = try DocumentLayout(typesetter: Self.typesetter, options: options).layout(doc)
        XCTAssertTrue(single.log.split(separator: "\n").contains { $0.contains("header |") && $0.contains("Colonna 1") && $0.contains("Colonna 2") })
    }
}

/// Table cells: short words are never cut; a word wider than its cell is hyphenated, not chopped.
final class TableCellHyphenationTests: XCTestCase {
    func testWordWiderThanTheCellIsHyphenatedAndShortWordsAreNot() throws {
        var options = LayoutOptions()
        options.collectLog = true
        let meta = DocumentMetadata(title: "T", language: "de", direction: .leftToRight, documentId: "X", contentVersion: "1",
                                    runningHeader: ["A"], pageLabel: "{page}/{pages}", footerNote: "X")
        let table = Table(header: [], rows: [[[.text("Staatsangehörigkeit")], [.text("")]],
                                            [[.text("Lato")], [.text("acetabolo (parte dell'anca)")]]], rowHeaders: true)
        let doc = Document(metadata: meta, blocks: [.table(table)])
        let log = try DocumentLayout(typesetter: LayoutTests.typesetter, options: options).layoutBilingual(doc, doc).log
        let rows = log.split(separator: "\n").filter { $0.contains("row |") }
        XCTAssertTrue(rows.contains { $0.contains("Staatsange") && $0.contains(" hy ") }, log)
        XCTAssertFalse(rows.contains { $0.contains("acetabo ") || $0.contains("acetabo-") }, log)
    }
}

extension LayoutTests {
    /// Issue 14 item 4: a table row taller than a page is split between its lines, each slice
    /// with its borders and the header row repeated; no line is lost or printed over the footer.
    func testRowTallerThanAPageIsSplitUnderARepeatedHeader() throws {
        let long = (1...1200).map { "parola\($0)" }.joined(separator: " ")
        let table = Table(header: [[.text("N.")], [.text("Via di accesso")]], rows: [[[.text("1")], [.text(long)]]], rowHeaders: false)
        let doc = try layout([.table(table)])
        XCTAssertGreaterThan(doc.pages.count, 1)
        XCTAssertTrue(doc.log.contains("slice lines 1–"), doc.log)
        XCTAssertTrue(doc.log.contains("(repeated header) header |"))
        let options = LayoutOptions()
        var words: [String] = []
        for page in doc.pages {
            for item in page.items {
                guard case .glyphs(_, let y, let run) = item, y > options.marginTop, y < options.pageHeight - options.marginBottom else { continue }
                words += run.text.split(separator: " ").map(String.init).filter { $0.hasPrefix("parola") }
            }
        }
        // Every word once, in order (a hyphenated word is split in two runs: joined here by position order).
        let numbers = words.compactMap { Int($0.dropFirst(6).filter(\.isNumber)) }
        XCTAssertEqual(Set(numbers).count, 1200, "every word of the cell is on some page")
        for line in doc.log.split(separator: "\n") where line.hasPrefix("  y=") {
            let y = Double(line.dropFirst(4).prefix { $0 != " " }) ?? 0
            let h = Double(line.split(separator: " ")[1].dropFirst(2)) ?? 0
            XCTAssertLessThanOrEqual(y + h, options.pageHeight - options.marginTop - options.marginBottom + 0.05, String(line))
        }
    }

    /// Issue 8 layout 5: column widths from minimum and maximum content widths (CSS automatic
    /// table layout): every column at least as wide as its widest unbreakable piece ("11 G" is
    /// one piece), the room left shared by how much more each would like; so the needles cell
    /// takes at most two lines (not "2 aghi / da / 11 G"), "8,0 mL" one, and no word is cut.
    func testColumnWidthsFollowTheContent() throws {
        let table = Table(header: [[.text("N.")], [.text("Tipo di lesione")], [.text("Aghi")], [.text("Cemento previsto")]],
                          rows: [[[.text("1")], [.text("metastasi che distrugge l'osso (osteolitica), con una parte che cresce verso i tessuti molli")],
                                  [.text("2 aghi da 11\u{00A0}G")], [.text("8,0\u{00A0}mL")]]], rowHeaders: false)
        let doc = try layout([.table(table)])
        let row = try XCTUnwrap(doc.log.split(separator: "\n").first { $0.contains("row |") })
        let cells = row.components(separatedBy: " | ")
        XCTAssertEqual(cells.count, 5, String(row))
        XCTAssertLessThanOrEqual(cells[3].components(separatedBy: " / ").count, 2, "the needles cell: \(cells[3])")
        XCTAssertTrue(cells[3].contains("11\u{00A0}G"), "number and unit together: \(cells[3])")
        XCTAssertFalse(cells[4].contains(" / "), "the cement cell on one line: \(cells[4])")
        XCTAssertFalse(row.contains(" hy "), "no word hyphenated: every word fits its column")
    }
}
