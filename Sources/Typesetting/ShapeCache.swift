// A process-wide cache of shaped words, shared by all paragraphs a Typesetter sets.
import Foundation

/// Shaped segments, keyed by the word they are in (HarfBuzz context), their
/// range in it, font, direction, script and language. Sizes don't matter:
/// glyphs are kept in em units.
///
/// `@unchecked Sendable`: the dictionary is only touched with `lock` held.
final class ShapeCache: @unchecked Sendable {
    struct Key: Hashable {
        var context: [UInt32]
        var start: Int32
        var end: Int32
        var font: Int16
        var rightToLeft: Bool
        var script: UInt32
        var language: String
    }

    private let lock = NSLock()
    private var entries: [Key: [ShapedGlyph]] = [:]
    /// When the cache holds more entries it is emptied (documents reuse a
    /// vocabulary of a few thousand words; this only bounds pathological input).
    private let capacity: Int

    init(capacity: Int = 200_000) {
        self.capacity = capacity
    }

    func lookup(_ keys: [Key]) -> [[ShapedGlyph]?] {
        lock.lock()
        defer { lock.unlock() }
        return keys.map { entries[$0] }
    }

    func insert(_ fresh: [(Key, [ShapedGlyph])]) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count + fresh.count > capacity { entries.removeAll(keepingCapacity: true) }
        for (key, glyphs) in fresh { entries[key] = glyphs }
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}
