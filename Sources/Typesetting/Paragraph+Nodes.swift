// Phase 3: the horizontal list. Shaped words become boxes, spaces glue and
// break opportunities penalties — the currency of Knuth–Plass (Knuth & Plass
// 1981, §2 "The box/glue/penalty model"; The TeXbook ch. 12 and 14).
//
// A paragraph is turned into a list once per breaking pass: the first pass
// has no hyphenation points, the second adds them (libhyphen), the final one
// also cuts words wider than the measure at grapheme boundaries.

/// A box, glue or penalty item.
struct Node {
    enum Kind: UInt8 { case box, glue, penalty }

    var kind: Kind
    /// Box and glue: natural width. Penalty: width added when the line breaks
    /// here (the hyphen of a discretionary break).
    var width: Double
    var stretch: Double = 0
    var shrink: Double = 0
    /// Glue of infinite stretchability (`\parfillskip`, the `\hfil` before a forced break).
    var isFill = false
    /// Penalty value; ≥ `Node.infinitePenalty` forbids a break, ≤ `Node.ejectPenalty` forces one.
    var penalty: Double = 0
    /// A hyphenated break (TeX's "flagged" penalty, for double-hyphen demerits).
    var flagged = false
    /// Box: index of its piece. Glue: scalar offset of its space (−1 for fill
    /// glue). Penalty: font of the hyphen glyph added when the break is taken
    /// here (−1: nothing added).
    var ref = -1
    /// Penalty: scalar offset of the break.
    var position = 0

    static let infinitePenalty = 10_000.0
    static let ejectPenalty = -10_000.0

    static func box(width: Double, piece: Int) -> Node {
        Node(kind: .box, width: width, ref: piece)
    }

    static func penalty(_ value: Double, width: Double = 0, flagged: Bool = false, hyphenFont: Int = -1,
                        at position: Int = 0) -> Node {
        Node(kind: .penalty, width: width, penalty: value, flagged: flagged, ref: hyphenFont, position: position)
    }

    static let fill = Node(kind: .glue, width: 0, isFill: true)

    var isForcedBreak: Bool { kind == .penalty && penalty <= Node.ejectPenalty }
}

/// A slice of a shaped segment that becomes one box.
struct Piece {
    var segment: Int
    /// Scalar offsets into the paragraph text.
    var range: Range<Int>
    /// Glyph indices into the segment's glyphs (a contiguous run in both directions).
    var glyphs: Range<Int>
}

struct NodeList {
    var nodes: [Node] = []
    var pieces: [Piece] = []
}

/// What goes into one pass's list.
struct NodeOptions {
    var size: Double
    /// Interword glue stretches (1/2 space) and shrinks (1/3 space); ragged
    /// alignments keep spaces at their natural width.
    var justified: Bool
    var hyphenator: Hyphenator?
    /// Only words wider than this get hyphenation points (nil: every word).
    var hyphenateWiderThan: Double?
    /// Words wider than this are cut at every grapheme boundary (emergency pass).
    var emergencyWidth: Double?
}

/// Penalties (TeX's defaults where TeX has one).
enum Penalties {
    /// `\hyphenpenalty`.
    static let hyphen = 50.0
    /// `\exhyphenpenalty`: after an explicit hyphen or dash.
    static let explicitHyphen = 50.0
    /// A cut inside a word too wide for the measure (no TeX equivalent).
    static let emergency = 5_000.0
}

extension Paragraph {
    /// The horizontal list for one breaking pass.
    func nodeList(_ options: NodeOptions) -> NodeList {
        var list = NodeList()
        list.nodes.reserveCapacity(tokens.count + 8)
        for token in tokens {
            switch token {
            case let .space(position, breakable):
                if !breakable { list.nodes.append(.penalty(Node.infinitePenalty)) }
                list.nodes.append(spaceGlue(at: position, options))
            case let .noBreakSpace(position):
                list.nodes.append(.penalty(Node.infinitePenalty))
                list.nodes.append(spaceGlue(at: position, options))
            case let .newline(position):
                // `\unskip\nobreak\hfil\break`
                list.unskip()
                list.nodes.append(.penalty(Node.infinitePenalty))
                list.nodes.append(.fill)
                list.nodes.append(.penalty(Node.ejectPenalty, at: position))
            case let .word(index):
                appendWord(index, to: &list, options)
            }
        }
        // End of paragraph: `\unskip\penalty10000\hskip\parfillskip\penalty-10000`
        // (TeX: The Program §816). Newlines at the very end add no empty line.
        list.unskip()
        while list.nodes.count >= 3, list.nodes[list.nodes.count - 1].isForcedBreak {
            list.nodes.removeLast(3)
            list.unskip()
        }
        list.nodes.append(.penalty(Node.infinitePenalty))
        list.nodes.append(.fill)
        list.nodes.append(.penalty(Node.ejectPenalty, at: text.count))
        if let limit = options.emergencyWidth { list.allowBreaksInOverwideUnits(limit: limit) }
        return list
    }

    private func spaceGlue(at position: Int, _ options: NodeOptions) -> Node {
        let width = fonts.spaceAdvance[fontOf[position]] * options.size
        return Node(kind: .glue, width: width,
                    stretch: options.justified ? width / 2 : 0,
                    shrink: options.justified ? width / 3 : 0,
                    ref: position)
    }

    private enum Cut {
        case explicit(penalty: Double, flagged: Bool)
        case hyphenation
        case emergency

        var priority: Int {
            switch self {
            case .explicit: 3
            case .hyphenation: 2
            case .emergency: 1
            }
        }
    }

    /// A break opportunity strictly inside a word.
    private struct CutPoint {
        var position: Int
        var cut: Cut
    }

    /// Boxes for the pieces of a word, with penalties at its break opportunities.
    private func appendWord(_ index: Int, to list: inout NodeList, _ options: NodeOptions) {
        let word = words[index]
        var cuts = [CutPoint]()
        if word.range.count > 1 {
            for position in word.range.lowerBound + 1..<word.range.upperBound
            where breakActions[position - 1] != .prohibited {
                let previous = text[position - 1]
                if previous == 0xAD {
                    // A soft hyphen is a discretionary hyphen: a visible one appears if the line breaks there.
                    cuts.append(CutPoint(position: position, cut: .hyphenation))
                    continue
                }
                let hyphen = CharacterClass.isHyphen(previous)
                cuts.append(CutPoint(position: position,
                                     cut: .explicit(penalty: hyphen ? Penalties.explicitHyphen : 0, flagged: hyphen)))
            }
        }
        if let hyphenator = options.hyphenator,
           options.hyphenateWiderThan.map({ width(of: word) * options.size > $0 }) ?? true {
            appendHyphenationPoints(word, hyphenator, to: &cuts)
        }
        if !cuts.isEmpty { validate(&cuts, in: word) }
        if let limit = options.emergencyWidth, width(of: word) * options.size > limit {
            addEmergencyCuts(word, limit: limit, size: options.size, cuts: &cuts)
            validate(&cuts, in: word)
        }

        var next = 0
        for segmentIndex in word.segments {
            let segment = segments[segmentIndex]
            let lower = segment.range.lowerBound, upper = segment.range.upperBound
            let rtl = items[segment.item].isRightToLeft
            let hyphenFont = items[segment.item].font
            var pieceStart = lower
            while true {
                // The next cut inside the segment, else the segment's end (with
                // the cut there, if any, between this segment and the next).
                var position = upper
                var cut: Cut?  // `validate` made every cut usable
                if next < cuts.count, cuts[next].position <= upper {
                    position = cuts[next].position
                    cut = cuts[next].cut
                    next += 1
                }
                let isEnd = position == upper
                let glyphRange = segment.glyphRange(pieceStart - lower, position - lower, rightToLeft: rtl)
                var advance = 0.0
                for glyph in glyphRange { advance += Double(segment.glyphs[glyph].advance) }
                list.pieces.append(Piece(segment: segmentIndex, range: pieceStart..<position, glyphs: glyphRange))
                list.nodes.append(.box(width: advance * options.size, piece: list.pieces.count - 1))
                pieceStart = position
                if let cut {
                    switch cut {
                    case let .explicit(penalty, flagged):
                        list.nodes.append(.penalty(penalty, flagged: flagged, at: position))
                    case .hyphenation:
                        let hyphen = fonts.hyphenAdvance[hyphenFont] * options.size
                        list.nodes.append(.penalty(Penalties.hyphen, width: hyphen, flagged: true,
                                                   hyphenFont: hyphenFont, at: position))
                    case .emergency:
                        list.nodes.append(.penalty(Penalties.emergency, at: position))
                    }
                }
                if isEnd { break }
            }
        }
    }

    /// Keeps the cuts the glyphs allow, sorted, one per position: a cut must
    /// fall on a cluster boundary (HarfBuzz merges a removed default-ignorable
    /// character, such as a soft hyphen, into the next cluster: such a cut
    /// moves back before it), and a hyphenation cut needs a hyphen glyph in
    /// the font of the piece before it.
    private func validate(_ cuts: inout [CutPoint], in word: Word) {
        var kept = 0
        for index in cuts.indices {
            if var point = usable(cuts[index], in: word) {
                swap(&point, &cuts[kept])
                kept += 1
            }
        }
        cuts.removeLast(cuts.count - kept)
        Self.normalise(&cuts)
    }

    private func usable(_ cut: CutPoint, in word: Word) -> CutPoint? {
        // The first segment ending at or after the cut (binary search: words can be long).
        var low = word.segments.lowerBound, high = word.segments.upperBound - 1
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].range.upperBound < cut.position { low = middle + 1 } else { high = middle }
        }
        let segmentIndex = low
        let segment = segments[segmentIndex]
        let lower = segment.range.lowerBound
        var position = cut.position
        var fontBefore = items[segment.item].font
        if position < segment.range.upperBound {
            while position > lower, !segment.startsCluster(at: position - lower),
                  CharacterClass.isDefaultIgnorable(text[position - 1]) {
                position -= 1
            }
            if position == lower {
                // Moved back to the segment's start: the boundary with the previous segment, if any.
                guard lower > word.range.lowerBound else { return nil }
                fontBefore = items[segments[segmentIndex - 1].item].font
            } else if !segment.startsCluster(at: position - lower) {
                return nil
            }
        }
        if case .hyphenation = cut.cut, fonts.hyphenGlyph[fontBefore] == 0 { return nil }
        return CutPoint(position: position, cut: cut.cut)
    }

    /// Sorts cuts by position, keeping the strongest kind at each position.
    private static func normalise(_ cuts: inout [CutPoint]) {
        var ordered = true
        for index in cuts.indices.dropFirst() where cuts[index - 1].position >= cuts[index].position {
            ordered = false
            break
        }
        if ordered { return }
        cuts.sort { $0.position != $1.position ? $0.position < $1.position : $0.cut.priority > $1.cut.priority }
        var kept = 0
        for index in cuts.indices where kept == 0 || cuts[kept - 1].position != cuts[index].position {
            cuts[kept] = cuts[index]
            kept += 1
        }
        cuts.removeLast(cuts.count - kept)
    }

    /// Cuts at every grapheme boundary inside the stretches of a word that
    /// are wider than `limit` between two of its break opportunities (with
    /// the hyphen, if one would be added): the only way to keep such a
    /// stretch within the measure.
    private func addEmergencyCuts(_ word: Word, limit: Double, size: Double, cuts: inout [CutPoint]) {
        // Advance of each scalar of the word (a cluster's advance goes to its first scalar).
        var advances = [Double](repeating: 0, count: word.range.count)
        for index in word.segments {
            let segment = segments[index]
            let base = segment.range.lowerBound - word.range.lowerBound
            for glyph in segment.glyphs { advances[base + Int(glyph.cluster)] += Double(glyph.advance) }
        }
        let existing = cuts
        var boundaries: [Int]?
        var start = word.range.lowerBound
        for index in 0...existing.count {
            let end = index < existing.count ? existing[index].position : word.range.upperBound
            defer { start = end }
            var stretch = width(advances, start..<end, of: word) * size
            if index < existing.count, case .hyphenation = existing[index].cut {
                stretch += fonts.hyphenAdvance[fontOf[end - 1]] * size
            }
            guard stretch > limit else { continue }
            let all = boundaries ?? graphemeBoundaries(word)
            boundaries = all
            // The boundaries inside start..<end (binary search for the first). Not right
            // after an apostrophe ("dell'|anca" is a poor break) while the two graphemes
            // around it still fit the measure together; a run of apostrophes or a narrow
            // cell gets the cut anyway: no piece wider than the measure unless it is one
            // grapheme.
            var low = 0, high = all.count
            while low < high {
                let middle = (low + high) / 2
                if all[middle] <= start { low = middle + 1 } else { high = middle }
            }
            var next = low
            var pieceStart = start
            while next < all.count, all[next] < end {
                let position = all[next]
                let following = next + 1 < all.count && all[next + 1] < end ? all[next + 1] : end
                let apostrophe = text[position - 1] == 0x27 || text[position - 1] == 0x2019
                if !apostrophe || width(advances, pieceStart..<following, of: word) * size > limit {
                    cuts.append(CutPoint(position: position, cut: .emergency))
                    pieceStart = position
                }
                next += 1
            }
        }
    }

    /// Width in em of the scalars `range` (paragraph offsets) of `word`, from per-scalar advances.
    private func width(_ advances: [Double], _ range: Range<Int>, of word: Word) -> Double {
        var total = 0.0
        for position in range { total += advances[position - word.range.lowerBound] }
        return total
    }

    /// Natural width of a word in em (size 1).
    private func width(of word: Word) -> Double {
        var total = 0.0
        for index in word.segments {
            for glyph in segments[index].glyphs { total += Double(glyph.advance) }
        }
        return total
    }

    /// Hyphenation points of a word, appended in ascending order: in each
    /// run of at least `Hyphenator.minimumWord` letters of the dictionary's
    /// script (Latin for it/de/en/fr/ro, Cyrillic for uk) that has a
    /// lower-case letter (so never in an acronym), and never in a word with
    /// digits (document ids, record numbers). Apostrophes end
    /// a run, so "l'osso" breaks only at spaces while "dell'anestesia" may
    /// become "dell'ane-ste-sia".
    private func appendHyphenationPoints(_ word: Word, _ hyphenator: Hyphenator, to cuts: inout [CutPoint]) {
        var runs = [(start: Int, end: Int)]()
        var runStart = -1
        var hasLower = false
        func finish(_ end: Int) {
            if runStart >= 0, end - runStart >= Hyphenator.minimumWord, end - runStart <= Hyphenator.maximumWord,
               hasLower { runs.append((runStart, end)) }
            runStart = -1
            hasLower = false
        }
        for position in word.range {
            let kind = CharacterClass.letterKind(scalars[position])
            if kind == .digit { return }
            if kind != .other, items[Int(itemOf[position])].script == hyphenator.script {
                if runStart < 0 { runStart = position }
                if kind == .lowercase { hasLower = true }
            } else {
                finish(position)
            }
        }
        finish(word.range.upperBound)
        for run in runs {
            for point in hyphenator.points(scalars[run.start..<run.end]) {
                cuts.append(CutPoint(position: run.start + point, cut: .hyphenation))
            }
        }
    }

    /// Offsets strictly inside a word where a grapheme cluster (UAX #29) begins.
    private func graphemeBoundaries(_ word: Word) -> [Int] {
        var string = String.UnicodeScalarView()
        string.append(contentsOf: scalars[word.range])
        var result = [Int]()
        var position = word.range.lowerBound
        for character in String(string) {
            position += character.unicodeScalars.count
            if position < word.range.upperBound { result.append(position) }
        }
        return result
    }
}

extension Segment {
    /// Whether a cluster starts at `offset` (relative to the segment), i.e.
    /// the glyphs can be split there.
    func startsCluster(at offset: Int) -> Bool {
        glyphs.contains { Int($0.cluster) == offset }
    }

    /// The glyphs of the characters `start..<end` (relative offsets, at cluster boundaries).
    func glyphRange(_ start: Int, _ end: Int, rightToLeft: Bool) -> Range<Int> {
        if rightToLeft {
            // Clusters descend: the logical start is at the visual right end.
            let lower = glyphs.firstIndex { Int($0.cluster) < end } ?? glyphs.count
            let upper = glyphs.firstIndex { Int($0.cluster) < start } ?? glyphs.count
            return lower..<max(lower, upper)
        }
        let lower = glyphs.firstIndex { Int($0.cluster) >= start } ?? glyphs.count
        let upper = glyphs.firstIndex { Int($0.cluster) >= end } ?? glyphs.count
        return lower..<max(lower, upper)
    }
}

extension NodeList {
    /// Emergency pass: where material between two legal breakpoints is wider
    /// than `limit` because of no-break spaces (U+00A0, or spaces UAX #14
    /// forbids breaking at, as before "»" or ";"), those spaces become
    /// breakable at the emergency penalty. (Words wider than the limit have
    /// their own grapheme cuts already.)
    mutating func allowBreaksInOverwideUnits(limit: Double) {
        var unitStart = 0
        var width = 0.0
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            let legal: Bool
            switch node.kind {
            case .box: legal = false
            case .glue: legal = index > 0 && nodes[index - 1].kind == .box
            case .penalty: legal = node.penalty < Node.infinitePenalty
            }
            if legal {
                // A hyphen added at the break counts too.
                if width + (node.kind == .penalty ? node.width : 0) > limit + 1e-9 {
                    for inner in unitStart..<index
                    where nodes[inner].kind == .penalty && nodes[inner].penalty >= Node.infinitePenalty
                        && inner + 1 < index && nodes[inner + 1].kind == .glue && !nodes[inner + 1].isFill {
                        nodes[inner].penalty = Penalties.emergency
                    }
                }
                unitStart = index + 1
                width = 0
            } else if node.kind != .penalty, !node.isFill {
                width += node.width
            }
            index += 1
        }
    }

    /// Removes glue at the end of the list (TeX's `\unskip`).
    mutating func unskip() {
        while let last = nodes.last, last.kind == .glue || (last.kind == .penalty && last.penalty >= Node.infinitePenalty) {
            if last.kind == .glue, last.isFill { break }
            nodes.removeLast()
        }
    }
}
