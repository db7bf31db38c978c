// A process-wide cache of shaped words, shared by all paragraphs a Typesetter sets.
import Foundation

/// Shaped segments, keyed by the word they are in (HarfBuzz context), their
/// range in it, font, direction, script and language. Sizes don't matter:
/// glyphs are kept in em units.
///
/// Lookups hash the word straight from the paragraph's text, so a hit
/// allocates nothing. `@unchecked Sendable`: the table is only touched with
/// `lock` held.
final class ShapeCache: @unchecked Sendable {
    /// One segment to shape: `context` is the word's range in the paragraph
    /// text, `start..<end` the segment relative to it.
    struct Request {
        var context: Range<Int>
        var start: Int32
        var end: Int32
        var font: Int16
        var rightToLeft: Bool
        var script: UInt32
        var hash = 0
    }

    private struct Entry {
        var context: [UInt32]
        var start: Int32
        var end: Int32
        var font: Int16
        var rightToLeft: Bool
        var script: UInt32
        var language: String
        var glyphs: [ShapedGlyph]

        func matches(_ request: Request, _ text: UnsafeBufferPointer<UInt32>, _ language: String) -> Bool {
            guard start == request.start, end == request.end, font == request.font,
                  rightToLeft == request.rightToLeft, script == request.script,
                  context.count == request.context.count, self.language == language else { return false }
            var index = request.context.lowerBound
            for scalar in context {
                if scalar != text[index] { return false }
                index += 1
            }
            return true
        }
    }

    private let lock = NSLock()
    /// Two generations (see `GenerationalCache`, whose policy this follows with
    /// buckets that compare the word in place): the young one takes new entries
    /// and entries found in the old one; when it holds `generation` entries it
    /// becomes the old one. The words every document uses stay; the words of one
    /// patient's name or address leave after two generations.
    private var buckets: [Int: [Entry]] = [:]
    private var oldBuckets: [Int: [Entry]] = [:]
    private var entryCount = 0
    private let generation: Int
    /// First documents of the segments not yet admitted (used by `insert(_:text:language:document:)`).
    private var doorkeeper: Doorkeeper

    /// - Parameter generation: entries per generation (the vocabulary of the
    ///   shipped documents in one language is a few thousand segments; a service
    ///   printing in several languages re-shapes some words, never prints differently).
    init(generation: Int = 10_000) {
        self.generation = generation
        doorkeeper = Doorkeeper(generation: min(generation, 10_000))
    }

    /// Fills in `hash` of each request.
    static func hash(_ requests: inout [Request], text: [UInt32], language: String) {
        var languageHasher = Hasher()
        languageHasher.combine(language)
        let languageHash = languageHasher.finalize()
        text.withUnsafeBufferPointer { buffer in
            for index in requests.indices {
                let request = requests[index]
                var hasher = Hasher()
                hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[request.context])))
                hasher.combine(request.start)
                hasher.combine(request.end)
                hasher.combine(request.font)
                hasher.combine(request.rightToLeft)
                hasher.combine(request.script)
                hasher.combine(languageHash)
                requests[index].hash = hasher.finalize()
            }
        }
    }

    func lookup(_ requests: [Request], text: [UInt32], language: String) -> [[ShapedGlyph]?] {
        lock.lock()
        defer { lock.unlock() }
        return text.withUnsafeBufferPointer { buffer in
            requests.map { request in
                if let young = buckets[request.hash]?.first(where: { $0.matches(request, buffer, language) }) {
                    return young.glyphs
                }
                guard let old = oldBuckets[request.hash]?.first(where: { $0.matches(request, buffer, language) }) else {
                    return nil
                }
                add(old, hash: request.hash)
                return old.glyphs
            }
        }
    }

    /// Stores freshly shaped segments. With `document` (a `DocumentScope`'s id), a segment is
    /// stored only when another document shaped it before (`Doorkeeper`): words of one
    /// patient's values stay out of the shared cache.
    func insert(_ fresh: [(Request, [ShapedGlyph])], text: [UInt32], language: String, document: Int? = nil) {
        lock.lock()
        defer { lock.unlock() }
        for (request, glyphs) in fresh {
            if let document, !doorkeeper.admits(request.hash, from: document) { continue }
            add(Entry(context: Array(text[request.context]), start: request.start, end: request.end,
                      font: request.font, rightToLeft: request.rightToLeft, script: request.script,
                      language: language, glyphs: glyphs),
                hash: request.hash)
        }
    }

    /// Entries held now, both generations.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entryCount + oldBuckets.values.reduce(0) { $0 + $1.count }
    }

    /// Adds to the young generation, starting a new one when it is full (call with `lock` held).
    private func add(_ entry: Entry, hash: Int) {
        if entryCount >= generation {
            oldBuckets = buckets
            buckets = [:]
            entryCount = 0
        }
        buckets[hash, default: []].append(entry)
        entryCount += 1
    }
}
