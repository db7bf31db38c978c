// What one document uses of one font: the glyph set to subset, the one-byte code
// each glyph is shown with, and the text each glyph stands for (for the ToUnicode
// CMaps). The glyph set is gathered before any content stream is written, so that
// codes can be given in glyph order; texts are filled while content streams are built.

/// Per-document record of one ``PDFFont``: its objects, its encodings, the glyphs
/// shown and their text. A class so the content-stream loop can update it in place
/// without copy-on-write of a dictionary value.
///
/// Glyphs are shown with one-byte codes rather than Identity-H's two bytes: the page
/// content, most of a document's bytes, is a fifth smaller compressed (issue 9's
/// bytes per page). A font whose document uses more glyphs than one byte can address
/// gets several encodings, each a Type0 font of its own over the same CIDFont and
/// font program (ISO 32000-1 §9.7.6.1 allows any CMap over a CIDFont).
final class FontUsage {
    let font: PDFFont
    /// Object numbers of the objects all encodings share.
    let objects: Objects
    /// The font's encodings, in code order; empty until ``assignCodes(resourceNumber:allocate:)``.
    private(set) var encodings: [Encoding] = []
    /// Bit per glyph id: shown at least once.
    private var used: [UInt64]
    /// Bit per glyph id: a non-empty text is already recorded (first one wins).
    private var hasText: [UInt64]
    /// Per glyph id: encoding index × 256 + code, once codes are assigned.
    private var codes: [UInt16] = []
    /// The first non-empty text seen for each glyph.
    private(set) var texts: [UInt16: String] = [:]

    struct Objects {
        var cidFont: Int, descriptor: Int, fontFile: Int
    }

    /// One Type0 font over the shared CIDFont: up to ``codeSpace``.count glyphs (and the
    /// space), each shown with one byte (§9.7.6.2, an embedded CMap with a one-byte code space).
    struct Encoding {
        /// Resource name number: the encoding is `/F<resourceNumber>` in page resources.
        var resourceNumber: Int
        var type0: Int, cmap: Int, toUnicode: Int
        /// Code and glyph, ascending by code.
        var entries: [(code: UInt8, glyph: UInt16)]
    }

    /// The byte values given to glyphs, ascending: every byte but the four a literal string
    /// would have to escape (`(`, `)`, `\`; CR, which a reader turns into LF, §7.3.4.2), LF,
    /// so that a content stream writes codes as they are, and 32, which only the font's
    /// space glyph gets (``spaceCode``).
    static let codeSpace: [UInt8] = (0...255).compactMap { byte in
        [0x0A, 0x0D, 0x20, 0x28, 0x29, 0x5C].contains(byte) ? nil : UInt8(byte)
    }

    /// The code of the space glyph (U+0020's nominal glyph) in the first encoding: the one
    /// code word spacing applies to (§9.3.3), so a justified line sets `Tw` once instead of
    /// a TJ number at every space.
    static let spaceCode: UInt8 = 0x20

    init(font: PDFFont, objects: Objects) {
        self.font = font
        self.objects = objects
        let words = (font.glyphCount + 63) / 64
        used = [UInt64](repeating: 0, count: words)
        hasText = [UInt64](repeating: 0, count: words)
    }

    /// Records that the glyphs with these ids will be shown. Glyph 0 and ids outside the
    /// font are left out (the content stream refuses them with their page and run).
    ///
    /// One access to the bit set for all of them: each `used[…] |=` on this class's stored
    /// property is otherwise a dynamic exclusivity check (`swift_beginAccess`/`endAccess`),
    /// and a consent marks some 18,000 glyphs — 3 % of the PDF writer's instructions.
    func markUsed<IDs: Sequence>(_ ids: IDs) where IDs.Element == UInt16 {
        let count = font.glyphCount
        used.withUnsafeMutableBufferPointer { bits in
            for id in ids where id != 0 && Int(id) < count {
                bits[Int(id &>> 6)] |= UInt64(1) &<< UInt64(id & 63)
            }
        }
    }

    /// Gives every glyph marked used a code, in glyph-id order, and allocates the
    /// objects of each encoding; `resourceNumber` is the next free resource number.
    func assignCodes(resourceNumber: inout Int, allocate: () -> Int) {
        codes = [UInt16](repeating: .max, count: font.glyphCount)
        var pending = glyphs[...]
        var space: UInt16?
        if let glyph = font.nominalGlyph(" "), let position = pending.firstIndex(of: glyph) {
            space = glyph
            pending.remove(at: position)
        }
        while !pending.isEmpty || space != nil {
            let index = encodings.count
            var entries = zip(Self.codeSpace, pending).map { (code: $0, glyph: $1) }
            pending = pending.dropFirst(entries.count)
            if let glyph = space {
                entries.append((Self.spaceCode, glyph))
                entries.sort { $0.code < $1.code }
                space = nil
            }
            for entry in entries { codes[Int(entry.glyph)] = UInt16(index * 256) + UInt16(entry.code) }
            encodings.append(Encoding(resourceNumber: resourceNumber, type0: allocate(), cmap: allocate(),
                                      toUnicode: allocate(), entries: entries))
            resourceNumber += 1
        }
    }

    /// Whether `glyph` (marked used) is shown with ``spaceCode``.
    @inline(__always)
    func isSpace(_ glyph: UInt16) -> Bool {
        Int(glyph) < codes.count && codes[Int(glyph)] == UInt16(Self.spaceCode)
    }

    /// The encoding index and code of a glyph marked used before codes were assigned.
    @inline(__always)
    func code(of glyph: UInt16) -> (encoding: Int, code: UInt8) {
        let entry = codes[Int(glyph)]
        return (Int(entry >> 8), UInt8(truncatingIfNeeded: entry))
    }

    /// Records the text of a glyph that forms a cluster on its own.
    ///
    /// When a glyph is seen with different texts, the first non-empty one is
    /// kept, so the CMap depends on nothing but the order of the input.
    @inline(__always)
    func recordText(_ glyph: UInt16, _ text: String) {
        guard !text.isEmpty, Int(glyph) < font.glyphCount else { return }
        let word = Int(glyph &>> 6)
        let bit = UInt64(1) &<< UInt64(glyph & 63)
        guard hasText[word] & bit == 0 else { return }
        hasText[word] |= bit
        texts[glyph] = text
    }

    /// Records the text of a cluster shown with several glyphs: one of them
    /// carries `text`, the others came with an empty text.
    ///
    /// A ToUnicode CMap maps glyphs, not occurrences, so leaving the whole text on
    /// the first glyph would make that glyph (often a mark, which HarfBuzz puts
    /// first in right-to-left runs) stand for the whole cluster everywhere.
    /// Instead each character goes to the cluster glyph the font's cmap maps it to
    /// (typically combining marks); the characters left over go, in logical order,
    /// to the first glyph that is not a mark (the base or ligature glyph).
    func recordCluster(_ glyphs: ArraySlice<PDFGlyph>, text: String) {
        let ids = glyphs.map(\.id)
        let scalars = Array(text.unicodeScalars)
        var owner = [Int](repeating: -1, count: scalars.count)  // scalar → index in ids
        for (position, glyph) in ids.enumerated() {
            if let index = scalars.indices.first(where: { owner[$0] < 0 && font.nominalGlyph(scalars[$0]) == glyph }) {
                owner[index] = position
            }
        }
        if owner.contains(-1) {
            // Left-over characters: combining marks go to a mark glyph (shadda and kasra
            // drawn as one ligature glyph both go to it), other characters to the base or
            // ligature glyph; each preferably to a glyph that has no character yet.
            // A glyph without advance is a mark even where GDEF does not say so (Noto Naskh's
            // shadda–kasra ligature).
            let marks = ids.map { font.isMark($0) || font.widths[Int($0)] == 0 }
            let claimed = Set(owner)
            let carrier = ids.indices.first { !claimed.contains($0) && !marks[$0] }
                ?? ids.indices.first { !marks[$0] } ?? 0
            for index in owner.indices where owner[index] < 0 {
                let isMark = scalars[index].properties.generalCategory == .nonspacingMark
                let candidates = ids.indices.filter { marks[$0] == isMark }
                owner[index] = candidates.first { !owner.contains($0) } ?? candidates.last ?? carrier
            }
        }
        for (position, glyph) in ids.enumerated() {
            var part = String.UnicodeScalarView()
            for index in scalars.indices where owner[index] == position { part.append(scalars[index]) }
            recordText(glyph, String(part))
        }
    }

    /// The glyph ids shown, ascending (without glyph 0).
    var glyphs: [UInt16] {
        var result: [UInt16] = []
        for (wordIndex, word) in used.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                let bit = rest.trailingZeroBitCount
                result.append(UInt16(wordIndex * 64 + bit))
                rest &= rest - 1
            }
        }
        return result
    }
}
