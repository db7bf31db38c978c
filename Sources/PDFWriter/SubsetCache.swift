// The compressed font subsets a process embedded last, per font.
import Foundation

/// Recent compressed subsets of one font by glyph set, at most 16: a writer that
/// issues documents of a few kinds and languages keeps hitting the same sets; a
/// set not seen recently is subset and compressed again. Locked: documents are
/// written concurrently.
final class SubsetCache: @unchecked Sendable {
    private var recent: [[UInt16]: (length: Int, compressed: [UInt8])] = [:]
    private let lock = NSLock()

    func lookup(_ glyphs: [UInt16]) -> (length: Int, compressed: [UInt8])? {
        lock.withLock { recent[glyphs] }
    }

    func store(_ glyphs: [UInt16], _ subset: (length: Int, compressed: [UInt8])) {
        lock.withLock {
            if recent.count >= 16 { recent.removeAll() }
            recent[glyphs] = subset
        }
    }
}
