// FlateDecode (ISO 32000-1 §7.4.4) through zlib's compress2. The only file that
// imports zlib.
import CZlib
import Foundation

enum Flate {
    /// A fixed compression level: the same input always gives the same bytes (for
    /// one zlib version). Level 1, zlib's fastest: measured on the example consent
    /// (osteodoc-bench), level 6 took a quarter of the whole render (9.8 → 7.4 ms for
    /// 11 pages) to save 8 KB (49.6 → 41.3 KB), far below the 120 KB budget.
    static let level: Int32 = 1

    /// zlib's best level, for data that is compressed once and reused (``compressedOnce(_:)``).
    static let bestLevel: Int32 = 9

    /// Compresses `data` into a zlib stream (RFC 1950), as FlateDecode expects.
    static func compress(_ data: [UInt8], level: Int32 = Flate.level) throws -> [UInt8] {
        let bound = Int(compressBound(uLong(data.count)))
        // zlib reads nothing when the length is 0 but wants a valid pointer.
        let source = data.isEmpty ? [0] : data
        var status: Int32 = Z_OK
        let result = [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
            var length = uLong(bound)
            status = source.withUnsafeBufferPointer { input in
                compress2(buffer.baseAddress, &length, input.baseAddress, uLong(data.count), level)
            }
            initialized = status == Z_OK ? Int(length) : 0
        }
        guard status == Z_OK else {
            throw PDFWriterError(.compressionFailed, "zlib compress2 failed with status \(status)")
        }
        return result
    }
}

extension Flate {
    /// `data` compressed at the best level, once per process: for streams that are the
    /// same in every document (the output intent's ICC profile), so a render neither
    /// compresses them again nor settles for level 1. Same input, same bytes.
    static func compressedOnce(_ data: [UInt8]) throws -> [UInt8] {
        if let known = OnceCache.shared.lookup(data) { return known }
        let compressed = try compress(data, level: bestLevel)
        OnceCache.shared.store(data, compressed)
        return compressed
    }

    /// The last few (raw, compressed) pairs; compared by content, so a changed input is never served stale.
    private final class OnceCache: @unchecked Sendable {
        // @unchecked: `entries` is only touched under `lock`.
        static let shared = OnceCache()
        private let lock = NSLock()
        private var entries: [(raw: [UInt8], compressed: [UInt8])] = []

        func lookup(_ raw: [UInt8]) -> [UInt8]? {
            lock.lock(); defer { lock.unlock() }
            return entries.first { $0.raw == raw }?.compressed
        }

        func store(_ raw: [UInt8], _ compressed: [UInt8]) {
            lock.lock(); defer { lock.unlock() }
            if entries.count >= 4 { entries.removeFirst() }
            entries.append((raw, compressed))
        }
    }
}
