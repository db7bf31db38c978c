import DocumentModel

/// Writes a document tree as one standalone HTML5 file (no external resources).
///
/// The HTML is produced from the tree, never from markup strings: every text
/// node is escaped here, so nothing from the plan can become markup.
public enum HTMLWriter {
    /// One document in one language.
    public static func html(_ document: Document) -> String {
        var out = HTMLBuffer()
        out.open(document.metadata, title: document.metadata.title)
        out.pageHeader(document.metadata)
        out.raw("<main>\n")
        out.rightToLeft = document.metadata.direction == .rightToLeft
        out.blocks(document.blocks)
        out.raw("</main>\n")
        out.pageFooter(document.metadata)
        out.raw("</body>\n</html>\n")
        return out.text
    }
}

/// An append-only HTML buffer with escaping helpers.
struct HTMLBuffer {
    private(set) var text = ""
    /// The document's direction (the body diagram puts its front view on the reading start side).
    var rightToLeft = false

    mutating func raw(_ s: String) { text += s }

    mutating func escaped(_ s: String) {
        for ch in s.unicodeScalars {
            switch ch {
            case "&": text += "&amp;"
            case "<": text += "&lt;"
            case ">": text += "&gt;"
            case "\"": text += "&quot;"
            case "'": text += "&#39;"
            default: text.unicodeScalars.append(ch)
            }
        }
    }

    /// Opens the document; `pageBoxes` replaces the `@page` margin boxes made from `meta` (bilingual documents).
    mutating func open(_ meta: DocumentMetadata, title: String, pageBoxes: String? = nil) {
        raw("<!DOCTYPE html>\n<html lang=\"")
        escaped(meta.language)
        raw("\" dir=\"\(meta.direction.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n")
        raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        raw("<meta name=\"generator\" content=\"osteodoc\">\n")
        raw("<meta name=\"document-id\" content=\""); escaped(meta.documentId); raw("\">\n")
        raw("<title>"); escaped(title); raw("</title>\n")
        raw("<style>\n\(Stylesheet.css)\(pageBoxes ?? Stylesheet.pageBoxes(meta))</style>\n</head>\n<body>\n")
    }

    mutating func pageHeader(_ meta: DocumentMetadata) {
        raw("<header class=\"running\">")
        for (i, line) in meta.runningHeader.enumerated() {
            if i > 0 { raw(" · ") }
            raw("<span>"); escaped(line); raw("</span>")
        }
        raw("</header>\n")
    }

    mutating func pageFooter(_ meta: DocumentMetadata) {
        raw("<footer class=\"running\"><span>"); escaped(meta.footerNote); raw("</span></footer>\n")
    }

    mutating func blocks(_ blocks: [Block]) {
        for block in blocks { self.block(block) }
    }

    mutating func block(_ block: Block) {
        switch block {
        case .heading(let level, let id, let content):
            let l = min(max(level, 1), 6)
            raw("<h\(l) id=\""); escaped(id); raw("\">"); inlines(content); raw("</h\(l)>\n")
        case .paragraph(let content):
            raw("<p>"); inlines(content); raw("</p>\n")
        case .list(let ordered, let start, let items):
            raw(ordered ? (start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n") : "<ul>\n")
            for item in items {
                raw("<li>")
                if item.count == 1, case .paragraph(let content) = item[0] {
                    inlines(content)
                } else {
                    raw("\n"); blocks(item)
                }
                raw("</li>\n")
            }
            raw(ordered ? "</ol>\n" : "</ul>\n")
        case .checklist(let items):
            raw("<ul class=\"checklist\">\n")
            for item in items {
                raw("<li><span class=\"box\" aria-hidden=\"true\"></span><span>"); inlines(item); raw("</span></li>\n")
            }
            raw("</ul>\n")
        case .table(let table):
            tableBlock(table)
        case .callout(let content):
            raw("<aside class=\"callout\">\n"); blocks(content); raw("</aside>\n")
        case .signature(let sig):
            raw("<section class=\"signature\">\n")
            if !sig.caption.isEmpty { raw("<p class=\"caption\">"); inlines(sig.caption); raw("</p>\n") }
            raw("<div class=\"fields\">\n")
            for field in sig.fields {
                raw("<div class=\"field\"><div class=\"line\"></div><span>"); inlines(field); raw("</span></div>\n")
            }
            raw("</div>\n</section>\n")
        case .ruledLines(let n):
            raw("<div class=\"ruled\" aria-hidden=\"true\">")
            for _ in 0..<n { raw("<div class=\"line\"></div>") }
            raw("</div>\n")
        case .rule:
            raw("<hr>\n")
        case .smallPrint(let content):
            raw("<p class=\"small\">"); inlines(content); raw("</p>\n")
        case .bodyDiagram(let spec):
            BodyDiagramSVG.write(spec, rightToLeft: rightToLeft, into: &self)
        case .choice(let prompt, let options):
            raw("<div class=\"choice\"><span class=\"prompt\">"); inlines(prompt); raw("</span>")
            for option in options {
                raw(" <span class=\"option\"><span class=\"box\" aria-hidden=\"true\"></span>"); inlines(option); raw("</span>")
            }
            raw("</div>\n")
        case .keepTogether(let content):
            raw("<div class=\"keep\">\n"); blocks(content); raw("</div>\n")
        case .beside(let content):
            raw("<div class=\"beside\">\n")
            for b in content { raw("<div>\n"); self.block(b); raw("</div>\n") }
            raw("</div>\n")
        }
    }

    private mutating func tableBlock(_ table: Table) {
        raw(table.rowHeaders && table.header.isEmpty ? "<table class=\"fields\">\n" : "<table>\n")
        if !table.header.isEmpty {
            raw("<thead><tr>")
            for cell in table.header { raw("<th scope=\"col\">"); inlines(cell); raw("</th>") }
            raw("</tr></thead>\n")
        }
        raw("<tbody>\n")
        for row in table.rows {
            raw("<tr>")
            for (i, cell) in row.enumerated() {
                if i == 0 && table.rowHeaders {
                    raw("<th scope=\"row\">"); inlines(cell); raw("</th>")
                } else {
                    raw("<td>"); inlines(cell); raw("</td>")
                }
            }
            raw("</tr>\n")
        }
        raw("</tbody>\n</table>\n")
    }

    mutating func inlines(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline {
            case .text(let s): escaped(s)
            case .emphasis(let c): raw("<em>"); self.inlines(c); raw("</em>")
            case .strong(let c): raw("<strong>"); self.inlines(c); raw("</strong>")
            case .softBreak: raw("\n")
            case .lineBreak: raw("<br>\n")
            }
        }
    }
}
