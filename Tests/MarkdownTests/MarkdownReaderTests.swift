import DocumentModel
import XCTest
@testable import Markdown

final class MarkdownReaderTests: XCTestCase {
    func testHeadingsParagraphsListsAndEmphasis() throws {
        let blocks = try MarkdownReader.read("""
        # Titolo

        Testo con **grassetto** e *corsivo*.
        Seconda riga.

        ## Sezione

        - uno
        - due

        1. primo
        2. secondo
        """)
        XCTAssertEqual(blocks.count, 5)
        XCTAssertEqual(blocks[0], .heading(level: 1, id: "s1", content: [.text("Titolo")]))
        XCTAssertEqual(blocks[1], .paragraph([.text("Testo con "), .strong([.text("grassetto")]), .text(" e "),
                                              .emphasis([.text("corsivo")]), .text("."), .softBreak, .text("Seconda riga.")]))
        XCTAssertEqual(blocks[2], .heading(level: 2, id: "s2", content: [.text("Sezione")]))
        XCTAssertEqual(blocks[3], .list(ordered: false, start: 0, items: [[.paragraph([.text("uno")])], [.paragraph([.text("due")])]]))
        guard case .list(true, 1, let items) = blocks[4] else { return XCTFail("numbered list expected") }
        XCTAssertEqual(items.count, 2)
    }

    func testBlockQuoteBecomesCallout() throws {
        let blocks = try MarkdownReader.read("> **Attenzione** chiami il 112.")
        XCTAssertEqual(blocks, [.callout([.paragraph([.strong([.text("Attenzione")]), .text(" chiami il 112.")])])])
    }

    func testFieldsTableChecklistSignatureAndLines() throws {
        let blocks = try MarkdownReader.read("""
        ```fields
        Nome | Maria **Rossi**
        Luogo di nascita | 
        ```

        ```table
        N. | Sede
        1 | acetabolo
        ```

        ```checklist
        Consento
        Non consento
        ```

        ```signature
        Il paziente
        Firma | Data
        ```

        ```lines 3
        ```
        """)
        XCTAssertEqual(blocks[0], .table(Table(header: [], rows: [
            [[.text("Nome")], [.text("Maria "), .strong([.text("Rossi")])]],
            [[.text("Luogo di nascita")], []],
        ], rowHeaders: true)))
        XCTAssertEqual(blocks[1], .table(Table(header: [[.text("N.")], [.text("Sede")]],
                                               rows: [[[.text("1")], [.text("acetabolo")]]], rowHeaders: false)))
        XCTAssertEqual(blocks[2], .checklist([[.text("Consento")], [.text("Non consento")]]))
        XCTAssertEqual(blocks[3], .signature(SignatureBlock(caption: [.text("Il paziente")], fields: [[.text("Firma")], [.text("Data")]])))
        XCTAssertEqual(blocks[4], .ruledLines(3))
    }

    func testEscapedPipesStayInTheirCell() throws {
        XCTAssertEqual(MarkdownReader.splitCells(#"a \| b | c\\|d"#), [#"a \| b"#, #"c\\"#, "d"])
        let blocks = try MarkdownReader.read("```fields\nOspedale | San \\| Martino \\*x\\*\n```")
        XCTAssertEqual(blocks, [.table(Table(header: [], rows: [[[.text("Ospedale")], [.text("San | Martino *x*")]]], rowHeaders: true))])
    }

    func testRawHTMLIsNeverMarkup() throws {
        let blocks = try MarkdownReader.read("Testo <b>grassetto</b> fine\n\n<script>alert(1)</script>\n")
        XCTAssertEqual(blocks[0], .paragraph([.text("Testo <b>grassetto</b> fine")]))
        XCTAssertEqual(blocks[1], .paragraph([.text("<script>alert(1)</script>")]))
    }

    func testDirectiveErrors() {
        XCTAssertThrowsError(try MarkdownReader.read("```unknown\nx\n```"))
        XCTAssertThrowsError(try MarkdownReader.read("```table\nA | B\n1\n```"))
        XCTAssertThrowsError(try MarkdownReader.read("```fields\nonly one cell\n```"))
        XCTAssertThrowsError(try MarkdownReader.read("```lines 0\n```"))
    }

    func testTreeDump() throws {
        let blocks = try MarkdownReader.read("## Rischi\n\n- *raro*: 1 su 1.000\n")
        let doc = Document(metadata: DocumentMetadata(title: "T", language: "it", direction: .leftToRight, documentId: "X",
                                                      contentVersion: "1", runningHeader: [], pageLabel: "", footerNote: ""),
                           blocks: blocks)
        XCTAssertEqual(doc.dump(), """
        document lang=it dir=ltr id=X
          heading 2 #s1 Rischi
          list bullet
            item
              paragraph *raro*: 1 su 1.000

        """)
    }
}

final class MarkdownDirectiveFigureTests: XCTestCase {
    func testBodyDiagramDirective() throws {
        let blocks = try MarkdownReader.read("""
        ```body-diagram
        labels | Destra | Sinistra | Davanti | Dietro
        caption | I numeri sono quelli della tabella.
        1 | acetabulum | right |
        2 | vertebra | midline | L2
        3 | humerus\\-proximal | left
        ```
        """)
        XCTAssertEqual(blocks, [.bodyDiagram(BodyDiagramSpec(
            markers: [.init(number: 1, site: "acetabulum", side: "right"),
                      .init(number: 2, site: "vertebra", side: "midline", level: "L2"),
                      .init(number: 3, site: "humerus-proximal", side: "left")],
            labels: .init(right: "Destra", left: "Sinistra", front: "Davanti", back: "Dietro",
                          caption: "I numeri sono quelli della tabella.")))])
    }

    func testBodyDiagramRefusesCodesWithoutAPlace() {
        for line in ["1 | knee | left |", "1 | femur-shaft | midline |", "1 | vertebra | left |", "x | rib | left |"] {
            XCTAssertThrowsError(try MarkdownReader.read("```body-diagram\nlabels | a | b | c | d\ncaption | e\n\(line)\n```"), line)
        }
        XCTAssertThrowsError(try MarkdownReader.read("```body-diagram\n1 | rib | left |\n```"), "labels are required")
    }

    func testSmallPrint() throws {
        XCTAssertEqual(try MarkdownReader.read("```small\nPiano *PLN-1*\nesportato\n```"),
                       [.smallPrint([.text("Piano "), .emphasis([.text("PLN-1")]), .text(" esportato")])])
    }
}
