import Foundation
// The public entry point of the module.

/// Sets paragraphs: itemizes (bidi, script, font), shapes with HarfBuzz,
/// breaks lines with Knuth–Plass (hyphenating when it must) and returns lines
/// of positioned glyph runs.
///
/// Create one per process and share it: shaped words and finished paragraphs are
/// cached inside. A document's layout runs on `forDocument()`, so that only what
/// recurs across documents stays in the caches (see `DocumentScope`).
/// `@unchecked Sendable`: the font table is immutable and the caches
/// serialise their own access; each call keeps its working state local.
public final class Typesetter: @unchecked Sendable {
    private let fonts: FontTable
    let cache: ShapeCache
    private let hyphenationDirectory: String
    private let compiledDictionaries: String?
    let layouts: LayoutCache
    /// The document this typesetter sets (nil: the shared one, which caches everything at once).
    let scope: DocumentScope?

    /// Ragged lines get this much stretch (in em) at their end
    /// (`\rightskip 0pt plus 3em`); their spaces keep their natural width.
    static let raggedStretch = 3.0
    /// `\emergencystretch` of the final pass, in em: extra stretch counted
    /// in every line's badness (not set), so that lines without spaces
    /// (a lone hyphenated fragment) can still be told good from bad.
    static let emergencyStretch = 3.0
    /// Tolerance of the second pass, without hyphenation: badness 800 lets word
    /// spaces stretch to about 1.9 × their width (TeX's `\tolerance` 200: 1.6 ×).
    static let unhyphenatedTolerance = 800.0
    /// Tolerance of the third pass, with hyphenation (spaces up to about 1.8 ×).
    static let hyphenatedTolerance = 400.0
    /// The widest a word space of a justified line may be, relative to its natural width;
    /// a paragraph that cannot be justified within it is set ragged.
    static let widestJustifiedSpace = 2.0
    /// The narrowest measure, in em, on which that ragged fallback applies.
    static let raggedFallbackFrom = 30.0
    /// On the final pass a hyphen before the last line (or, in a piece of a word
    /// wider than the measure, right after another hyphenated line) is no longer
    /// forbidden, but costs these demerits: more than a line of badness 800 (word
    /// spaces at 2 × their width, demerits 810² ≈ 656,000), so it is taken only
    /// instead of a line with spaces over twice their width.
    static let lastResortHyphenDemerits = 700_000.0

    /// A typesetter using `fonts` and the hyphenation dictionaries (`hyph_it_IT.dic`, …) in
    /// `hyphenationDirectory`. It reads no environment variable and writes a file only into
    /// `compiledDictionaryCache`, when given: libhyphen's compiled form of a large dictionary
    /// (German: 2 s to compile), read back by later processes in milliseconds.
    public init(fonts: FontLibrary, hyphenationDirectory: String = "/usr/share/hyphen",
                compiledDictionaryCache: String? = nil) {
        self.fonts = FontTable(fonts)
        cache = ShapeCache()
        layouts = LayoutCache()
        self.hyphenationDirectory = hyphenationDirectory
        compiledDictionaries = compiledDictionaryCache
        scope = nil
    }

    private init(sharing shared: Typesetter, scope: DocumentScope) {
        fonts = shared.fonts
        cache = shared.cache
        layouts = shared.layouts
        hyphenationDirectory = shared.hyphenationDirectory
        compiledDictionaries = shared.compiledDictionaries
        self.scope = scope
    }

    /// A typesetter for one document, sharing this one's fonts and caches: what it sets enters
    /// the shared caches only when another document sets it too, and its repeats within the
    /// document are served from its own memo, freed with it. Same output as this typesetter;
    /// memory flat over a long batch (a paragraph with one patient's name is never kept).
    public func forDocument() -> Typesetter {
        Typesetter(sharing: self, scope: DocumentScope())
    }

    /// The dictionary file a language should have but that is missing (nil when it is there,
    /// or when the language is never hyphenated, like Arabic).
    public func missingHyphenationDictionary(for language: String) -> String? {
        Hyphenator.missingFile(language, directory: hyphenationDirectory)
    }

    /// Shapes, breaks and justifies one paragraph for a measure (line width) in pt.
    ///
    /// No line is wider than `width`: a word that does not fit on a line by
    /// itself is cut at grapheme boundaries. An empty paragraph has no lines.
    /// - Throws: `MissingGlyphsError` when a character is in none of the fonts.
    public func layout(_ spans: [TextSpan], style: ParagraphStyle, width: Double) throws -> ParagraphLayout {
        // Most paragraphs of a document are the same for every patient (the information
        // text, the labels): a finished layout is reused when text, style and measure match.
        // Long paragraphs are not cached: they do not repeat, and hashing a String compares
        // it canonically (NFD), which is quadratic in a run of combining marks.
        guard LayoutCache.isCacheable(spans) else { return try layoutUncached(spans, style: style, width: width) }
        let key = LayoutCache.Key(spans: spans, style: style, width: width)
        if let cached = layouts.get(key) { return cached }
        if let kept = scope?.layout(key) { return kept }
        let result = try layoutUncached(spans, style: style, width: width)
        scope?.keep(key, result)
        layouts.put(key, result, document: scope?.id)
        return result
    }

    private func layoutUncached(_ spans: [TextSpan], style: ParagraphStyle, width: Double) throws -> ParagraphLayout {
        var paragraph = try Paragraph(spans: spans, direction: style.direction, fonts: fonts)
        guard !paragraph.text.isEmpty else { return ParagraphLayout(lines: [], width: width) }
        try paragraph.shape(language: style.language, cache: cache, scope: scope)

        let justified = style.alignment == .justified
        let indent = max(0, min(style.firstLineIndent, width))
        var parameters = BreakParameters(firstLineWidth: width - indent, lineWidth: width, tolerance: 100)
        if !justified { parameters.lineStretch = Self.raggedStretch * style.size }
        var options = NodeOptions(size: style.size, justified: justified, hyphenator: nil,
                                  hyphenateWiderThan: style.hyphenateOnlyOverwideWords ? width - indent : nil,
                                  emergencyWidth: nil)

        // First pass: no hyphenation, `\pretolerance` 100 (TeX §863).
        var list = paragraph.nodeList(options)
        var breaks = LineBreaker.breakpoints(list.nodes, parameters)
        // Second pass: still no hyphenation, a looser tolerance: a line with slightly wider
        // spaces reads better than a broken word for these readers (at most about 2
        // hyphenated lines per 100 body lines).
        if breaks == nil {
            parameters.tolerance = Self.unhyphenatedTolerance
            breaks = LineBreaker.breakpoints(list.nodes, parameters)
        }
        // Third pass: hyphenation points (never two hyphenated lines in a row, never
        // before the last line: `BreakParameters.strictHyphenation`).
        if breaks == nil {
            if style.hyphenate {
                options.hyphenator = Hyphenator.forLanguage(style.language, directory: hyphenationDirectory,
                                                                cacheDirectory: compiledDictionaries)
                if options.hyphenator != nil { list = paragraph.nodeList(options) }
            }
            parameters.tolerance = Self.hyphenatedTolerance
            breaks = LineBreaker.breakpoints(list.nodes, parameters)
        }
        // Final pass: any badness, words wider than the measure cut at graphemes.
        if breaks == nil {
            options.emergencyWidth = width - indent
            list = paragraph.nodeList(options)
            parameters.tolerance = .infinity
            parameters.isFinalPass = true
            parameters.strictHyphenation = false
            parameters.finalHyphenDemerits = Self.lastResortHyphenDemerits
            parameters.doubleHyphenDemerits = Self.lastResortHyphenDemerits
            parameters.emergencyStretch = Self.emergencyStretch * style.size
            breaks = LineBreaker.breakpoints(list.nodes, parameters)
        }
        // Ragged fallback: a justified paragraph whose best breaking still stretches a word space
        // past twice its width, or ends a line with a hyphen before the last line (the last
        // resort of the final pass), is set ragged instead — its spaces at their natural width.
        // Only on a measure of `raggedFallbackFrom` em or more: on a narrower one every other
        // paragraph would qualify (Layout sets such bands ragged from the start anyway).
        if justified, parameters.isFinalPass, width >= Self.raggedFallbackFrom * style.size, let found = breaks,
           LineBreaker.widestSpaceRatio(list.nodes, found, parameters) > Self.widestJustifiedSpace + 1e-9
            || LineBreaker.hyphenBeforeLastLine(list.nodes, found) {
            var ragged = style
            ragged.alignment = .start
            return try layoutUncached(spans, style: ragged, width: width)
        }
        let settings = LineSettings(size: style.size, measure: width, indent: indent, alignment: style.alignment)
        let lines = paragraph.lines(list, breaks: breaks ?? [], settings)
        return ParagraphLayout(lines: lines, width: width)
    }

    /// Natural width in pt of text set on one line (for labels, table column
    /// sizing, footers): words and spaces at their natural widths. With
    /// newlines in the text, the widest of its lines.
    /// - Throws: `MissingGlyphsError` when a character is in none of the fonts.
    public func measure(_ spans: [TextSpan], style: ParagraphStyle) throws -> Double {
        guard LayoutCache.isCacheable(spans) else { return try measureUncached(spans, style: style) }
        let key = LayoutCache.Key(spans: spans, style: style, width: -1)  // -1: a measure, not a layout
        if let cached = layouts.getWidth(key) { return cached }
        if let kept = scope?.width(key) { return kept }
        let width = try measureUncached(spans, style: style)
        scope?.keep(key, width: width)
        layouts.putWidth(key, width, document: scope?.id)
        return width
    }

    private func measureUncached(_ spans: [TextSpan], style: ParagraphStyle) throws -> Double {
        var paragraph = try Paragraph(spans: spans, direction: style.direction, fonts: fonts)
        guard !paragraph.text.isEmpty else { return 0 }
        try paragraph.shape(language: style.language, cache: cache, scope: scope)
        let list = paragraph.nodeList(NodeOptions(size: style.size, justified: false, hyphenator: nil,
                                                  hyphenateWiderThan: nil, emergencyWidth: nil))
        var widest = 0.0, current = 0.0
        for node in list.nodes {
            if node.isForcedBreak {
                widest = max(widest, current)
                current = 0
            } else if node.kind != .penalty {
                current += node.width
            }
        }
        return max(widest, current)
    }

    /// Loads the hyphenation dictionaries of these languages now (they are
    /// otherwise loaded on first need). libhyphen builds its automaton
    /// slowly for large pattern sets — about 2 s for German — so a server
    /// may call this at startup, off the request path. Returns the languages
    /// that have a dictionary.
    @discardableResult
    public func preloadHyphenation(languages: [String]) -> [String] {
        languages.filter {
            Hyphenator.forLanguage($0, directory: hyphenationDirectory, cacheDirectory: compiledDictionaries) != nil
        }
    }
}

/// Finished paragraph layouts (and single-line widths) by text, style and measure; bounded, thread-safe.
/// Layout is a pure function of the key, so a hit gives exactly what a new layout would.
final class LayoutCache: @unchecked Sendable {
    // @unchecked: the dictionary is only touched under `lock`.
    /// Texts compare by their UTF-8 bytes (``TextSpan``'s equality).
    struct Key: Hashable {
        var spans: [TextSpan]
        var style: ParagraphStyle
        var width: Double
    }

    /// Paragraphs up to this many UTF-8 bytes are cached (every paragraph of the
    /// shipped documents is far shorter).
    static let maximumTextBytes = 4_096

    static func isCacheable(_ spans: [TextSpan]) -> Bool {
        var bytes = 0
        for span in spans {
            bytes += span.text.utf8.count
            if bytes > maximumTextBytes { return false }
        }
        return true
    }

    private let lock = NSLock()
    /// Paragraph layouts by key: a generation holds every distinct paragraph of several
    /// documents in several languages (a consent has about 300), so the fixed prose stays
    /// while paragraphs holding one patient's values age out: memory stays flat over a
    /// long batch (`LayoutCacheTests.testMemoryIsBoundedOverManyDistinctParagraphs`).
    private var entries = GenerationalCache<Key, ParagraphLayout>(generation: LayoutCache.generation)
    private var widths = GenerationalCache<Key, Double>(generation: LayoutCache.generation)
    static let generation = 2_000
    /// First documents of the layouts and widths not yet admitted (see `DocumentScope`).
    private var doorkeeper = Doorkeeper(generation: 2 * LayoutCache.generation)

    /// Layouts and widths held now.
    var count: Int {
        lock.lock(); defer { lock.unlock() }
        return entries.count + widths.count
    }

    func get(_ key: Key) -> ParagraphLayout? {
        lock.lock(); defer { lock.unlock() }
        return entries.get(key)
    }

    func getWidth(_ key: Key) -> Double? {
        lock.lock(); defer { lock.unlock() }
        return widths.get(key)
    }

    /// Stores a width; with `document`, only when another document measured it before.
    func putWidth(_ key: Key, _ width: Double, document: Int? = nil) {
        lock.lock(); defer { lock.unlock() }
        if let document, !doorkeeper.admits(key.hashValue, from: document) { return }
        widths.put(key, width)
    }

    /// Stores a layout; with `document`, only when another document set it before.
    func put(_ key: Key, _ layout: ParagraphLayout, document: Int? = nil) {
        lock.lock(); defer { lock.unlock() }
        if let document, !doorkeeper.admits(key.hashValue, from: document) { return }
        entries.put(key, layout)
    }
}
