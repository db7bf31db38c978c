// What one document sets, kept apart from what documents share.
import Foundation

/// One document's view of the typesetter's caches (`Typesetter.forDocument()`).
///
/// The shared caches keep what recurs *across documents*: the fixed prose of the templates,
/// the labels. A paragraph or word that holds one patient's values (a name, a date, the
/// document id in the footer, a page's scan code) is set by one document only — often several
/// times within it (the footer note on every page, a paragraph measured and then laid out) —
/// and no later document looks it up. Admitting it to the shared caches only filled their
/// generations: a long batch grew by ~25 MiB from document 100 to 3,000 until the generations
/// were full of such entries (heaptrack, December 2026: 70 % of the memory held was layouts of
/// paragraphs with patient values, and the scan code's shaped glyphs).
///
/// So a scope admits an entry to the shared caches only when a *second* document sets it
/// (`Doorkeeper`); until then it lives in the scope's own memo, which serves the repeats
/// within the document and is freed with it. The fixed prose enters the shared caches with the
/// second document and stays; memory stays flat after it. Output is unchanged: every entry is
/// a pure function of its key, wherever it is kept.
///
/// `@unchecked Sendable`: the memo is only touched with `lock` held.
final class DocumentScope: @unchecked Sendable {
    /// Distinct for every scope of the process (the doorkeepers compare it).
    let id: Int
    private let lock = NSLock()
    private var layouts: [LayoutCache.Key: ParagraphLayout] = [:]
    private var widths: [LayoutCache.Key: Double] = [:]
    /// Shaped segments of this document not (yet) in the shared cache; one generation as
    /// large as any document's vocabulary, freed with the scope.
    let shapes = ShapeCache(generation: Int.max)

    private static let counter = Counter()

    init() { id = Self.counter.next() }

    func layout(_ key: LayoutCache.Key) -> ParagraphLayout? { lock.withLock { layouts[key] } }
    func keep(_ key: LayoutCache.Key, _ layout: ParagraphLayout) { lock.withLock { layouts[key] = layout } }
    func width(_ key: LayoutCache.Key) -> Double? { lock.withLock { widths[key] } }
    func keep(_ key: LayoutCache.Key, width: Double) { lock.withLock { widths[key] = width } }

    /// Process-wide scope numbers.
    private final class Counter: @unchecked Sendable {
        // @unchecked: `value` is only touched under `lock`.
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.withLock { value += 1; return value } }
    }
}

/// Which document first set an entry, by the entry's hash: an entry is admitted to a shared
/// cache when a document other than the first sets it. Hashes only (16 bytes an entry), in two
/// generations like the caches it guards, so it stays small however many documents pass; a
/// hash collision can only admit an entry one document early. Not thread-safe: the owner locks.
struct Doorkeeper {
    private var firstSeen: GenerationalCache<Int, Int>

    init(generation: Int) { firstSeen = GenerationalCache(generation: generation) }

    /// Whether the entry `hash`, set now by `document`, goes into the shared cache: yes when
    /// another document set it before; otherwise `document` is remembered as its first.
    mutating func admits(_ hash: Int, from document: Int) -> Bool {
        if let first = firstSeen.get(hash) { return first != document }
        firstSeen.put(hash, document)
        return false
    }
}
