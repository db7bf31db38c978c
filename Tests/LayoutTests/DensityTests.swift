import DocumentModel
import Typesetting
import XCTest
@testable import Layout

/// Issue 8 layout 8 (density): the mechanisms that bring the Italian consent to eight pages,
/// each on a small synthetic document.
final class DensityTests: XCTestCase {
    private func layout(_ blocks: [Block]) throws -> LaidOutDocument {
        var options = LayoutOptions()
        options.collectLog = true
        return try DocumentLayout(typesetter: typesetter, options: options).layout(document(blocks))
    }

    private func lines(_ log: String) -> [Substring] { log.split(separator: "\n") }

    /// Two targets of a seven-column table beside the body diagram: transposed (one column per
    /// target under "N. | 1 | 2") rather than stacked as two seven-row blocks, and the figure
    /// drawn smaller so that it is not much taller than the table (before: 304 pt of table
    /// beside a 344 pt figure; now about 175 pt beside 274 pt).
    func testFewRowsBesideTheFigureAreTransposedAndTheFigureFitsThem() throws {
        let header: [[Inline]] = ["N.", "Sede", "Lato", "Tipo di lesione", "Aghi", "Cemento previsto", "Via di accesso"].map { [.text($0)] }
        let rows: [[[Inline]]] = [
            ["1", "acetabolo (parte dell’anca)", "lato destro", "metastasi che distrugge l’osso (osteolitica)",
             "2 aghi da 11\u{A0}G", "8,0\u{A0}mL", "posterolaterale"].map { [.text($0)] },
            ["2", "omero, parte alta (osso del braccio)", "lato sinistro", "metastasi che distrugge l’osso (osteolitica)",
             "1 ago da 13\u{A0}G", "3,5\u{A0}mL", "—"].map { [.text($0)] },
        ]
        let table = Table(header: header, rows: rows, rowHeaders: false)
        let figure = diagram([.init(number: 1, site: "acetabulum", side: "right", level: nil),
                              .init(number: 2, site: "humerus-proximal", side: "left", level: nil)])
        let log = try layout([.beside([.table(table), figure])]).log
        let all = lines(log)
        XCTAssertTrue(all.contains { $0.contains("header | ") && $0.contains("N. |") && $0.contains("| w=6.3/") }, log)
        XCTAssertTrue(all.contains { $0.contains("row | ") && $0.contains("Sede") && $0.contains("acetabolo") && $0.contains("omero") }, log)
        XCTAssertFalse(all.contains { $0.contains("row | ") && $0.contains("N. |") }, "no stacked block per target:\n\(log)")
        guard let pair = all.first(where: { $0.contains(" beside start ") }),
              let height = pair.split(separator: " ").first(where: { $0.hasPrefix("h=") }).flatMap({ Double($0.dropFirst(2)) }),
              let start = pair.split(separator: " ").last.flatMap({ Double($0.dropFirst(2)) }) else {
            return XCTFail(log)
        }
        XCTAssertLessThan(start, 220, log)
        XCTAssertLessThan(height, 290, "the figure is drawn smaller beside the short table:\n\(log)")
        XCTAssertGreaterThanOrEqual(height, FlowBuilder.minimumFigureHeight, log)
    }

    /// Alone, the body diagram keeps its full size.
    func testFigureAloneKeepsItsSize() throws {
        let log = try layout([diagram([.init(number: 1, site: "acetabulum", side: "right", level: nil)])]).log
        guard let line = lines(log).first(where: { $0.contains("body-diagram") }),
              let height = line.split(separator: " ").first(where: { $0.hasPrefix("h=") }).flatMap({ Double($0.dropFirst(2)) }) else {
            return XCTFail(log)
        }
        XCTAssertGreaterThan(height, FlowBuilder.figureHeight, log)
    }

    /// A page takes one more line by shrinking the spaces between its items (at most by half
    /// each, all by the same fraction); a page that needs no shrinking keeps them whole.
    /// (Before: a page ended as soon as the next item did not fit at full spacing.)
    func testAPageShrinksItsSpacesToHoldWhatFollows() throws {
        let capacity = LayoutOptions().contentHeight, leading = LayoutOptions().bodyLeading
        let space = FlowBuilder.paragraphSpace
        let atFullSpacing = Int((capacity + space) / (leading + space))
        let atHalfSpacing = Int((capacity + space / 2) / (leading + space / 2))
        XCTAssertGreaterThan(atHalfSpacing, atFullSpacing)
        func paragraphs(_ n: Int) -> [Block] { (1...n).map { .paragraph([.text("Riga \($0).")]) } }
        func tops(_ log: String) -> [[Double]] {
            var pages: [[Double]] = []
            for line in lines(log) {
                if line.hasPrefix("page ") { pages.append([]); continue }
                guard line.hasPrefix("  y="), let y = Double(line.dropFirst(4).prefix { $0 != " " }) else { continue }
                pages[pages.count - 1].append(y)
            }
            return pages
        }
        let full = tops(try layout(paragraphs(atFullSpacing)).log)
        XCTAssertEqual(full.count, 1)
        XCTAssertEqual(full[0][1] - full[0][0], leading + space, accuracy: 0.05, "spaces kept whole when they fit")
        let shrunk = tops(try layout(paragraphs(atHalfSpacing)).log)
        XCTAssertEqual(shrunk.count, 1, "\(atHalfSpacing) lines on one page")
        let step = shrunk[0][1] - shrunk[0][0]
        XCTAssertLessThan(step, leading + space)
        XCTAssertGreaterThanOrEqual(step, leading + space / 2 - 0.05)
        XCTAssertLessThanOrEqual(shrunk[0].last! + leading, capacity + 0.05)
        XCTAssertEqual(tops(try layout(paragraphs(atHalfSpacing + 1)).log).count, 2)
    }
}
