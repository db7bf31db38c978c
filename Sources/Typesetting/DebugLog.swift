// A text dump of a laid-out paragraph, for golden tests (ours and Layout's).

/// A stable, human-readable log of a paragraph layout: one header, then per
/// line its width, metrics and flags, then per run (visual order) its
/// position, width, font key, size, direction, glyph count and text (logical
/// order). Numbers are rounded to 0.01 pt.
public func debugLog(_ layout: ParagraphLayout) -> String {
    var out = "paragraph measure=\(format(layout.width)) lines=\(layout.lines.count)\n"
    for (number, line) in layout.lines.enumerated() {
        out += "line \(number + 1) width=\(format(line.width)) ascent=\(format(line.ascent))"
        out += " descent=\(format(line.descent))"
        if line.hyphenated { out += " hyphenated" }
        if line.isLast { out += " last" }
        out += "\n"
        for run in line.runs {
            out += "  run x=\(format(run.x)) width=\(format(run.width)) font=\(run.font.key)"
            out += " size=\(format(run.size)) \(run.isRightToLeft ? "rtl" : "ltr") level=\(run.bidiLevel)"
            out += " glyphs=\(run.glyphs.count) text=\"\(run.text)\"\n"
        }
    }
    return out
}

/// A number with two decimals, "-0.00" normalised to "0.00".
func format(_ value: Double, decimals: Int = 2) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    var scaled = (value * scale).rounded()
    if scaled == 0 { scaled = 0 }
    let negative = scaled < 0
    let magnitude = Int(abs(scaled))
    let whole = magnitude / Int(scale)
    let fraction = magnitude % Int(scale)
    var text = String(whole)
    if decimals > 0 { text += "." + String(fraction).leftPadded(to: decimals) }
    return negative ? "-" + text : text
}
