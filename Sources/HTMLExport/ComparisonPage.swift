import DocumentModel

/// One row of a translator's side-by-side review page.
public struct ComparisonRow: Sendable {
    public var id: String
    /// "complete", "stale", "missing" — shown as a badge and a class.
    public var state: String
    public var source: [Block]
    public var translation: [Block]
    /// For a stale unit: each changed Italian segment, before → after, as a word diff.
    public var changes: [ComparisonChange]
    public init(id: String, state: String, source: [Block], translation: [Block], changes: [ComparisonChange] = []) {
        self.id = id; self.state = state; self.source = source; self.translation = translation; self.changes = changes
    }
}

/// One changed source segment on the review page: `<del>` for removed words, `<ins>` for added ones.
public struct ComparisonChange: Sendable {
    public enum Piece: Sendable { case same(String), removed(String), added(String) }
    /// "segment 3f2a1c0b9d8e7f60, line 12".
    public var label: String
    public var pieces: [Piece]
    public init(label: String, pieces: [Piece]) { self.label = label; self.pieces = pieces }
}

extension HTMLWriter {
    /// A standalone review page: the Italian source and the translation, unit by unit,
    /// stale and missing units marked.
    public static func comparison(title: String, sourceLanguage: String, language: String, direction: TextDirection,
                                  summary: String, rows: [ComparisonRow]) -> String {
        var out = HTMLBuffer()
        out.raw("<!DOCTYPE html>\n<html lang=\""); out.escaped(sourceLanguage)
        out.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<title>"); out.escaped(title); out.raw("</title>\n<style>\n")
        out.raw(Stylesheet.comparisonCSS)
        out.raw("</style>\n</head>\n<body>\n<h1>"); out.escaped(title); out.raw("</h1>\n<p class=\"summary\">")
        out.escaped(summary); out.raw("</p>\n<table class=\"review\">\n<thead><tr><th scope=\"col\">unit</th><th scope=\"col\">")
        out.escaped(sourceLanguage); out.raw("</th><th scope=\"col\">"); out.escaped(language); out.raw("</th></tr></thead>\n<tbody>\n")
        for row in rows {
            out.raw("<tr class=\""); out.escaped(row.state); out.raw("\"><th scope=\"row\">"); out.escaped(row.id)
            out.raw("<br><span class=\"badge\">"); out.escaped(row.state); out.raw("</span></th>\n<td lang=\"")
            out.escaped(sourceLanguage); out.raw("\">\n")
            for change in row.changes {
                out.raw("<p class=\"change\"><span class=\"label\">"); out.escaped(change.label); out.raw("</span> ")
                for piece in change.pieces {
                    switch piece {
                    case .same(let t): out.escaped(t); out.raw(" ")
                    case .removed(let t): out.raw("<del>"); out.escaped(t); out.raw("</del> ")
                    case .added(let t): out.raw("<ins>"); out.escaped(t); out.raw("</ins> ")
                    }
                }
                out.raw("</p>\n")
            }
            out.blocks(row.source); out.raw("</td>\n<td lang=\"")
            out.escaped(language); out.raw("\" dir=\"\(direction.rawValue)\">\n"); out.blocks(row.translation)
            out.raw("</td></tr>\n")
        }
        out.raw("</tbody>\n</table>\n</body>\n</html>\n")
        return out.text
    }
}

extension Stylesheet {
    static let comparisonCSS = """
    body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 12pt; margin: 1.5em; }
    table.review { border-collapse: collapse; width: 100%; table-layout: fixed; }
    table.review > thead th:first-child, table.review > tbody > tr > th { width: 11em; }
    table.review > * > tr > * { border: 1px solid #999; padding: 0.4em 0.7em; vertical-align: top; text-align: start; }
    tr.stale > * { background: #fff4d6; }
    tr.missing > * { background: #ffe0e0; }
    p.change { border-left: 4px solid #8a5a00; padding-left: 0.5em; font-size: 11pt; }
    p.change .label { font-size: 9pt; color: #8a5a00; display: block; }
    del { background: #ffd0d0; } ins { background: #d0f0d0; text-decoration: none; }
    .badge { font-size: 9pt; text-transform: uppercase; letter-spacing: 0.05em; }
    tr.stale .badge { color: #8a5a00; } tr.missing .badge { color: #a00000; } tr.complete .badge { color: #2a6b2a; }
    table.fields th, table th { background: #f3f3f3; }
    ul.checklist { list-style: none; }
    aside.callout { border: 2px solid #000; padding: 0 0.8em; }

    """
}
