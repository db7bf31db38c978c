import DocumentModel

/// The one stylesheet of every HTML document: screen and A4 print.
/// Large type (≥ 12 pt) because many readers are elderly.
enum Stylesheet {
    static let css = """
    :root { color: #000; background: #fff; }
    body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 13pt; line-height: 1.45;
           max-width: 48em; margin: 1.5em auto; padding: 0 1em; }
    [dir="rtl"] body, body[dir="rtl"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", serif; }
    h1 { font-size: 1.6em; margin: 0.4em 0 0.6em; line-height: 1.2; }
    h2 { font-size: 1.3em; margin: 1.4em 0 0.4em; border-bottom: 1.5pt solid #000; padding-bottom: 0.1em; }
    h3 { font-size: 1.1em; margin: 1em 0 0.3em; }
    h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
    p, li { orphans: 2; widows: 2; }
    table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
    th, td { border: 0.75pt solid #444; padding: 0.25em 0.45em; text-align: start; vertical-align: top; }
    thead th { background: #e8e8e8; }
    table.fields th { width: 34%; font-weight: 600; background: #f3f3f3; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    ul.checklist { list-style: none; padding-inline-start: 0; }
    ul.checklist li { display: flex; gap: 0.6em; margin: 0.35em 0; }
    ul.checklist .box { flex: none; width: 0.95em; height: 0.95em; border: 1.5pt solid #000; margin-top: 0.2em; }
    aside.callout { border: 2pt solid #000; padding: 0.2em 0.9em; margin: 0.8em 0; }
    section.signature { break-inside: avoid; page-break-inside: avoid; margin: 1.2em 0; }
    section.signature .caption { font-weight: 700; margin-bottom: 0.2em; }
    section.signature .fields { display: flex; gap: 1.2em; }
    section.signature .field { flex: 1; }
    .line { border-bottom: 1pt solid #000; height: 2.2em; }
    .ruled .line { height: 1.9em; }
    p.small { font-size: 9.5pt; color: #333; margin: 0.4em 0; }
    figure.body-diagram { margin: 1em 0; text-align: center; break-inside: avoid; page-break-inside: avoid; }
    figure.body-diagram svg { display: block; margin: 0 auto; width: auto; height: 26em; max-width: 100%; font-family: inherit; }
    figure.body-diagram figcaption { font-size: 10.5pt; margin-top: 0.3em; }
    header.running, footer.running { font-size: 10pt; color: #333; border-color: #888; }
    header.running { border-bottom: 0.75pt solid #888; padding-bottom: 0.3em; margin-bottom: 1em; }
    footer.running { border-top: 0.75pt solid #888; padding-top: 0.3em; margin-top: 2em; }
    div.choice { margin: 0.35em 0; break-inside: avoid; }
    div.choice .prompt { font-weight: 600; margin-inline-end: 0.8em; }
    div.choice .option { display: inline-flex; gap: 0.4em; align-items: baseline; margin-inline-end: 1.4em; white-space: nowrap; }
    div.choice .box { display: inline-block; width: 0.95em; height: 0.95em; border: 1.5pt solid #000; align-self: center; }
    div.keep { break-inside: avoid; page-break-inside: avoid; }
    div.beside { display: flex; gap: 1.2em; align-items: flex-start; break-inside: avoid; }
    div.beside > div:first-child { flex: 1 1 auto; min-width: 0; }
    div.beside > div:last-child { flex: 0 0 auto; }
    div.beside figure.body-diagram { margin: 0.6em 0 0; }
    @page { size: A4; margin: 20mm 16mm 20mm 16mm; }
    @media print {
      body { margin: 0; max-width: none; padding: 0; font-size: 12pt; }
      /* The @page margin boxes repeat header and footer on every page. */
      header.running, footer.running { display: none; }
    }

    """

    /// The `@page` margin boxes of one document: the running header at the top of every
    /// printed page, the document note and "Pagina N di M" (`counter(page)`, `counter(pages)`)
    /// at the bottom. Header lines are plan values: they go in as CSS strings, escaped.
    static func pageBoxes(headers: [String], note: String, pageLabel: String, rightToLeft: Bool) -> String {
        let box = "font-family: \"Noto Sans\", \"Noto Sans Arabic\", \"DejaVu Sans\", sans-serif; font-size: 9pt; color: #333;"
        let (start, end) = rightToLeft ? ("right", "left") : ("left", "right")
        let header = headers.map(cssString).joined(separator: " \"\\A\" ")
        var label: [String] = []
        var rest = Substring(pageLabel)
        while let open = rest.firstIndex(of: "{") {
            let tail = rest[open...]
            if tail.hasPrefix("{pages}") {
                label.append(cssString(String(rest[..<open]))); label.append("counter(pages)")
                rest = tail.dropFirst("{pages}".count)
            } else if tail.hasPrefix("{page}") {
                label.append(cssString(String(rest[..<open]))); label.append("counter(page)")
                rest = tail.dropFirst("{page}".count)
            } else {
                label.append(cssString(String(rest[...open]))); rest = tail.dropFirst()
            }
        }
        label.append(cssString(String(rest)))
        return """
        @page {
          @top-\(start) { content: \(header); \(box) font-weight: bold; white-space: pre-wrap; vertical-align: bottom;
                      text-align: \(start); width: 100%; border-bottom: 0.6pt solid #888; padding-bottom: 1.5mm; }
          @bottom-\(start) { content: \(cssString(note)); \(box) vertical-align: top; text-align: \(start);
                         border-top: 0.6pt solid #888; padding-top: 1.5mm; }
          @bottom-\(end) { content: \(label.filter { $0 != "\"\"" }.joined(separator: " ")); \(box) font-weight: bold;
                       vertical-align: top; text-align: \(end); border-top: 0.6pt solid #888; padding-top: 1.5mm; }
        }

        """
    }

    static func pageBoxes(_ meta: DocumentMetadata) -> String {
        pageBoxes(headers: [meta.runningHeader.joined(separator: " · ")], note: meta.footerNote,
                  pageLabel: meta.pageLabel, rightToLeft: meta.direction == .rightToLeft)
    }

    /// A CSS string literal: quotes and backslashes escaped, line breaks and `<`, `>`, `&` as hex
    /// escapes (so nothing can close the `<style>` element).
    static func cssString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "<", ">", "&", "\n", "\r", "\u{0C}":
                out += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\" + String(scalar.value, radix: 16) + " " }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
