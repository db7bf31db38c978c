// Phase 5: lines. Between two chosen breaks the boxes, glue and the hyphen
// of a discretionary break become a line (TeX: The Program §877–§890,
// post_line_break): glue is set (justified lines stretch or shrink their
// spaces to the measure, §658–§666 hpack), the logical sequence is grouped
// into runs of one level and font, and the runs are put into visual order
// (UAX #9 L1–L2). Right-to-left glyphs already come from HarfBuzz in visual
// order: only whole pieces are reversed, never the glyphs inside them.

/// One thing on a line, in logical order.
private struct Atom {
    enum Content {
        case piece(Piece)
        /// A space with its width as set.
        case space(position: Int, width: Double)
        /// The hyphen added at a hyphenation break.
        case hyphen(width: Double)
    }

    var content: Content
    var level: UInt8
    var font: Int
    var range: Range<Int>
}

/// How the lines of one paragraph are set.
struct LineSettings {
    var size: Double
    var measure: Double
    var indent: Double
    var alignment: Alignment
}

extension Paragraph {
    /// Builds the lines ending at `breaks` (node indices from `LineBreaker`).
    func lines(_ list: NodeList, breaks: [Int], _ settings: LineSettings) -> [Line] {
        var result = [Line]()
        result.reserveCapacity(breaks.count)
        var start = LineBreaker.lineStart(after: -1, list.nodes)
        for (number, end) in breaks.enumerated() {
            result.append(line(list, from: start, to: end, number: number,
                               isLast: number == breaks.count - 1, settings))
            start = LineBreaker.lineStart(after: end, list.nodes)
        }
        return result
    }

    private func line(_ list: NodeList, from start: Int, to end: Int, number: Int, isLast: Bool,
                      _ settings: LineSettings) -> Line {
        let nodes = list.nodes
        let breakNode = nodes[end]
        let isForced = breakNode.isForcedBreak
        let indent = number == 0 ? settings.indent : 0
        let target = settings.measure - indent

        // The material of the line; fill glue and penalties leave no trace.
        var contents = [Int]()
        var natural = 0.0, stretch = 0.0, shrink = 0.0
        for index in start..<end {
            let node = nodes[index]
            if node.kind == .box || (node.kind == .glue && !node.isFill) { contents.append(index) }
        }
        while let last = contents.last, nodes[last].kind == .glue { contents.removeLast() }  // \unskip
        for index in contents {
            natural += nodes[index].width
            stretch += nodes[index].stretch
            shrink += nodes[index].shrink
        }
        let hyphenFont = breakNode.kind == .penalty ? breakNode.ref : -1
        if hyphenFont >= 0 { natural += breakNode.width }

        // Glue set ratio (§658–§666): justified lines fill the measure; any
        // line shrinks if it must (only the artificial last resort of the
        // final pass can still be too wide).
        var ratio = 0.0
        let justify = settings.alignment == .justified && !isForced
        if justify, natural < target, stretch > 0 {
            ratio = (target - natural) / stretch
        } else if natural > target, shrink > 0 {
            ratio = max(-1, (target - natural) / shrink)
        }

        var atoms = [Atom]()
        atoms.reserveCapacity(contents.count + 1)
        var contentWidth = 0.0
        for index in contents {
            let node = nodes[index]
            if node.kind == .box {
                let piece = list.pieces[node.ref]
                let item = items[segments[piece.segment].item]
                atoms.append(Atom(content: .piece(piece), level: item.level, font: item.font, range: piece.range))
                contentWidth += node.width
            } else {
                let width = node.width + ratio * (ratio > 0 ? node.stretch : node.shrink)
                let position = node.ref
                atoms.append(Atom(content: .space(position: position, width: width), level: levels[position],
                                  font: fontOf[position], range: position..<position + 1))
                contentWidth += width
            }
        }
        if hyphenFont >= 0 {
            let level = atoms.last?.level ?? baseLevel
            atoms.append(Atom(content: .hyphen(width: breakNode.width), level: level, font: hyphenFont,
                              range: breakNode.position..<breakNode.position))
            contentWidth += breakNode.width
        }

        var runs = makeRuns(atoms, size: settings.size)
        reorder(&runs)

        // Alignment: where the content starts within the measure.
        let lineWidth = contentWidth + indent
        let free = settings.measure - lineWidth
        var offset: Double
        switch settings.alignment {
        case .justified, .start: offset = isRightToLeft ? free : 0
        case .end: offset = isRightToLeft ? 0 : free
        case .center: offset = free / 2
        }
        if !isRightToLeft { offset += indent }  // in RTL the indent is on the right
        var x = offset
        var ascent = 0.0, descent = 0.0
        for index in runs.indices {
            runs[index].x = x
            x += runs[index].width
            ascent = max(ascent, runs[index].font.ascender * settings.size)
            descent = max(descent, -runs[index].font.descender * settings.size)
        }
        if runs.isEmpty {
            let font = fonts.fonts[0]
            ascent = font.ascender * settings.size
            descent = -font.descender * settings.size
        }
        return Line(runs: runs, width: lineWidth, ascent: ascent, descent: descent,
                    hyphenated: hyphenFont >= 0, isLast: isLast)
    }

    /// Groups logically consecutive atoms of one level and font into runs and
    /// positions their glyphs. An odd-level run lists its atoms from the last
    /// to the first (L2 within the run); each piece keeps HarfBuzz's order.
    private func makeRuns(_ atoms: [Atom], size: Double) -> [GlyphRun] {
        var runs = [GlyphRun]()
        var first = 0
        while first < atoms.count {
            var last = first + 1
            while last < atoms.count, atoms[last].level == atoms[first].level, atoms[last].font == atoms[first].font {
                last += 1
            }
            let level = atoms[first].level
            let rtl = level & 1 == 1
            let font = fonts.fonts[atoms[first].font]
            var glyphs = [PositionedGlyph]()
            glyphs.reserveCapacity(4 * (last - first))
            var pen = 0.0
            for step in 0..<(last - first) {
                let index = rtl ? last - 1 - step : first + step
                switch atoms[index].content {
                case let .piece(piece):
                    appendGlyphs(of: piece, rightToLeft: rtl, size: size, pen: &pen, to: &glyphs)
                case let .space(position, width):
                    let font = atoms[index].font
                    let id = CharacterClass.isNoBreakSpace(text[position])
                        ? fonts.noBreakSpaceGlyph[font] : fonts.spaceGlyph[font]
                    // A tab is set as a space and reads as one.
                    glyphs.append(PositionedGlyph(id: id, x: pen, y: 0, advance: width,
                                                  text: text[position] == 0x09 ? " " : String(scalars[position])))
                    pen += width
                case let .hyphen(width):
                    let font = atoms[index].font
                    glyphs.append(PositionedGlyph(id: fonts.hyphenGlyph[font], x: pen, y: 0, advance: width,
                                                  text: fonts.hyphenText[font]))
                    pen += width
                }
            }
            let range = atoms[first].range.lowerBound..<atoms[last - 1].range.upperBound
            runs.append(GlyphRun(font: font, size: size, x: 0, width: pen, glyphs: glyphs, isRightToLeft: rtl,
                                 textRange: range, bidiLevel: Int(level)))
            first = last
        }
        return runs
    }

    /// Appends a piece's glyphs, scaled to `size`, with the text of each
    /// cluster on its first glyph. Clusters are monotonic (HarfBuzz's default
    /// cluster level): a cluster's text ends where the next cluster in
    /// logical order starts — the next different cluster in the array for
    /// left to right, the previous different one for right to left.
    private func appendGlyphs(of piece: Piece, rightToLeft: Bool, size: Double, pen: inout Double,
                              to glyphs: inout [PositionedGlyph]) {
        let segment = segments[piece.segment]
        let base = segment.range.lowerBound
        let pieceEnd = Int32(piece.range.upperBound - base)
        var previousCluster: Int32 = -1
        for index in piece.glyphs {
            let glyph = segment.glyphs[index]
            var text = ""
            if glyph.cluster != previousCluster {
                var clusterEnd = pieceEnd
                if rightToLeft {
                    if index > piece.glyphs.lowerBound, previousCluster > glyph.cluster { clusterEnd = previousCluster }
                } else {
                    var next = index + 1
                    while next < piece.glyphs.upperBound, segment.glyphs[next].cluster == glyph.cluster { next += 1 }
                    if next < piece.glyphs.upperBound { clusterEnd = segment.glyphs[next].cluster }
                }
                let start = base + Int(glyph.cluster), end = base + Int(clusterEnd)
                if end == start + 1 {
                    text = String(scalars[start])
                } else {
                    // Default-ignorable characters (removed by HarfBuzz, merged
                    // into a neighbour's cluster) are left out of the text.
                    var view = String.UnicodeScalarView()
                    for position in start..<end where !CharacterClass.isDefaultIgnorable(self.text[position]) {
                        view.append(scalars[position])
                    }
                    text = String(view)
                }
                previousCluster = glyph.cluster
            }
            let advance = Double(glyph.advance) * size
            glyphs.append(PositionedGlyph(id: glyph.id, x: pen + Double(glyph.xOffset) * size,
                                          y: Double(glyph.yOffset) * size, advance: advance, text: text))
            pen += advance
        }
    }

    /// UAX #9 L2: from the highest level down to the lowest odd level,
    /// reverse every maximal sequence of runs at that level or higher. (L1's
    /// reset of trailing whitespace holds because lines never end in spaces.)
    private func reorder(_ runs: inout [GlyphRun]) {
        guard runs.count > 1 else { return }
        let highest = runs.map(\.bidiLevel).max()!
        var lowestOdd = runs.map(\.bidiLevel).min()!
        if lowestOdd % 2 == 0 { lowestOdd += 1 }
        guard highest >= lowestOdd else { return }
        for level in stride(from: highest, through: lowestOdd, by: -1) {
            var index = 0
            while index < runs.count {
                guard runs[index].bidiLevel >= level else {
                    index += 1
                    continue
                }
                var end = index
                while end < runs.count, runs[end].bidiLevel >= level { end += 1 }
                runs[index..<end].reverse()
                index = end
            }
        }
    }
}
