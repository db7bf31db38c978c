// Phase 1: itemization. The text is cut into items, each with a single bidi
// level (UAX #9, resolved by FriBidi), script (UAX #24) and font (first font
// of the fallback chain that covers the character).

extension Paragraph {
    /// Builds the text, levels, scripts and fonts of a paragraph.
    /// - Throws: `MissingGlyphsError` for characters no font of their chain covers.
    init(spans: [TextSpan], direction: BaseDirection, fonts: FontTable) throws {
        self.fonts = fonts
        for span in spans {
            for scalar in span.text.unicodeScalars {
                scalars.append(scalar)
                text.append(scalar.value)
                styles.append(span.style)
            }
        }
        let bidi = BidiLevels(text: text, direction: direction)
        baseLevel = bidi.baseLevel
        levels = bidi.levels
        let scripts = resolveScripts()
        fontOf = try assignFonts(scripts: scripts)
        buildItems(scripts: scripts)
    }

    /// UAX #24 script of every scalar, with Common and Inherited characters
    /// (spaces, digits, punctuation, combining marks) joining a neighbouring
    /// run: the preceding one when it has the same bidi level, else the
    /// following one when that has, else the preceding one. Marks always
    /// follow their base.
    private func resolveScripts() -> [ScriptCode] {
        let count = text.count
        var scripts = text.map(ScriptCode.of)
        if !scripts.contains(where: { !$0.isSpecific }) { return scripts }
        // Nearest specific script before and after each position.
        var previous = [Int](repeating: -1, count: count)
        var next = [Int](repeating: -1, count: count)
        var last = -1
        for index in 0..<count {
            previous[index] = last
            if scripts[index].isSpecific { last = index }
        }
        last = -1
        for index in stride(from: count - 1, through: 0, by: -1) {
            next[index] = last
            if scripts[index].isSpecific { last = index }
        }
        let original = scripts
        for index in 0..<count where !original[index].isSpecific {
            let before = previous[index], after = next[index]
            let chosen: Int
            if original[index] == .inherited, before >= 0 {
                chosen = before
            } else if before >= 0, levels[before] == levels[index] {
                chosen = before
            } else if after >= 0, levels[after] == levels[index] {
                chosen = after
            } else {
                chosen = before >= 0 ? before : after
            }
            scripts[index] = chosen >= 0 ? original[chosen] : .latin
        }
        return scripts
    }

    /// The font of every scalar: the first font of the (script, style) chain
    /// covering it. Controls and default-ignorable characters (ZWJ, bidi
    /// controls, soft hyphen) and combining marks stay in the previous
    /// character's font; HarfBuzz hides the former.
    private func assignFonts(scripts: [ScriptCode]) throws -> [Int] {
        var result = [Int](repeating: 0, count: text.count)
        var missing = [Character]()
        var previousFont = -1
        for index in 0..<text.count {
            let value = text[index]
            let chain = fonts.chain(arabic: scripts[index] == .arabic, style: styles[index])
            var chosen = -1
            if (value > 0x20 && value < 0x7F) || (value > 0xA0 && value < 0x300 && value != 0xAD) {
                // Printable ASCII, Latin-1 and Latin Extended: no property lookup.
                chosen = fonts.firstCovering(chain, value)
            } else if CharacterClass.isSpace(value) || CharacterClass.isNoBreakSpace(value) {
                chosen = fonts.firstCovering(chain, value)
                if chosen < 0 { chosen = previousFont >= 0 ? previousFont : fonts.primary(chain) }
            } else {
                let properties = scalars[index].properties
                let category = properties.generalCategory
                if category == .control || CharacterClass.isDefaultIgnorable(value) || CharacterClass.isNewline(value) {
                    chosen = previousFont >= 0 ? previousFont : fonts.primary(chain)
                } else {
                    let isMark = category == .nonspacingMark || category == .enclosingMark
                        || category == .spacingMark
                    if isMark, previousFont >= 0, fonts.covers(previousFont, value) {
                        chosen = previousFont
                    } else {
                        chosen = fonts.firstCovering(chain, value)
                    }
                }
            }
            if chosen < 0 {
                let character = Character(scalars[index])
                if !missing.contains(character) { missing.append(character) }
                chosen = fonts.primary(chain)
            }
            result[index] = chosen
            previousFont = chosen
        }
        if !missing.isEmpty { throw MissingGlyphsError(characters: missing) }
        return result
    }

    /// Maximal runs of equal (level, font, script).
    private mutating func buildItems(scripts: [ScriptCode]) {
        items.removeAll()
        itemOf = [Int32](repeating: 0, count: text.count)
        var start = 0
        for index in 0...text.count {
            let boundary = index == text.count
                || (index > start && (levels[index] != levels[start] || fontOf[index] != fontOf[start]
                    || scripts[index] != scripts[start]))
            guard boundary, index > start else { continue }
            items.append(Item(range: start..<index, level: levels[start], font: fontOf[start],
                              script: scripts[start]))
            for position in start..<index { itemOf[position] = Int32(items.count - 1) }
            start = index
        }
    }
}
