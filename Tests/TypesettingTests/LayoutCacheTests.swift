import XCTest
@testable import Typesetting

/// A reused layout is the layout: same text, style and measure give the same lines; any difference misses.
final class LayoutCacheTests: XCTestCase {
    func testReuseIsExactAndKeyedByEverything() throws {
        let fonts = try FontLibrary()
        let fresh = Typesetter(fonts: fonts), reused = Typesetter(fonts: fonts)
        let text = [TextSpan("La cementoplastica rinforza l'osso con un cemento speciale, iniettato con un ago sottile.")]
        let style = ParagraphStyle(size: 11.5, language: "it", direction: .leftToRight, alignment: .justified)
        let first = try reused.layout(text, style: style, width: 200)
        let second = try reused.layout(text, style: style, width: 200)
        XCTAssertEqual(debugLog(first), debugLog(second))
        XCTAssertEqual(debugLog(second), debugLog(try fresh.layout(text, style: style, width: 200)))
        XCTAssertNotEqual(debugLog(second), debugLog(try reused.layout(text, style: style, width: 150)), "measure is part of the key")
        var bold = text
        bold[0].style = .bold
        XCTAssertNotEqual(debugLog(second), debugLog(try reused.layout(bold, style: style, width: 200)), "style is part of the key")
        var ragged = style
        ragged.alignment = .start
        XCTAssertNotEqual(debugLog(second), debugLog(try reused.layout(text, style: ragged, width: 200)))
    }

    /// Keys compare texts by their bytes: canonically equivalent texts ("é" precomposed and
    /// decomposed) are different paragraphs to set; equal keys hash alike, span borders count.
    func testKeysCompareTextsByTheirBytes() {
        let style = ParagraphStyle(size: 11.5, language: "it", direction: .leftToRight, alignment: .justified)
        func key(_ texts: String...) -> LayoutCache.Key { LayoutCache.Key(spans: texts.map { TextSpan($0) }, style: style, width: 200) }
        XCTAssertEqual(key("Caffè già"), key("Caffè" + " già"))
        XCTAssertEqual(key("Caffè già").hashValue, key("Caffè" + " già").hashValue)
        XCTAssertNotEqual(key("Caff\u{E8}"), key("Caffe\u{300}"), "precomposed and decomposed: other glyphs, other text")
        XCTAssertNotEqual(key("ab", "c"), key("a", "bc"), "where a span ends is part of the key")
        XCTAssertNotEqual(key("ab"), key("ab", ""))
        XCTAssertEqual(key(""), key(""))
    }

    /// Issue 9 (flat memory): a long run of distinct paragraphs — one patient's values each —
    /// keeps at most two generations of layouts and shaped words, while the paragraph every
    /// document repeats stays cached throughout.
    func testMemoryIsBoundedOverManyDistinctParagraphs() throws {
        let typesetter = Typesetter(fonts: try FontLibrary())
        let style = ParagraphStyle(size: 11.5, language: "it", direction: .leftToRight, alignment: .justified)
        let fixed = [TextSpan("La cementoplastica rinforza l'osso con un cemento speciale.")]
        let generation = LayoutCache.generation
        for n in 0..<(generation * 3) {
            _ = try typesetter.layout(fixed, style: style, width: 200)
            let patient = [TextSpan("Paziente Rossi\(n) Mario\(n), nata il \(n % 28 + 1)/\(n % 12 + 1)/19\(n % 90 + 10).")]
            _ = try typesetter.layout(patient, style: style, width: 200)
            _ = try typesetter.measure(patient, style: style)
        }
        XCTAssertLessThanOrEqual(typesetter.layouts.count, 4 * generation, "layouts and widths, two generations each")
        XCTAssertLessThanOrEqual(typesetter.cache.count, 2 * 10_000, "shaped segments, two generations")
        let key = LayoutCache.Key(spans: fixed, style: style, width: 200)
        XCTAssertNotNil(typesetter.layouts.get(key), "the paragraph every document repeats stays")
    }

    /// Issue 9 (flat memory over a long batch): through `forDocument()`, what one document
    /// alone sets — however often within it — never enters the shared caches; what a second
    /// document sets too enters them and stays. Every layout is the one a fresh typesetter makes.
    func testDocumentScopesKeepOnlyWhatRecursAcrossDocuments() throws {
        let fonts = try FontLibrary()
        let shared = Typesetter(fonts: fonts), fresh = Typesetter(fonts: fonts)
        let style = ParagraphStyle(size: 11.5, language: "it", direction: .leftToRight, alignment: .justified)
        let fixed = [TextSpan("La cementoplastica rinforza l'osso con un cemento speciale.")]
        func patient(_ n: Int) -> [TextSpan] { [TextSpan("Paziente Rossi\(n) Mario\(n), cartella \(4_000_000 + n).")] }

        let first = shared.forDocument()
        for _ in 0..<3 {  // a footer note on every page: repeats within one document
            XCTAssertEqual(debugLog(try first.layout(fixed, style: style, width: 200)),
                           debugLog(try fresh.layout(fixed, style: style, width: 200)))
            XCTAssertEqual(debugLog(try first.layout(patient(0), style: style, width: 200)),
                           debugLog(try fresh.layout(patient(0), style: style, width: 200)))
            XCTAssertEqual(try first.measure(patient(0), style: style), try fresh.measure(patient(0), style: style))
        }
        XCTAssertEqual(shared.layouts.count, 0, "one document's paragraphs stay in its own memo")
        XCTAssertEqual(shared.cache.count, 0, "and so do its shaped words")

        let fixedKey = LayoutCache.Key(spans: fixed, style: style, width: 200)
        for n in 1...(3 * LayoutCache.generation) {
            let document = shared.forDocument()
            XCTAssertEqual(debugLog(try document.layout(fixed, style: style, width: 200)), debugLog(try fresh.layout(fixed, style: style, width: 200)))
            let text = patient(n)
            XCTAssertEqual(debugLog(try document.layout(text, style: style, width: 200)), debugLog(try fresh.layout(text, style: style, width: 200)))
            _ = try document.layout(text, style: style, width: 200)
            _ = try document.measure(text, style: style)
            XCTAssertNotNil(shared.layouts.get(fixedKey), "set by a second document: shared from then on")
        }
        XCTAssertEqual(shared.layouts.count, 1, "only the paragraph every document sets")
        // The fixed paragraph's words and the patient paragraph's fixed words ("Paziente",
        // "cartella") — never a name or a number of one patient.
        let words = Set("La cementoplastica rinforza l'osso con un cemento speciale. Paziente cartella".split(separator: " "))
        XCTAssertLessThanOrEqual(shared.cache.count, words.count + 2)
    }

    func testGenerationalCacheKeepsWhatIsUsedAndDropsTheRest() {
        var cache = GenerationalCache<Int, String>(generation: 3)
        cache.put(0, "fixed")
        for n in 1...20 {
            XCTAssertEqual(cache.get(0), "fixed", "after \(n - 1) others")
            cache.put(n, "once")
        }
        XCTAssertLessThanOrEqual(cache.count, 6)
        XCTAssertNil(cache.get(1), "used once, long ago")
        XCTAssertEqual(cache.get(20), "once")
    }
}
