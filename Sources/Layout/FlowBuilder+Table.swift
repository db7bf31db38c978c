import DocumentModel
import Typesetting

extension FlowBuilder {
    static let cellPadX = 5.0, cellPadY = 3.5, gridWidth = 0.6

    /// Tables: one flow item per row (rows never split); the header row repeats on
    /// every page the table continues on. Key–value tables (row headers, no header
    /// row) use a fixed 36/64 split; other tables size columns from their content.
    mutating func addTable(_ table: Table) throws {
        let columnCount = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columnCount > 0 else { return }
        if !table.header.isEmpty && columnCount > 3 && band.width < Self.stackBelowWidth {
            return try addStacked(table)
        }
        if !table.header.isEmpty && columnCount > 2 && options.typeScale > 1, try !wordsFit(table, count: columnCount) {
            return try addStacked(table)
        }
        let widths = try columnWidths(table, count: columnCount)
        let tableElement = element(.table)
        var headerIndex: Int?
        if !table.header.isEmpty {
            var header = try row(table.header, widths: widths, header: true, rowHeader: false, table: tableElement)
            header.spaceBefore = 8
            // The copy repeated on later pages carries no structure: it is a pagination artifact.
            var repeated = header
            repeated.items.removeAll(where: \.isMark)
            headerIndex = addHeader(repeated)
            append([header])
        }
        for (r, cells) in table.rows.enumerated() {
            var item = try row(cells, widths: widths, header: false, rowHeader: table.rowHeaders, table: tableElement)
            item.spaceBefore = (r == 0 && table.header.isEmpty) ? 8 : 0
            item.repeatHeader = headerIndex
            if r == 0 && headerIndex != nil { item.breakBefore = false }
            append([item])
        }
    }

    /// Below this measure a table of more than three columns is set as one key–value block per
    /// row (header cell as the key): narrow columns would break words letter by letter.
    static let stackBelowWidth = 330.0

    private mutating func addStacked(_ table: Table) throws {
        let tableElement = element(.table)
        for (r, cells) in table.rows.enumerated() {
            let rows = table.header.enumerated().map { c, header in [header, c < cells.count ? cells[c] : []] }
            var items: [FlowItem] = []
            for (i, row) in rows.enumerated() {
                var item = try self.row(row, widths: [band.width * 0.4, band.width * 0.6], header: false, rowHeader: true,
                                        table: tableElement)
                item.spaceBefore = i == 0 ? (r == 0 ? 8 : 10) : 0
                item.breakBefore = i == 0
                items.append(item)
            }
            append(items)
        }
    }

    /// Whether every column can be as wide as its longest word (large print: otherwise the
    /// table is stacked rather than set with words broken letter by letter).
    private func wordsFit(_ table: Table, count: Int) throws -> Bool {
        var longest = [Double](repeating: 0, count: count)
        let cellStyle = style(.cell)
        for (r, cells) in ([table.header] + table.rows).enumerated() {
            for (c, cell) in cells.enumerated() where c < count {
                let bold = r == 0
                for word in Inline.plainText(cell).split(separator: " ") where word.count > 1 {
                    let w = try typesetter.measure([TextSpan(String(word), style: bold ? .bold : .regular)], style: cellStyle)
                    longest[c] = max(longest[c], w + 2 * Self.cellPadX)
                }
            }
        }
        return longest.reduce(0, +) <= band.width
    }

    /// Cells are set ragged and, unlike body text, hyphenated only when a word is wider than
    /// the cell: in a narrow column a short word cut in two ("acetabo-lo") reads worse than a
    /// shorter line.
    private func needsHyphenation(_ content: [Inline], width: Double, style: ParagraphStyle, bold: Bool) throws -> Bool {
        for word in Inline.plainText(content).split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            // No Noto Sans letter is wider than 1 em: a word that short cannot overflow and is not measured.
            guard Double(word.count) * style.size > width else { continue }
            if try typesetter.measure([TextSpan(String(word), style: bold ? .bold : .regular)], style: style) > width {
                return true
            }
        }
        return false
    }

    private func columnWidths(_ table: Table, count: Int) throws -> [Double] {
        let total = band.width
        if table.rowHeaders && table.header.isEmpty && count == 2 {
            return [total * 0.36, total * 0.64]
        }
        // Natural (one-line) and minimum (longest word) widths per column.
        var natural = [Double](repeating: 0, count: count)
        var minimum = [Double](repeating: 0, count: count)
        let cellStyle = style(.cell)
        for (r, cells) in ([table.header] + table.rows).enumerated() {
            for (c, cell) in cells.enumerated() where c < count {
                let bold = r == 0 && !table.header.isEmpty
                let text = Inline.plainText(cell)
                let span = [TextSpan(text, style: bold ? .bold : .regular)]
                natural[c] = max(natural[c], try typesetter.measure(span, style: cellStyle) + 2 * Self.cellPadX)
                for word in text.split(separator: " ") where word.count > 1 {
                    let w = try typesetter.measure([TextSpan(String(word), style: bold ? .bold : .regular)], style: cellStyle)
                    minimum[c] = max(minimum[c], min(w, 110) + 2 * Self.cellPadX)
                }
            }
        }
        if natural.reduce(0, +) <= total {
            let extra = (total - natural.reduce(0, +)) / Double(count)
            return natural.map { $0 + extra }
        }
        // Water-filling: columns whose natural width fits their fair share keep it; the
        // rest share what is left, never below their longest word.
        var widths = [Double](repeating: 0, count: count)
        var open = Set(0..<count)
        var room = total
        var settled = true
        while settled && !open.isEmpty {
            settled = false
            let share = room / Double(open.count)
            for c in open.sorted() where natural[c] <= share {
                widths[c] = natural[c]; room -= natural[c]; open.remove(c); settled = true
            }
        }
        let openMin = open.reduce(0.0) { $0 + minimum[$1] }
        let want = open.reduce(0.0) { $0 + max(natural[$1] - minimum[$1], 0) }
        for c in open {
            if openMin >= room { widths[c] = minimum[c] * room / max(openMin, 1); continue }
            let extra = want > 0 ? (room - openMin) * max(natural[c] - minimum[c], 0) / want : (room - openMin) / Double(open.count)
            widths[c] = minimum[c] + extra
        }
        return widths
    }

    /// One row, tagged as a TR of `table`: header cells TH (scope column in a header row,
    /// scope row for the first cell of a key–value row), the others TD.
    private func row(_ cells: [[Inline]], widths: [Double], header: Bool, rowHeader: Bool,
                     table: StructureElement) throws -> FlowItem {
        let rowPath = parents + [table, element(.tableRow)]
        var items: [PageItem] = []
        var height = 0.0
        var logs: [String] = []
        var laid: [(x: Double, width: Double, items: [PageItem])] = []
        var offset = 0.0
        for (c, width) in widths.enumerated() {
            let x = band.x(offset: offset, width: width)
            offset += width
            let content = c < cells.count ? cells[c] : []
            let inner = Band(left: x + Self.cellPadX, width: width - 2 * Self.cellPadX, rtl: band.rtl)
            var cellStyle = style(.cell)
            cellStyle.hyphenate = try needsHyphenation(content, width: inner.width, style: cellStyle, bold: header)
            let block = try blockOfLines(content, style: cellStyle, band: inner, bold: header)
            height = max(height, block.height)
            if options.collectLog {
                logs.append(block.log.map { $0.replacingOccurrences(of: "line ", with: "") }.joined(separator: " / "))
            }
            let text = Self.replacementText(content, style: cellStyle)
            let cell = header ? element(.tableHeader, actualText: text, scope: .column)
                : rowHeader && c == 0 ? element(.tableHeader, actualText: text, scope: .row) : element(.tableCell, actualText: text)
            laid.append((x, width, block.items.isEmpty ? [.beginMark(.content(rowPath + [cell])), .endMark]
                                                       : tagged(block.items, cell, parents: rowPath)))
        }
        // An empty value cell of a key–value table is a space to write in by hand.
        let minimum = rowHeader && cells.count > 1 && cells[1].isEmpty ? 24.0 : 0
        height = max(height + 2 * Self.cellPadY, minimum)
        for (c, cell) in laid.enumerated() {
            let fill: Double? = header ? 0.88 : (rowHeader && c == 0 ? 0.95 : nil)
            items.append(.rect(x: cell.x, y: 0, width: cell.width, height: height, stroke: Self.gridWidth, fill: fill))
        }
        for cell in laid { items += cell.items.map { $0.offsetBy(dx: 0, dy: Self.cellPadY) } }
        return FlowItem(height: height, spaceBefore: 0, items: items, breakBefore: true, repeatHeader: nil,
                        outline: nil, log: (header ? "header | " : "row | ") + logs.joined(separator: " | "))
    }
}
