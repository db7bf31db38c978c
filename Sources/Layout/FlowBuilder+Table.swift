import DocumentModel
import Typesetting

extension FlowBuilder {
    static let cellPadX = 5.0, cellPadY = 2.5, gridWidth = 0.6

    /// Tables: one flow item per row (rows never split); the header row repeats on
    /// every page the table continues on. Key–value tables (row headers, no header
    /// row) use a fixed 36/64 split; other tables size columns from their content.
    mutating func addTable(_ table: Table) throws {
        let columnCount = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columnCount > 0 else { return }
        if !table.header.isEmpty && columnCount > 3 && band.width < Self.stackBelowWidth {
            if try addTransposed(table, count: columnCount) { return }
            return try addStacked(table)
        }
        if !table.header.isEmpty && columnCount > 2 && options.typeScale > 1, try !wordsFit(table, count: columnCount) {
            return try addStacked(table)
        }
        if table.rowHeaders && table.header.isEmpty && columnCount == 2 && table.rows.count >= 4
            && band.width >= Self.twoUpFromWidth {
            return try addFieldsTwoUp(table)
        }
        let widths = try columnWidths(table, count: columnCount)
        let tableElement = element(.table)
        var headerIndex: Int?
        if !table.header.isEmpty {
            var header = try row(table.header, widths: widths, header: true, keys: [], table: tableElement)
            header.spaceBefore = 8
            // The copy repeated on later pages carries no structure: it is a pagination artifact.
            var repeated = header
            repeated.items.removeAll(where: \.isMark)
            headerIndex = addHeader(repeated)
            append([header])
        }
        let limit = options.contentHeight - (headerIndex.map { headers[$0].height } ?? 0) - 1
        for (r, cells) in table.rows.enumerated() {
            var items = try rowSlices(cells, widths: widths, header: false, keys: table.rowHeaders ? [0] : [], limit: limit,
                                      table: tableElement)
            items[0].spaceBefore = (r == 0 && table.header.isEmpty) ? 8 : 0
            for i in items.indices { items[i].repeatHeader = headerIndex }
            if r == 0 && headerIndex != nil { items[0].breakBefore = false }
            append(items)
        }
    }

    /// Below this measure a table of more than three columns is set as one key–value block per
    /// row (header cell as the key): narrow columns would break words letter by letter.
    static let stackBelowWidth = 360.0

    /// From this measure a key–value table of four rows or more sets two fields per row.
    static let twoUpFromWidth = 400.0

    /// A compact key–value table: two `key | value` pairs per row, in reading order, where both
    /// values fit their half on one line; a value that does not gets a row of its own across the
    /// measure. Keys are as wide as the widest key needs (at most 45 % of a half).
    private mutating func addFieldsTwoUp(_ table: Table) throws {
        let half = band.width / 2
        var keyWidth = 0.0
        let cellStyle = style(.cell)
        for cells in table.rows {
            keyWidth = max(keyWidth, try typesetter.measure([TextSpan(Inline.plainText(cells[0]))], style: cellStyle) + 2 * Self.cellPadX)
        }
        keyWidth = min(keyWidth, half * 0.45)
        let valueWidth = half - keyWidth
        let tableElement = element(.table)
        func fits(_ cells: [[Inline]]) throws -> Bool {
            guard try typesetter.measure([TextSpan(Inline.plainText(cells[0]))], style: cellStyle) + 2 * Self.cellPadX <= keyWidth else { return false }
            return try typesetter.measure([TextSpan(Inline.plainText(cells[1]))], style: cellStyle) + 2 * Self.cellPadX <= valueWidth
        }
        // Mostly long values: the usual two columns read better than a grid of lone rows.
        var pairable = 0
        for cells in table.rows where try fits(cells) { pairable += 1 }
        guard pairable * 3 >= table.rows.count * 2 else {
            let widths = [band.width * 0.36, band.width * 0.64]
            for (r, cells) in table.rows.enumerated() {
                var items = try rowSlices(cells, widths: widths, header: false, keys: [0], limit: options.contentHeight - 1,
                                          table: tableElement)
                items[0].spaceBefore = r == 0 ? 8 : 0
                append(items)
            }
            return
        }
        var r = 0
        var first = true
        // A tagged table has rows of one shape (ISO 14289-1 §7.2, Matterhorn 15-004): a run of
        // paired rows (four cells) and a lone row (two cells) are tagged as separate tables.
        var runTable = tableElement
        var runIsPaired: Bool?
        while r < table.rows.count {
            let cells = table.rows[r]
            var items: [FlowItem]
            let paired = try r + 1 < table.rows.count && fits(cells) && fits(table.rows[r + 1])
            if let previous = runIsPaired, previous != paired { runTable = element(.table) }
            runIsPaired = paired
            if paired {
                items = [try row(cells + table.rows[r + 1], widths: [keyWidth, valueWidth, keyWidth, valueWidth],
                                 header: false, keys: [0, 2], table: runTable)]
                r += 2
            } else {
                items = try rowSlices(cells, widths: [keyWidth, band.width - keyWidth], header: false, keys: [0],
                                      limit: options.contentHeight - 1, table: runTable)
                r += 1
            }
            items[0].spaceBefore = first ? 8 : 0
            first = false
            append(items)
        }
    }

    /// At most this many rows (and at least two: one row reads as one key–value block) are
    /// turned into columns by ``addTransposed(_:count:)``.
    static let transposeAtMostRows = 3

    /// A table of many columns and few rows in a narrow band (the targets beside the body
    /// diagram) set transposed: the header cells become the key column and each row a column
    /// of values, headed by its first cell ("N. | 1 | 2"). Several targets then read side by
    /// side in a third of the height of one key–value block per row. Only when every value
    /// column is at least as wide as its longest word and wide enough to read (no word broken
    /// letter by letter); otherwise returns false and nothing is added.
    private mutating func addTransposed(_ table: Table, count: Int) throws -> Bool {
        guard table.rows.count >= 2, table.rows.count <= Self.transposeAtMostRows, options.typeScale <= 1 else { return false }
        let cellStyle = style(.cell)
        var keyWidth = 0.0
        for cell in table.header {
            keyWidth = max(keyWidth, try typesetter.measure([TextSpan(Inline.plainText(cell), style: .bold)], style: cellStyle)
                           + 2 * Self.cellPadX)
        }
        keyWidth = min(keyWidth, band.width * 0.35)
        let valueWidth = (band.width - keyWidth) / Double(table.rows.count)
        guard valueWidth >= 6 * cellStyle.size + 2 * Self.cellPadX else { return false }
        for (r, cells) in table.rows.enumerated() {
            for cell in cells {
                for word in Inline.plainText(cell).split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                    let bold = r == 0
                    let w = try typesetter.measure([TextSpan(String(word), style: bold ? .bold : .regular)], style: cellStyle)
                    if w + 2 * Self.cellPadX > valueWidth { return false }
                }
            }
        }
        let widths = [keyWidth] + Array(repeating: valueWidth, count: table.rows.count)
        func column(_ c: Int) -> [[Inline]] {
            [c < table.header.count ? table.header[c] : []] + table.rows.map { c < $0.count ? $0[c] : [] }
        }
        let tableElement = element(.table)
        var header = try row(column(0), widths: widths, header: true, keys: [], table: tableElement)
        header.spaceBefore = 8
        var repeated = header
        repeated.items.removeAll(where: \.isMark)
        let headerIndex = addHeader(repeated)
        append([header])
        let limit = options.contentHeight - headers[headerIndex].height - 1
        for c in 1..<count {
            var items = try rowSlices(column(c), widths: widths, header: false, keys: [0], limit: limit, table: tableElement)
            for i in items.indices { items[i].repeatHeader = headerIndex }
            if c == 1 { items[0].breakBefore = false }
            append(items)
        }
        return true
    }

    private mutating func addStacked(_ table: Table) throws {
        let tableElement = element(.table)
        for (r, cells) in table.rows.enumerated() {
            let rows = table.header.enumerated().map { c, header in [header, c < cells.count ? cells[c] : []] }
            var items: [FlowItem] = []
            for (i, row) in rows.enumerated() {
                var slices = try rowSlices(row, widths: [band.width * 0.4, band.width * 0.6], header: false, keys: [0],
                                           limit: options.contentHeight - 1, table: tableElement)
                slices[0].spaceBefore = i == 0 ? (r == 0 ? 8 : 10) : 0
                slices[0].breakBefore = i == 0 || slices.count > 1
                items += slices
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

    /// Column widths as CSS automatic table layout computes them (CSS 2.1 §17.5.2.2): each column
    /// has a minimum content width (its widest unbreakable piece: a word, or a number and its unit
    /// joined by a no-break space) and a maximum (its widest cell on one line). When the maxima
    /// fit, each column gets its maximum and the rest of the measure in proportion to it; when
    /// not even the minima fit, the minima are scaled down (and the words that then cannot fit are
    /// hyphenated); otherwise every column gets its minimum plus a share of the remaining room in
    /// proportion to how much more it would like (max − min).
    private func columnWidths(_ table: Table, count: Int) throws -> [Double] {
        let total = band.width
        if table.rowHeaders && table.header.isEmpty && count == 2 {
            return [total * 0.36, total * 0.64]
        }
        var maximum = [Double](repeating: 0, count: count)
        var minimum = [Double](repeating: 0, count: count)
        let cellStyle = style(.cell)
        for (r, cells) in ([table.header] + table.rows).enumerated() {
            for (c, cell) in cells.enumerated() where c < count {
                let bold = r == 0 && !table.header.isEmpty
                let text = Inline.plainText(cell)
                let span = [TextSpan(text, style: bold ? .bold : .regular)]
                maximum[c] = max(maximum[c], try typesetter.measure(span, style: cellStyle) + 2 * Self.cellPadX)
                // Pieces between ordinary spaces and line breaks; a no-break space keeps its piece whole.
                for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                    let w = try typesetter.measure([TextSpan(String(word), style: bold ? .bold : .regular)], style: cellStyle)
                    minimum[c] = max(minimum[c], w + 2 * Self.cellPadX)
                }
            }
        }
        let sumMax = maximum.reduce(0, +), sumMin = minimum.reduce(0, +)
        if sumMax <= total {
            return maximum.map { $0 + (total - sumMax) * $0 / max(sumMax, 1) }
        }
        if sumMin >= total {
            return minimum.map { $0 * total / max(sumMin, 1) }
        }
        let room = (total - sumMin) / (sumMax - sumMin)
        return zip(minimum, maximum).map { $0 + ($1 - $0) * room }
    }

    /// One table row; `keys` are the columns holding row headers (shaded; an empty cell after one is room to write by hand).
    /// A row taller than `limit` (a page, less the repeated header) is cut between its lines into
    /// slices of half a page, every slice with its own cell borders: nothing is clipped, and the
    /// header row repeats on each page the row continues on.
    private func rowSlices(_ cells: [[Inline]], widths: [Double], header: Bool, keys: Set<Int>, limit: Double,
                           table: StructureElement) throws -> [FlowItem] {
        let whole = try row(cells, widths: widths, header: header, keys: keys, table: table)
        guard whole.height > limit else { return [whole] }
        let leading = style(.cell).leading
        // Half-page slices: the first one then fits under the header on the page where the table starts.
        let perSlice = max(Int((limit / 2 - 2 * Self.cellPadY) / leading), 1)
        let lineCount = Int(((whole.height - 2 * Self.cellPadY) / leading).rounded(.up))
        var slices: [FlowItem] = []
        var first = 0
        while first < lineCount {
            let count = min(perSlice, lineCount - first)
            let top = Double(first) * leading
            let height = Double(count) * leading + 2 * Self.cellPadY
            var items: [PageItem] = []
            for item in whole.items {
                switch item {
                case .rect(let x, _, let w, _, let stroke, let fill):
                    items.append(.rect(x: x, y: 0, width: w, height: height, stroke: stroke, fill: fill))
                case .glyphs(_, let y, _):
                    let line = Int((y - Self.cellPadY) / leading)
                    if line >= first && line < first + count { items.append(item.offsetBy(dx: 0, dy: -top)) }
                default:
                    items.append(item)
                }
            }
            slices.append(FlowItem(height: height, spaceBefore: 0, items: items, breakBefore: true, repeatHeader: nil, outline: nil,
                                   log: options.collectLog ? "slice lines \(first + 1)–\(first + count)/\(lineCount) " + whole.log : ""))
            first += count
        }
        return slices
    }

    /// One row, tagged as a TR of `table`: header cells TH (scope column in a header row,
    /// scope row for a key column of a key–value row), the others TD.
    private func row(_ cells: [[Inline]], widths: [Double], header: Bool, keys: Set<Int>,
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
            // Cells are set ragged and, unlike body text, hyphenate only a word wider than the cell:
            // in a narrow column a short word cut in two ("acetabo-lo") reads worse than a shorter line.
            var cellStyle = style(.cell)
            cellStyle.hyphenateOnlyOverwideWords = true
            let block = try blockOfLines(content, style: cellStyle, band: inner, bold: header)
            height = max(height, block.height)
            if options.collectLog {
                logs.append(block.log.map { $0.replacingOccurrences(of: "line ", with: "") }.joined(separator: " / "))
            }
            let text = Self.replacementText(content, style: cellStyle)
            let cell = header ? element(.tableHeader, actualText: text, scope: .column)
                : keys.contains(c) ? element(.tableHeader, actualText: text, scope: .row) : element(.tableCell, actualText: text)
            laid.append((x, width, block.items.isEmpty ? [.beginMark(.content(rowPath + [cell])), .endMark]
                                                       : tagged(block.items, cell, parents: rowPath)))
        }
        // An empty value cell of a key–value table is a space to write in by hand.
        let handwritten = keys.contains { $0 + 1 < cells.count && cells[$0 + 1].isEmpty }
        let minimum = handwritten ? 24.0 : 0
        height = max(height + 2 * Self.cellPadY, minimum)
        for (c, cell) in laid.enumerated() {
            let fill: Double? = header ? 0.88 : (keys.contains(c) ? 0.95 : nil)
            items.append(.rect(x: cell.x, y: 0, width: cell.width, height: height, stroke: Self.gridWidth, fill: fill))
        }
        for cell in laid { items += cell.items.map { $0.offsetBy(dx: 0, dy: Self.cellPadY) } }
        return FlowItem(height: height, spaceBefore: 0, items: items, breakBefore: true, repeatHeader: nil,
                        outline: nil, log: (header ? "header | " : "row | ") + logs.joined(separator: " | "))
    }
}
