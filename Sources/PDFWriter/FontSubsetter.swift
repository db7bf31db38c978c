// Font subsetting with hb-subset. The only file that uses hb-subset.h.
//
// ISO 32000-1 §9.6.4 (font subsets) and §9.9 (embedded font programs): the
// embedded TrueType program only needs the glyphs the document shows. With
// HB_SUBSET_FLAGS_RETAIN_GIDS every kept glyph keeps its id, so a CID in the
// content stream is the original glyph id and `/CIDToGIDMap /Identity` holds.
import CHarfBuzz
import Foundation

/// A font face for repeated subsetting. `hb_subset_preprocess` makes each later
/// subset about 3× faster but costs several subsets' worth of time itself, so it
/// runs on the second use of a font, not the first: a one-shot command-line
/// render never pays for it; a long-running process pays once per font.
/// (Both paths give byte-identical subsets; a test checks it.)
final class FontSubsetter: @unchecked Sendable {
    /// The face subsets are made from: the source face until the preprocessed
    /// one replaces it. Owned (referenced), destroyed in deinit; guarded by `lock`.
    private var face: OpaquePointer
    private var uses = 0
    private var preprocessed = false
    /// hb-subset does not document concurrent subsetting of one face as safe, so
    /// calls are serialised per font (they take well under 1 ms).
    private let lock = NSLock()

    /// Tables the PDF never needs: shaping is done before the writer is called
    /// (GSUB/GPOS/GDEF/kern and their AAT and other counterparts), plus tables
    /// for other output devices.
    private static let droppedTables: [StaticString] = [
        "GSUB", "GPOS", "GDEF", "kern", "morx", "mort", "kerx", "feat", "trak",
        "JSTF", "BASE", "MATH", "DSIG", "hdmx", "VDMX", "LTSH", "PCLT",
        "EBDT", "EBLC", "EBSC", "SVG ", "meta",
    ]

    /// - Parameter source: the font's face; referenced, not copied.
    init(source: OpaquePointer) throws {
        face = hb_face_reference(source)
    }

    deinit { hb_face_destroy(face) }

    /// Recent compressed subsets by glyph set: documents of one kind and language use
    /// nearly always the same glyphs, whoever the patient is. Guarded by `lock`.
    private var recent: [[UInt16]: (length: Int, compressed: [UInt8])] = [:]

    /// The Flate-compressed subset for `glyphs` (sorted, unique) and its decoded length,
    /// reused when the same glyph set was embedded recently (same bytes by construction).
    func compressedSubset(glyphs: [UInt16], fontName: String) throws -> (length: Int, compressed: [UInt8]) {
        if let hit = lock.withLock({ recent[glyphs] }) { return hit }
        let program = try subset(glyphs: glyphs, fontName: fontName)
        let result = (length: program.count, compressed: try Flate.compress(program))
        lock.withLock {
            if recent.count >= 16 { recent.removeAll() }
            recent[glyphs] = result
        }
        return result
    }

    /// Switches to a preprocessed face from the second subset on (call with `lock` held).
    private func prepareIfReused() {
        uses += 1
        guard uses == 2, !preprocessed, let prepared = hb_subset_preprocess(face) else { return }
        hb_face_destroy(face)
        face = prepared
        preprocessed = true
    }

    /// Returns a TrueType font program with glyph 0 and `glyphs`, every glyph id
    /// unchanged, no layout tables and no hinting instructions.
    func subset(glyphs: [UInt16], fontName: String) throws -> [UInt8] {
        guard let input = hb_subset_input_create_or_fail() else {
            throw PDFWriterError(.subsetFailed, "cannot create a subset input for \(fontName)")
        }
        defer { hb_subset_input_destroy(input) }

        let glyphSet = hb_subset_input_glyph_set(input)
        hb_set_add(glyphSet, 0)
        for glyph in glyphs { hb_set_add(glyphSet, hb_codepoint_t(glyph)) }
        // No hinting: PDF viewers rasterise at arbitrary scales and mostly ignore
        // TrueType instructions; dropping them makes the subset noticeably smaller.
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue | HB_SUBSET_FLAGS_NO_HINTING.rawValue)
        let dropSet = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in Self.droppedTables { hb_set_add(dropSet, openTypeTag(tag)) }

        let result: OpaquePointer? = lock.withLock {
            prepareIfReused()
            return hb_subset_or_fail(face, input)
        }
        guard let result else {
            throw PDFWriterError(.subsetFailed, "hb-subset could not subset \(fontName)")
        }
        defer { hb_face_destroy(result) }
        let maxGlyph = glyphs.max() ?? 0
        guard hb_face_get_glyph_count(result) > UInt32(maxGlyph) else {
            throw PDFWriterError(.subsetFailed, "hb-subset did not retain glyph ids in \(fontName)")
        }
        let blob = hb_face_reference_blob(result)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else {
            throw PDFWriterError(.subsetFailed, "hb-subset produced an empty font for \(fontName)")
        }
        return Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
    }
}

/// An OpenType table tag from its four ASCII characters (HarfBuzz's HB_TAG).
func openTypeTag(_ text: StaticString) -> hb_tag_t {
    precondition(text.utf8CodeUnitCount == 4, "OpenType tags have four characters")
    return text.withUTF8Buffer { bytes in
        bytes.reduce(0) { ($0 << 8) | hb_tag_t($1) }
    }
}
