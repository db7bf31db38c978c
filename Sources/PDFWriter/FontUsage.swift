// What one document uses of one font: the glyph set to subset and the text each
// glyph stands for (for the ToUnicode CMap). Filled while content streams are
// built; read once when the font objects are written.

/// Per-document record of one ``PDFFont``: its resource name, its objects, the
/// glyphs shown and their text. A class so the content-stream loop can update it
/// in place without copy-on-write of a dictionary value.
final class FontUsage {
    let font: PDFFont
    /// Resource name number: the font is `/F<resourceNumber>` in page resources.
    let resourceNumber: Int
    /// Object numbers of the font's five objects.
    let objects: Objects
    /// Bit per glyph id: shown at least once.
    private var used: [UInt64]
    /// Bit per glyph id: a non-empty text is already recorded (first one wins).
    private var hasText: [UInt64]
    /// The first non-empty text seen for each glyph.
    private(set) var texts: [UInt16: String] = [:]

    struct Objects {
        var type0: Int, cidFont: Int, descriptor: Int, fontFile: Int, toUnicode: Int
    }

    init(font: PDFFont, resourceNumber: Int, objects: Objects) {
        self.font = font
        self.resourceNumber = resourceNumber
        self.objects = objects
        let words = (font.glyphCount + 63) / 64
        used = [UInt64](repeating: 0, count: words)
        hasText = [UInt64](repeating: 0, count: words)
    }

    /// Records that `glyph` is shown. The caller has checked `glyph < font.glyphCount`.
    @inline(__always)
    func markUsed(_ glyph: UInt16) {
        used[Int(glyph &>> 6)] |= UInt64(1) &<< UInt64(glyph & 63)
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
