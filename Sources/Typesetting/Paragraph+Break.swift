// Phase 4: total-fit line breaking (Knuth & Plass, "Breaking paragraphs into
// lines", Software—Practice and Experience 11, 1981; TeX: The Program
// §813–§890).
//
// Every legal breakpoint (glue after a box, a penalty below 10000) is tried
// against the active breakpoints; a line is feasible when its badness is
// within the tolerance; demerits add up along a path and the path of least
// total demerits wins. Differences from TeX: line widths are plain sums
// (doubles, no delta nodes); a line's start skips the discardable items after
// its break (§879); there is no `\looseness` and no `\emergencystretch` —
// the final pass accepts any badness instead, and words wider than the
// measure have been cut at grapheme boundaries beforehand.

/// The parameters of one pass.
struct BreakParameters {
    /// Width of the first line (measure minus first-line indent) and of the others.
    var firstLineWidth: Double
    var lineWidth: Double
    /// `\pretolerance` (100) on the first pass, `\tolerance` (200) on the
    /// second; `.infinity` on the final pass, where any line that is not
    /// overfull is feasible.
    var tolerance: Double
    var isFinalPass = false
    /// Stretch every line has besides its glue (`\leftskip` + `\rightskip`):
    /// 0 when justified, a few em for ragged alignments.
    var lineStretch = 0.0
    /// `\emergencystretch` of the final pass, counted only in the badness of
    /// lines without stretchable spaces that end at an emergency cut (pieces of a
    /// word wider than the measure), so that those can still be told good from
    /// bad, while loose lines keep their real badness.
    var emergencyStretch = 0.0
    /// `\linepenalty`, `\adjdemerits`, `\doublehyphendemerits`, `\finalhyphendemerits`.
    var linePenalty = 10.0
    var adjacentDemerits = 10_000.0
    var doubleHyphenDemerits = 10_000.0
    var finalHyphenDemerits = 5_000.0
    /// Typographic rules for added hyphens kept as hard constraints rather than
    /// demerits: never two hyphenated lines in a row, never a hyphenated
    /// penultimate line (the last line would begin with the end of a broken
    /// word). The final pass keeps the first rule for every line that has a word
    /// space (it could end there instead) and lets only a line that is one piece
    /// of a word wider than the measure end in a second hyphen (with
    /// `doubleHyphenDemerits`); the second rule becomes `finalHyphenDemerits`, so
    /// that a paragraph with no other way out is not set with spaces three times
    /// their width instead.
    var strictHyphenation = true
}

/// TeX's fitness classes (§817).
private enum Fitness {
    static let veryLoose = 0, loose = 1, decent = 2, tight = 3
}

/// Badness of a line that must stretch or shrink by `ratio` (§108: about
/// 100·ratio³), capped at `cap` (TeX caps at 10000, `inf_bad`; a larger cap
/// lets the final pass still tell bad lines from worse ones).
private func badness(_ ratio: Double) -> Double {
    let cap = 1_000_000.0
    guard ratio.isFinite else { return cap }
    return min(100 * ratio * ratio * ratio, cap)
}

enum LineBreaker {
    /// A breakpoint reached by some path (TeX's passive node plus the fields of its active node).
    private struct Record {
        var position: Int
        /// Index of the line that starts after this break (0 = first line).
        var line: Int
        var fitness: Int
        var totalDemerits: Double
        var previous: Int
        var flagged: Bool
        /// The line ending at this break ends with an added hyphen.
        var hyphenated: Bool
        /// First node of the line after this break.
        var lineStart: Int
    }

    /// The node indices where lines end (the last one is the final forced
    /// break), or nil when no feasible breaking exists within the tolerance.
    static func breakpoints(_ nodes: [Node], _ parameters: BreakParameters) -> [Int]? {
        let count = nodes.count
        guard count > 0 else { return [] }
        // Running totals of width, stretch, shrink and infinite stretch up to each node.
        var widthSum = [Double](repeating: 0, count: count + 1)
        var stretchSum = widthSum, shrinkSum = widthSum
        var fillSum = [Int](repeating: 0, count: count + 1)
        // Word spaces (glue after a box: a legal break) up to each node.
        var spaceSum = fillSum
        for (index, node) in nodes.enumerated() {
            let isGlue = node.kind == .glue
            spaceSum[index + 1] = spaceSum[index] + (isGlue && !node.isFill && index > 0 && nodes[index - 1].kind == .box ? 1 : 0)
            widthSum[index + 1] = widthSum[index] + (node.kind == .penalty ? 0 : node.width)
            stretchSum[index + 1] = stretchSum[index] + (isGlue && !node.isFill ? node.stretch : 0)
            shrinkSum[index + 1] = shrinkSum[index] + (isGlue ? node.shrink : 0)
            fillSum[index + 1] = fillSum[index] + (isGlue && node.isFill ? 1 : 0)
        }

        var records = [Record(position: -1, line: 0, fitness: Fitness.decent, totalDemerits: 0, previous: -1,
                              flagged: false, hyphenated: false, lineStart: lineStart(after: -1, nodes))]
        var active = [0]
        var survivors = [Int]()
        let epsilon = 1e-9

        for position in 0..<count {
            let node = nodes[position]
            switch node.kind {
            case .box: continue
            case .glue: if position == 0 || nodes[position - 1].kind != .box { continue }
            case .penalty: if node.penalty >= Node.infinitePenalty { continue }
            }
            let forced = node.isForcedBreak
            let isLast = position == count - 1
            // A hyphen is added when the line breaks at this penalty.
            let addsHyphen = node.kind == .penalty && node.ref >= 0
            let strict = parameters.strictHyphenation
            var best = SIMD4<Double>(repeating: .infinity)
            var bestFrom = SIMD4<Int>(repeating: -1)
            var minimum = Double.infinity
            // Of the nodes deactivated as overfull, the one giving the least
            // overfull line (the latest break; then fewest demerits), for the final pass.
            var overfullFallback = -1
            survivors.removeAll(keepingCapacity: true)

            for candidate in active {
                let from = records[candidate]
                let start = from.lineStart
                if start > position {
                    // Nothing but discardable items since that break: no line yet.
                    survivors.append(candidate)
                    continue
                }
                let target = from.line == 0 ? parameters.firstLineWidth : parameters.lineWidth
                var width = widthSum[position] - widthSum[start]
                if node.kind == .penalty { width += node.width }
                let glueStretch = stretchSum[position] - stretchSum[start]
                var stretch = glueStretch + parameters.lineStretch
                if glueStretch == 0, node.kind == .penalty, node.penalty == Penalties.emergency {
                    stretch += parameters.emergencyStretch
                }
                let shrink = shrinkSum[position] - shrinkSum[start]
                let hasFill = fillSum[position] > fillSum[start]

                // §851–§853: badness and fitness class.
                var lineBadness = 0.0
                var fitness = Fitness.decent
                var overfull = false
                if width < target - epsilon {
                    // A line ending in a forced break has `\hfil` before it (or is empty).
                    if hasFill || forced {
                        lineBadness = 0
                    } else {
                        lineBadness = stretch > 0 ? badness((target - width) / stretch) : badness(.infinity)
                        fitness = lineBadness > 99 ? Fitness.veryLoose : lineBadness > 12 ? Fitness.loose : Fitness.decent
                    }
                } else if width > target + epsilon {
                    let ratio = shrink > 0 ? (width - target) / shrink : .infinity
                    if ratio > 1 + epsilon {
                        overfull = true
                    } else {
                        lineBadness = badness(ratio)
                        fitness = lineBadness > 12 ? Fitness.tight : Fitness.decent
                    }
                }

                // §851: a node stays active unless the line is overfull or the break is forced.
                if !overfull && !forced { survivors.append(candidate) }
                if overfull {
                    if parameters.isFinalPass {
                        if overfullFallback < 0 { overfullFallback = candidate } else {
                            let other = records[overfullFallback]
                            if from.position > other.position
                                || (from.position == other.position && from.totalDemerits < other.totalDemerits) {
                                overfullFallback = candidate
                            }
                        }
                    }
                    continue
                }
                if lineBadness > parameters.tolerance { continue }
                if strict, from.hyphenated, addsHyphen || isLast { continue }
                // Never two hyphenated lines in a row where this line could end at a word space
                // instead; only a line that is one piece of a word too wide for the measure may.
                if from.hyphenated, addsHyphen, spaceSum[position] > spaceSum[start] { continue }

                // §859: demerits.
                var demerits = (parameters.linePenalty + lineBadness) * (parameters.linePenalty + lineBadness)
                if node.kind == .penalty {
                    if node.penalty > 0 {
                        demerits += node.penalty * node.penalty
                    } else if node.penalty > Node.ejectPenalty {
                        demerits -= node.penalty * node.penalty
                    }
                }
                if from.flagged {
                    if isLast {
                        demerits += parameters.finalHyphenDemerits
                    } else if node.flagged {
                        demerits += parameters.doubleHyphenDemerits
                    }
                }
                if abs(fitness - from.fitness) > 1 { demerits += parameters.adjacentDemerits }
                let total = from.totalDemerits + demerits
                if total < best[fitness] {
                    best[fitness] = total
                    bestFrom[fitness] = candidate
                }
                minimum = min(minimum, total)
            }

            // TeX's last resort (§854 "artificial_demerits"): on the final pass,
            // when every path would die here, break here anyway; the line is
            // overfull only if a single grapheme is wider than the measure.
            if minimum == .infinity, survivors.isEmpty, overfullFallback >= 0 {
                best[Fitness.decent] = records[overfullFallback].totalDemerits
                bestFrom[Fitness.decent] = overfullFallback
                minimum = best[Fitness.decent]
            }

            swap(&active, &survivors)
            // §855: record the best way to reach this breakpoint per fitness class.
            if minimum < .infinity {
                let after = lineStart(after: position, nodes)
                for fitness in 0..<4 where bestFrom[fitness] >= 0
                    && best[fitness] <= minimum + parameters.adjacentDemerits {
                    records.append(Record(position: position, line: records[bestFrom[fitness]].line + 1,
                                          fitness: fitness, totalDemerits: best[fitness],
                                          previous: bestFrom[fitness],
                                          flagged: node.kind == .penalty && node.flagged,
                                          hyphenated: addsHyphen, lineStart: after))
                    active.append(records.count - 1)
                }
            }
            if active.isEmpty { return nil }
        }

        // §874: the best of the breaks at the final forced break.
        guard let chosen = active.filter({ records[$0].position == count - 1 })
            .min(by: { records[$0].totalDemerits < records[$1].totalDemerits }) else { return nil }
        var result = [Int]()
        var index = chosen
        while index > 0 {
            result.append(records[index].position)
            index = records[index].previous
        }
        return result.reversed()
    }

    /// The widest word space of the justified lines ending at `breaks`, relative to its natural
    /// width (interword glue stretches in proportion to its width): 1 when no
    /// line stretches. Lines ending in a forced break (set flush, with `\hfil`) are not justified.
    static func widestSpaceRatio(_ nodes: [Node], _ breaks: [Int], _ parameters: BreakParameters) -> Double {
        var widest = 1.0
        var start = lineStart(after: -1, nodes)
        for (number, end) in breaks.enumerated() {
            defer { start = lineStart(after: end, nodes) }
            guard !nodes[end].isForcedBreak, start < end else { continue }
            var last = end - 1
            while last >= start, nodes[last].kind != .box { last -= 1 }  // \unskip
            guard last >= start else { continue }
            var natural = nodes[end].kind == .penalty ? nodes[end].width : 0
            var stretch = 0.0, spaceWidth = 0.0, fill = false
            for node in nodes[start...last] {
                if node.kind == .glue, node.isFill { fill = true }
                guard node.kind != .penalty, !node.isFill else { continue }
                natural += node.width
                if node.kind == .glue { stretch += node.stretch; spaceWidth += node.width }
            }
            let target = number == 0 ? parameters.firstLineWidth : parameters.lineWidth
            guard !fill, stretch > 0, spaceWidth > 0, natural < target else { continue }
            // Every space stretches by the same share of its width: (target − natural) / total space width.
            widest = max(widest, 1 + (target - natural) / spaceWidth)
        }
        return widest
    }

    /// Whether the line before the last ends with an added hyphen.
    static func hyphenBeforeLastLine(_ nodes: [Node], _ breaks: [Int]) -> Bool {
        guard breaks.count >= 2 else { return false }
        let node = nodes[breaks[breaks.count - 2]]
        return node.kind == .penalty && node.ref >= 0
    }

    /// The first node of a line that follows a break at `position`: glue and
    /// penalties after a break are discarded (§879), up to the next box or
    /// forced break.
    static func lineStart(after position: Int, _ nodes: [Node]) -> Int {
        var index = position + 1
        while index < nodes.count {
            let node = nodes[index]
            if node.kind == .box || node.isForcedBreak { break }
            index += 1
        }
        return index
    }
}
