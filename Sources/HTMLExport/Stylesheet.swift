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
    @page { size: A4; margin: 16mm 16mm 18mm 16mm; }
    @media print {
      body { margin: 0; max-width: none; padding: 0; font-size: 12pt; }
      header.running { position: running(header); }
    }

    """
}
