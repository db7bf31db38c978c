extension Document {
    /// An indented text dump of the tree, for golden tests and debugging.
    public func dump() -> String {
        var out = "document lang=\(metadata.language) dir=\(metadata.direction.rawValue) id=\(metadata.documentId)\n"
        for block in blocks { block.dump(into: &out, indent: 1) }
        return out
    }
}

extension Block {
    func dump(into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent)
        switch self {
        case .heading(let level, let id, let content):
            out += "\(pad)heading \(level) #\(id) \(Inline.dump(content))\n"
        case .paragraph(let content):
            out += "\(pad)paragraph \(Inline.dump(content))\n"
        case .list(let ordered, let start, let items):
            out += "\(pad)list \(ordered ? "ordered start=\(start)" : "bullet")\n"
            for item in items {
                out += "\(pad)  item\n"
                for b in item { b.dump(into: &out, indent: indent + 2) }
            }
        case .checklist(let items):
            out += "\(pad)checklist\n"
            for item in items { out += "\(pad)  [ ] \(Inline.dump(item))\n" }
        case .table(let table):
            out += "\(pad)table\(table.rowHeaders ? " row-headers" : "")\n"
            if !table.header.isEmpty { out += "\(pad)  header " + table.header.map(Inline.dump).joined(separator: " | ") + "\n" }
            for row in table.rows { out += "\(pad)  row " + row.map(Inline.dump).joined(separator: " | ") + "\n" }
        case .callout(let blocks):
            out += "\(pad)callout\n"
            for b in blocks { b.dump(into: &out, indent: indent + 1) }
        case .signature(let sig):
            out += "\(pad)signature \(Inline.dump(sig.caption)) fields: " + sig.fields.map(Inline.dump).joined(separator: " | ") + "\n"
        case .ruledLines(let n):
            out += "\(pad)lines \(n)\n"
        case .rule:
            out += "\(pad)rule\n"
        case .smallPrint(let content):
            out += "\(pad)small \(Inline.dump(content))\n"
        case .bodyDiagram(let spec):
            let l = spec.labels
            out += "\(pad)body-diagram right=\(l.right) left=\(l.left) front=\(l.front) back=\(l.back) caption=\(l.caption)\n"
            for m in spec.markers {
                out += "\(pad)  marker \(m.number) \(m.site) \(m.side)\(m.level.map { " " + $0 } ?? "")\n"
            }
        case .choice(let prompt, let options):
            out += "\(pad)choice \(Inline.dump(prompt))" + options.map { " [ ] " + Inline.dump($0) }.joined() + "\n"
        case .keepTogether(let blocks):
            out += "\(pad)keep-together\n"
            for b in blocks { b.dump(into: &out, indent: indent + 1) }
        case .beside(let blocks):
            out += "\(pad)beside\n"
            for b in blocks { b.dump(into: &out, indent: indent + 1) }
        }
    }
}

extension Inline {
    /// A compact one-line rendering: text as is, *emphasis*, **strong**, ⏎ for hard breaks.
    public static func dump(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let s): return s
            case .emphasis(let c): return "*" + dump(c) + "*"
            case .strong(let c): return "**" + dump(c) + "**"
            case .softBreak: return " "
            case .lineBreak: return "⏎"
            }
        }.joined()
    }
}
