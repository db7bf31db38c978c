// The entry blocks of a CMap program (Adobe Technical Note #5014 §6.3): `n beginX`,
// at most 100 entries, `endX` — shared by the encoding and the ToUnicode CMaps.

extension Array where Element == UInt8 {
    /// At most 100 entries per begin…end block (Adobe TN #5014, implementation limits).
    static let cmapBlockLimit = 100

    /// Appends `entries` in blocks framed by `begin` and `end` (e.g. " beginbfchar\n",
    /// "endbfchar\n"), each entry written by `write`.
    mutating func cmapBlocks<Entry>(_ entries: [Entry], begin: StaticString, end: StaticString,
                                    _ write: (Entry, inout [UInt8]) -> Void) {
        for start in stride(from: 0, to: entries.count, by: Self.cmapBlockLimit) {
            let block = entries[start..<Swift.min(start + Self.cmapBlockLimit, entries.count)]
            pdfInt(block.count)
            ascii(begin)
            for entry in block { write(entry, &self) }
            ascii(end)
        }
    }
}
