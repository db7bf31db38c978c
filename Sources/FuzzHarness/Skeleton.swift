import DocumentModel

/// The shape of a document tree without its text: block and inline kinds, nesting,
/// list lengths, table sizes. A plan value can change the text of a document, never this.
public enum Skeleton {
    public static func of(_ blocks: [Block]) -> String {
        var out = ""
        for block in blocks { describe(block, into: &out) }
        return out
    }

    /// Every text node's characters, concatenated (soft breaks as spaces).
    public static func text(_ blocks: [Block]) -> String {
        var out = ""
        func inlines(_ list: [Inline]) {
            for inline in list {
                switch inline {
                case .text(let s): out += s
                case .emphasis(let c), .strong(let c): inlines(c)
                case .softBreak, .lineBreak: out += " "
                @unknown default: out += " "
                }
            }
        }
        func walk(_ block: Block) {
            switch block {
            case .heading(_, _, let c), .paragraph(let c), .smallPrint(let c): inlines(c); out += "\n"
            case .list(_, _, let items): items.forEach { $0.forEach(walk) }
            case .checklist(let items): items.forEach { inlines($0); out += "\n" }
            case .table(let t):
                (t.header + t.rows.flatMap { $0 }).forEach { inlines($0); out += "\n" }
            case .callout(let b): b.forEach(walk)
            case .signature(let s): inlines(s.caption); out += "\n"; s.fields.forEach { inlines($0); out += "\n" }
            case .ruledLines, .rule, .bodyDiagram: break
            @unknown default: break
            }
        }
        blocks.forEach(walk)
        return out
    }

    private static func describe(_ inlines: [Inline], into out: inout String) {
        for inline in inlines {
            switch inline {
            case .text: break
            case .emphasis(let c): out += "<em>"; describe(c, into: &out); out += "</em>"
            case .strong(let c): out += "<strong>"; describe(c, into: &out); out += "</strong>"
            case .softBreak: out += " "
            case .lineBreak: out += "<br>"
            @unknown default: out += "<?>"
            }
        }
    }

    private static func describe(_ block: Block, into out: inout String) {
        switch block {
        case .heading(let level, _, let c): out += "h\(level)("; describe(c, into: &out); out += ")\n"
        case .paragraph(let c): out += "p("; describe(c, into: &out); out += ")\n"
        case .smallPrint(let c): out += "small("; describe(c, into: &out); out += ")\n"
        case .list(let ordered, let start, let items):
            out += "list(\(ordered) \(start) \(items.count))\n"
            for item in items { out += "item\n"; item.forEach { describe($0, into: &out) } }
        case .checklist(let items):
            out += "checklist(\(items.count))\n"
            for item in items { describe(item, into: &out); out += "\n" }
        case .table(let t):
            out += "table(\(t.header.count) \(t.rows.count) \(t.rows.map(\.count)))\n"
            for cell in t.header + t.rows.flatMap({ $0 }) { describe(cell, into: &out); out += "|" }
            out += "\n"
        case .callout(let b): out += "callout{\n"; b.forEach { describe($0, into: &out) }; out += "}\n"
        case .signature(let s): out += "signature(\(s.fields.count))\n"
        case .ruledLines(let n): out += "lines(\(n))\n"
        case .rule: out += "rule\n"
        case .bodyDiagram(let spec): out += "diagram(\(spec.markers.count))\n"
        @unknown default: out += "?\n"
        }
    }
}
