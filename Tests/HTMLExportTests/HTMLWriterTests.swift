import DocumentModel
import Markdown
import XCTest
@testable import HTMLExport

final class HTMLWriterTests: XCTestCase {
    private func document(_ blocks: [Block], lang: String = "it", dir: TextDirection = .leftToRight) -> Document {
        Document(metadata: DocumentMetadata(title: "Consenso <informato>", language: lang, direction: dir, documentId: "CI-1",
                                            contentVersion: "1.0", runningHeader: ["Rossi Maria", "cartella n. 1"],
                                            pageLabel: "Pagina {page} di {pages}", footerNote: "Documento CI-1"),
                 blocks: blocks)
    }

    func testStandaloneDocumentWithLanguageAndDirection() {
        let html = HTMLWriter.html(document([.paragraph([.text("ciao")])], lang: "ar", dir: .rightToLeft))
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"))
        XCTAssertTrue(html.contains("<title>Consenso &lt;informato&gt;</title>"))
        XCTAssertTrue(html.contains("@page { size: A4"))
        XCTAssertFalse(html.contains("<link"), "no external resources")
        XCTAssertFalse(html.contains("src="), "no external resources")
        XCTAssertTrue(html.contains("<header class=\"running\"><span>Rossi Maria</span> · <span>cartella n. 1</span></header>"))
    }

    func testSemanticHeadingsAndTablesWithHeaderCells() throws {
        let blocks = try MarkdownReader.read("""
        ## Piano

        ```table
        N. | Sede
        1 | acetabolo
        ```

        ```fields
        Nome | Maria
        ```
        """)
        let html = HTMLWriter.html(document(blocks))
        XCTAssertTrue(html.contains("<h2 id=\"s1\">Piano</h2>"))
        XCTAssertTrue(html.contains("<thead><tr><th scope=\"col\">N.</th><th scope=\"col\">Sede</th></tr></thead>"))
        XCTAssertTrue(html.contains("<tr><td>1</td><td>acetabolo</td></tr>"))
        XCTAssertTrue(html.contains("<tr><th scope=\"row\">Nome</th><td>Maria</td></tr>"))
    }

    func testTextIsAlwaysEscaped() {
        let html = HTMLWriter.html(document([.paragraph([.text("Ospedale <script>x</script> & \"Santa\" 'y'")])]))
        XCTAssertTrue(html.contains("<p>Ospedale &lt;script&gt;x&lt;/script&gt; &amp; &quot;Santa&quot; &#39;y&#39;</p>"))
        XCTAssertFalse(html.contains("<script>"))
    }

    func testFormElements() {
        let html = HTMLWriter.html(document([
            .checklist([[.text("Consento")]]),
            .signature(SignatureBlock(caption: [.text("Il paziente")], fields: [[.text("Firma")], [.text("Data")]])),
            .ruledLines(2),
            .callout([.paragraph([.strong([.text("112")])])]),
        ]))
        XCTAssertTrue(html.contains("<ul class=\"checklist\">\n<li><span class=\"box\" aria-hidden=\"true\"></span><span>Consento</span></li>"))
        XCTAssertTrue(html.contains("<section class=\"signature\">\n<p class=\"caption\">Il paziente</p>"))
        XCTAssertEqual(html.components(separatedBy: "<div class=\"field\">").count - 1, 2)
        XCTAssertTrue(html.contains("<aside class=\"callout\">\n<p><strong>112</strong></p>\n</aside>"))
        XCTAssertTrue(html.contains("break-inside: avoid"))
    }

    /// Issue 8 layout 10: running header and page label in `@page` margin boxes; header values as escaped CSS strings.
    func testPageMarginBoxesWithCountersAndEscapedValues() {
        var doc = document([.paragraph([.text("ciao")])])
        doc.metadata.runningHeader = ["O\"Brien\\</style><b>x", "cartella n. 1"]
        let html = HTMLWriter.html(doc)
        XCTAssertTrue(html.contains("@top-left { content: \"O\\\"Brien\\\\\\3C /style\\3E \\3C b\\3E x · cartella n. 1\""), html)
        XCTAssertTrue(html.contains("@bottom-right { content: \"Pagina \" counter(page) \" di \" counter(pages);"))
        XCTAssertEqual(html.components(separatedBy: "</style>").count, 2, "the value cannot close the style element")
        let rtl = HTMLWriter.html(document([], lang: "ar", dir: .rightToLeft))
        XCTAssertTrue(rtl.contains("@top-right {") && rtl.contains("@bottom-left { content: \"Pagina"), "mirrored in right-to-left documents")
    }

    func testKeepTogetherChoiceAndBesideBecomeMarkupWithPrintRules() throws {
        let blocks = try MarkdownReader.read("""
        ```keep
        ```

        ## Decisione

        ```choice
        Ha allergie?
        No
        Sì
        ```

        ```/keep
        ```
        """)
        let html = HTMLWriter.html(document(blocks))
        XCTAssertTrue(html.contains("<div class=\"keep\">\n<h2"), html)
        XCTAssertTrue(html.contains("div.keep { break-inside: avoid;"))
        XCTAssertTrue(html.contains("<div class=\"choice\"><span class=\"prompt\">Ha allergie?</span> <span class=\"option\">"))
    }
}
