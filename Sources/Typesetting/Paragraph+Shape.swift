// Phase 2: words and shaping. The text becomes a sequence of words, spaces
// and newlines; each word is cut at item boundaries into segments, and every
// segment is shaped by HarfBuzz once (results cached across paragraphs and
// documents by `ShapeCache`). Spaces are not shaped: they become glue.

extension Paragraph {
    /// Finds words, spaces and newlines, computes UAX #14 break actions and
    /// shapes every segment: looked up in `cache`, then in the document's own memo
    /// (`scope`), shaped when in neither; fresh segments go to the memo, and to `cache`
    /// when it admits them (see `DocumentScope`; without a scope, at once).
    /// - Throws: `MissingGlyphsError` if a shaped glyph is .notdef.
    mutating func shape(language: String, cache: ShapeCache, scope: DocumentScope? = nil) throws {
        breakActions = lineBreakActions(text, language: language)
        tokenize()

        // Look up every segment in the cache with one lock, shape the misses
        // with one buffer, then store them with one lock.
        var requests = [ShapeCache.Request]()
        requests.reserveCapacity(segments.count)
        for word in words {
            for index in word.segments {
                let segment = segments[index]
                let item = items[segment.item]
                // The word around the segment, at most `shapingContext` scalars on each side.
                let context = max(word.range.lowerBound, segment.range.lowerBound - Self.shapingContext)
                    ..< min(word.range.upperBound, segment.range.upperBound + Self.shapingContext)
                requests.append(ShapeCache.Request(
                    context: context,
                    start: Int32(segment.range.lowerBound - context.lowerBound),
                    end: Int32(segment.range.upperBound - context.lowerBound),
                    font: Int16(item.font), rightToLeft: item.isRightToLeft, script: item.script.raw))
            }
        }
        ShapeCache.hash(&requests, text: text, language: language)
        var results = cache.lookup(requests, text: text, language: language)
        if let scope, results.contains(where: { $0 == nil }) {
            let missing = results.indices.filter { results[$0] == nil }
            let memo = scope.shapes.lookup(missing.map { requests[$0] }, text: text, language: language)
            for (index, glyphs) in zip(missing, memo) { results[index] = glyphs }
        }
        if results.contains(where: { $0 == nil }) {
            var fresh = [(ShapeCache.Request, [ShapedGlyph])]()
            let buffer = ShapingBuffer()
            let shapingLanguage = ShapingLanguage(language)
            for index in results.indices where results[index] == nil {
                let request = requests[index]
                let glyphs = fonts.fonts[Int(request.font)].face.shape(
                    Array(text[request.context]), range: Int(request.start)..<Int(request.end),
                    rightToLeft: request.rightToLeft, script: ScriptCode(raw: request.script),
                    language: shapingLanguage, buffer: buffer)
                results[index] = glyphs
                fresh.append((request, glyphs))
            }
            if let scope {
                scope.shapes.insert(fresh, text: text, language: language)
                cache.insert(fresh, text: text, language: language, document: scope.id)
            } else {
                cache.insert(fresh, text: text, language: language)
            }
        }
        var missing = [Character]()
        for index in segments.indices {
            let glyphs = results[index]!
            segments[index].glyphs = glyphs
            for glyph in glyphs where glyph.id == 0 {
                let character = Character(scalars[segments[index].range.lowerBound + Int(glyph.cluster)])
                if !missing.contains(character) { missing.append(character) }
            }
        }
        if !missing.isEmpty { throw MissingGlyphsError(characters: missing) }
    }

    /// Scalars of a word's text on each side of a segment given to HarfBuzz as
    /// context (Arabic joining, contextual forms). Bounded, so that shaping a word
    /// costs time linear in its length however long it is.
    static let shapingContext = 32
    /// Longest segment shaped in one piece: longer stretches of one item are cut,
    /// at the first scalar that starts a new grapheme after this length, and after
    /// `maximumSegment + 32` scalars in any case (a letter with thousands of
    /// combining marks). No real word comes near; it keeps every later step (cluster
    /// lookups, cuts, glyph ranges) linear in the length of an unbreakable run.
    static let maximumSegment = 128

    /// Whether a scalar continues the grapheme before it (combining marks, joiners,
    /// variation selectors, emoji modifiers), so that a segment is not cut before it.
    static func continuesCluster(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return false }
        if value == 0x200C || value == 0x200D || (0xFE00...0xFE0F).contains(value)
            || (0x1F3FB...0x1F3FF).contains(value) || (0xE0100...0xE01EF).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Splits the text into tokens; words into segments at item boundaries.
    private mutating func tokenize() {
        let count = text.count
        var index = 0
        while index < count {
            let value = text[index]
            if CharacterClass.isNewline(value) {
                tokens.append(.newline(index))
                index += (value == 0x0D && index + 1 < count && text[index + 1] == 0x0A) ? 2 : 1
            } else if CharacterClass.isSpace(value) {
                var end = index + 1
                while end < count, CharacterClass.isSpace(text[end]) { end += 1 }
                tokens.append(.space(index, breakable: breakActions[end - 1] == .allowed))
                for position in index + 1..<end { tokens.append(.space(position, breakable: false)) }
                index = end
            } else if CharacterClass.isNoBreakSpace(value) {
                tokens.append(.noBreakSpace(index))
                index += 1
            } else {
                var end = index + 1
                while end < count {
                    let next = text[end]
                    if CharacterClass.isSpace(next) || CharacterClass.isNewline(next)
                        || CharacterClass.isNoBreakSpace(next) { break }
                    end += 1
                }
                let firstSegment = segments.count
                var start = index
                for position in index + 1...end where position == end || itemOf[position] != itemOf[start]
                    || (position - start >= Self.maximumSegment
                        && (position - start >= Self.maximumSegment + 32 || !Self.continuesCluster(scalars[position]))) {
                    segments.append(Segment(range: start..<position, item: Int(itemOf[start]), glyphs: []))
                    start = position
                }
                tokens.append(.word(words.count))
                words.append(Word(range: index..<end, segments: firstSegment..<segments.count))
                index = end
            }
        }
    }
}
