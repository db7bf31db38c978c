import DocumentModel

extension HTMLWriter {
    /// Two language versions of one document side by side, section by section
    /// (a section is a heading and what follows it), both columns with equal weight.
    /// Each column carries its own `lang` and `dir`.
    public static func bilingual(_ first: Document, _ second: Document) -> String {
        var out = HTMLBuffer()
        let title = first.metadata.title + " / " + second.metadata.title
        out.open(first.metadata, title: title, pageBoxes: Stylesheet.pageBoxes(
            headers: [first.metadata.runningHeader.joined(separator: " · "), second.metadata.runningHeader.dropFirst().joined(separator: " · ")],
            note: first.metadata.footerNote, pageLabel: first.metadata.pageLabel + "  ·  " + second.metadata.pageLabel,
            rightToLeft: false))
        out.raw("<style>\n\(Stylesheet.bilingualCSS)</style>\n")
        out.raw("<header class=\"running\">")
        for meta in [first.metadata, second.metadata] {
            out.raw("<div lang=\""); out.escaped(meta.language); out.raw("\" dir=\"\(meta.direction.rawValue)\">")
            out.escaped(meta.runningHeader.joined(separator: " · ")); out.raw("</div>")
        }
        out.raw("</header>\n<main class=\"bilingual\">\n")
        let a = sections(first.blocks), b = sections(second.blocks)
        for i in 0..<max(a.count, b.count) {
            out.raw("<div class=\"pair\">\n")
            for (doc, blocks) in [(first, i < a.count ? a[i] : []), (second, i < b.count ? b[i] : [])] {
                out.raw("<div class=\"column\" lang=\""); out.escaped(doc.metadata.language)
                out.raw("\" dir=\"\(doc.metadata.direction.rawValue)\">\n")
                out.rightToLeft = doc.metadata.direction == .rightToLeft
                out.blocks(blocks)
                out.raw("</div>\n")
            }
            out.raw("</div>\n")
        }
        out.raw("</main>\n<footer class=\"running\"><span>"); out.escaped(first.metadata.footerNote)
        out.raw("</span></footer>\n</body>\n</html>\n")
        return out.text
    }

    /// Sections: a new one starts at every heading and at every keep-together unit (which is one section, never split).
    static func sections(_ blocks: [Block]) -> [[Block]] {
        var result: [[Block]] = []
        var current: [Block] = []
        for block in blocks {
            switch block {
            case .heading, .keepTogether: if !current.isEmpty { result.append(current); current = [] }
            default: break
            }
            current.append(block)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}

extension Stylesheet {
    static let bilingualCSS = """
    body { max-width: 62em; }
    main.bilingual .pair { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1.6em;
                           border-top: 0.5pt solid #ccc; }
    main.bilingual .column[dir="rtl"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", serif; }
    header.running div + div { font-weight: normal; }
    header.running div:first-child { font-weight: bold; }
    @media print { main.bilingual .pair { break-inside: auto; } main.bilingual .pair:has(> .column > div.keep) { break-inside: avoid; } }

    """
}
