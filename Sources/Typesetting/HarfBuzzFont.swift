// The only file of osteodoc that imports HarfBuzz (shaping, font tables and
// hb-subset): each font file is parsed once, here, for both the line breaker and
// the PDF writer, which receives the facts it needs as Swift values
// (`FontProgramFacts`) and subsets through `LoadedFont.subset(glyphs:)`.
//
// Everything HarfBuzz hands back is converted to Swift values here, at once:
// font metrics and coverage when a face is loaded, `[ShapedGlyph]` after
// shaping, a script code when asking the Unicode functions. C handles are
// owned by final classes and destroyed in `deinit`.
import CHarfBuzz
import Foundation

/// One glyph as HarfBuzz positioned it, in em units (font units / unitsPerEm),
/// so that a shaped word can be cached independently of the point size.
struct ShapedGlyph: Sendable {
    var id: UInt16
    /// Offset (in Unicode scalars) of the cluster start, relative to the shaped text.
    var cluster: Int32
    var advance: Float
    var xOffset: Float
    var yOffset: Float
}

/// ISO 15924 script as HarfBuzz encodes it (`hb_script_t` raw value).
struct ScriptCode: Hashable, Sendable {
    var raw: UInt32

    static let common = ScriptCode(raw: HB_SCRIPT_COMMON.rawValue)
    static let inherited = ScriptCode(raw: HB_SCRIPT_INHERITED.rawValue)
    static let unknown = ScriptCode(raw: HB_SCRIPT_UNKNOWN.rawValue)
    static let latin = ScriptCode(raw: HB_SCRIPT_LATIN.rawValue)
    static let arabic = ScriptCode(raw: HB_SCRIPT_ARABIC.rawValue)
    static let cyrillic = ScriptCode(raw: HB_SCRIPT_CYRILLIC.rawValue)

    /// Common and inherited characters take the script of their neighbours (UAX #24).
    var isSpecific: Bool { self != .common && self != .inherited && self != .unknown }

    /// The script of a code point per the Unicode Character Database (UAX #24).
    static func of(_ scalar: UInt32) -> ScriptCode {
        // Fast paths for the text osteodoc prints most.
        if scalar < 0x80 {
            let isLetter = (scalar >= 0x41 && scalar <= 0x5A) || (scalar >= 0x61 && scalar <= 0x7A)
            return isLetter ? .latin : .common
        }
        if scalar >= 0x00C0 && scalar <= 0x024F && scalar != 0xD7 && scalar != 0xF7 { return .latin }
        return ScriptCode(raw: hb_unicode_script(unicodeFuncs, scalar).rawValue)
    }
}

/// HarfBuzz's default Unicode functions are immutable and process-global.
nonisolated(unsafe) private let unicodeFuncs = hb_unicode_funcs_get_default()

/// A font face loaded into HarfBuzz, with everything the module needs from it
/// read once.
///
/// `@unchecked Sendable`: every stored property is set in `init` and never
/// mutated; the `hb_font_t` is made immutable (`hb_font_make_immutable`), and
/// HarfBuzz documents immutable fonts as safe to shape with from any thread.
final class HarfBuzzFace: @unchecked Sendable {
    private let blob: OpaquePointer
    private let face: OpaquePointer
    private let font: OpaquePointer
    /// hb-subset's state for this face (prepared on second use).
    private let subsetter: FontSubsetter

    /// Index of the face in its file (0 unless the file is a collection, .ttc).
    let faceIndex: Int
    let postScriptName: String
    let unitsPerEm: Int
    /// hhea/OS/2 ascender and descender in em (descender negative).
    let ascender: Double
    let descender: Double
    let spaceGlyph: UInt16
    /// The glyph for U+00A0 (the space glyph if the font has none of its own).
    let noBreakSpaceGlyph: UInt16
    let spaceAdvance: Double
    let hyphenGlyph: UInt16
    /// The hyphen glyph is U+002D's (else U+2010's).
    let hyphenIsMinus: Bool
    let hyphenAdvance: Double
    /// Coverage of the Basic Multilingual Plane as a bitmap, plus the rest as a set.
    let bmpCoverage: [UInt64]
    private let astralCoverage: Set<UInt32>

    /// Loads face `index` of a font file (a collection holds several); returns nil
    /// when the file cannot be read or has no such face. The file is mapped, not
    /// copied: a 20 MB CJK collection costs only the pages HarfBuzz reads.
    convenience init?(path: String, index: Int = 0) {
        guard let blob = hb_blob_create_from_file_or_fail(path) else { return nil }
        self.init(blob: blob, index: index)
    }

    /// Loads face `index` of font file bytes held in memory (copied once into
    /// HarfBuzz's blob); returns nil when they are not a font.
    convenience init?(bytes: [UInt8], index: Int = 0) {
        guard !bytes.isEmpty, bytes.count <= Int(UInt32.max) else { return nil }
        let created = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                hb_blob_create_or_fail($0.baseAddress, UInt32($0.count), HB_MEMORY_MODE_DUPLICATE, nil, nil)
            }
        }
        guard let blob = created else { return nil }
        self.init(blob: blob, index: index)
    }

    /// Takes ownership of `blob` (destroyed here when the face cannot be made).
    private init?(blob: OpaquePointer, index: Int) {
        var length: UInt32 = 0
        guard hb_blob_get_data(blob, &length) != nil, length > 0, index >= 0,
              UInt32(index) < hb_face_count(blob) else {
            hb_blob_destroy(blob)
            return nil
        }
        guard let face = hb_face_create(blob, UInt32(index)) else {
            hb_blob_destroy(blob)
            return nil
        }
        guard hb_face_get_glyph_count(face) > 0, hb_face_get_upem(face) > 0, let font = hb_font_create(face) else {
            hb_face_destroy(face)
            hb_blob_destroy(blob)
            return nil
        }
        hb_face_make_immutable(face)
        hb_font_make_immutable(font)
        self.blob = blob
        self.face = face
        self.font = font
        subsetter = FontSubsetter(source: face)

        faceIndex = index
        let upem = Int(hb_face_get_upem(face))
        unitsPerEm = upem
        var extents = hb_font_extents_t()
        hb_font_get_h_extents(font, &extents)
        ascender = Double(extents.ascender) / Double(upem)
        descender = Double(extents.descender) / Double(upem)

        var nameLength: UInt32 = 128
        var nameBuffer = [CChar](repeating: 0, count: 128)
        _ = hb_ot_name_get_utf8(face, hb_ot_name_id_t(HB_OT_NAME_ID_POSTSCRIPT_NAME), nil, &nameLength, &nameBuffer)
        postScriptName = String(decoding: nameBuffer.prefix(Int(nameLength)).map { UInt8(bitPattern: $0) }, as: UTF8.self)

        var bmp = [UInt64](repeating: 0, count: 1024)
        var astral = Set<UInt32>()
        let set = hb_set_create()!
        defer { hb_set_destroy(set) }
        hb_face_collect_unicodes(face, set)
        var codepoint = UInt32.max  // HB_SET_VALUE_INVALID: start of iteration
        while hb_set_next(set, &codepoint) != 0 {
            if codepoint < 0x10000 {
                bmp[Int(codepoint >> 6)] |= 1 << UInt64(codepoint & 63)
            } else {
                astral.insert(codepoint)
            }
        }
        bmpCoverage = bmp
        astralCoverage = astral

        func nominal(_ scalar: UInt32) -> (UInt16, Double) {
            var glyph: UInt32 = 0
            guard hb_font_get_nominal_glyph(font, scalar, &glyph) != 0 else { return (0, 0) }
            return (UInt16(glyph), Double(hb_font_get_glyph_h_advance(font, glyph)) / Double(upem))
        }
        (spaceGlyph, spaceAdvance) = nominal(0x20)
        let noBreakSpace = nominal(0xA0).0
        noBreakSpaceGlyph = noBreakSpace != 0 ? noBreakSpace : spaceGlyph
        // The hyphen added at a hyphenated break: HYPHEN-MINUS, else HYPHEN
        // (Noto Naskh Arabic has only the latter); 0 if the font has neither.
        let hyphenMinus = nominal(0x2D)
        hyphenIsMinus = hyphenMinus.0 != 0
        (hyphenGlyph, hyphenAdvance) = hyphenIsMinus ? hyphenMinus : nominal(0x2010)
    }

    deinit {
        hb_font_destroy(font)
        hb_face_destroy(face)
        hb_blob_destroy(blob)
    }

    /// Whether the font's cmap maps the code point to a glyph.
    func covers(_ scalar: UInt32) -> Bool {
        if scalar < 0x10000 {
            return bmpCoverage[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
        }
        return astralCoverage.contains(scalar)
    }

    /// Horizontal advance of a glyph in em.
    func advance(of glyph: UInt16) -> Double {
        Double(hb_font_get_glyph_h_advance(font, UInt32(glyph))) / Double(unitsPerEm)
    }

    /// The glyph the cmap assigns to `scalar`, if any (never glyph 0, `.notdef`).
    func nominalGlyph(_ scalar: UInt32) -> UInt16? {
        var glyph: hb_codepoint_t = 0
        guard hb_font_get_nominal_glyph(font, scalar, &glyph) != 0, glyph > 0, glyph <= 0xFFFF else { return nil }
        return UInt16(glyph)
    }

    /// Whether GDEF classes `glyph` as a mark or, in a font without GDEF glyph
    /// classes, the glyph has no advance.
    func isMark(_ glyph: UInt16) -> Bool {
        if hb_ot_layout_has_glyph_classes(face) != 0 {
            return hb_ot_layout_get_glyph_class(face, hb_codepoint_t(glyph)) == HB_OT_LAYOUT_GLYPH_CLASS_MARK
        }
        return hb_font_get_glyph_h_advance(font, hb_codepoint_t(glyph)) == 0
    }

    /// What a writer needs to embed this face, read from its tables (hmtx advances
    /// of every glyph, head, post, OS/2, name). Computed on each call: only fonts a
    /// document embeds are asked, once per writer.
    func programFacts() -> FontProgramFacts {
        let glyphCount = Int(hb_face_get_glyph_count(face))
        let glyphIDs = (0..<UInt32(glyphCount)).map { $0 }
        var advances = [Int32](repeating: 0, count: glyphCount)
        glyphIDs.withUnsafeBufferPointer { ids in
            advances.withUnsafeMutableBufferPointer { out in
                hb_font_get_glyph_h_advances(
                    font, UInt32(glyphCount), ids.baseAddress, UInt32(MemoryLayout<UInt32>.stride),
                    out.baseAddress, UInt32(MemoryLayout<hb_position_t>.stride))
            }
        }
        // Vertical metrics (hhea or OS/2 typo metrics, as HarfBuzz chooses).
        func metric(_ tag: hb_ot_metrics_tag_t) -> Int32? {
            var position: hb_position_t = 0
            return hb_ot_metrics_get_position(font, tag, &position) != 0 ? position : nil
        }
        func int16(_ bytes: [UInt8], _ offset: Int) -> Int16 {
            Int16(bitPattern: UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1]))
        }
        // head.xMin, yMin, xMax, yMax (offsets 36–43).
        let head = table("head", prefix: 54)
        let box = head.count >= 54 ? [int16(head, 36), int16(head, 38), int16(head, 40), int16(head, 42)] : nil
        let post = table("post", prefix: 16)
        let os2 = table("OS/2", prefix: 32)
        let outlines: FontProgramFacts.Outlines =
            !table("CFF ", prefix: 1).isEmpty ? .cff : !table("glyf", prefix: 1).isEmpty ? .trueType : .none
        return FontProgramFacts(
            postScriptName: name(hb_ot_name_id_t(HB_OT_NAME_ID_POSTSCRIPT_NAME)),
            fullName: name(hb_ot_name_id_t(HB_OT_NAME_ID_FULL_NAME)),
            unitsPerEm: unitsPerEm,
            advances: advances,
            ascender: metric(HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER),
            descender: metric(HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER),
            capHeight: metric(HB_OT_METRICS_TAG_CAP_HEIGHT),
            boundingBox: box,
            italicAngle: Double(hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE)),
            italicValue: Double(hb_style_get_value(font, HB_STYLE_TAG_ITALIC)),
            weightClass: Double(hb_style_get_value(font, HB_STYLE_TAG_WEIGHT)),
            isFixedPitch: post.count >= 16 && post[12..<16].contains { $0 != 0 },
            familyClass: os2.count >= 32 ? Int(os2[30]) : 0,
            outlines: outlines)
    }

    /// A font program with glyph 0 and `glyphs`, every glyph id unchanged, for a
    /// document whose text is already shaped (see `FontSubsetter`).
    func subset(glyphs: [UInt16]) throws -> [UInt8] {
        try subsetter.subset(glyphs: glyphs, fontName: postScriptName)
    }

    /// The first `prefix` bytes of a font table (empty when the table is absent).
    private func table(_ tag: StaticString, prefix: Int) -> [UInt8] {
        let blob = hb_face_reference_table(face, openTypeTag(tag))
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: min(Int(length), prefix)))
    }

    /// A name-table entry in UTF-8 (empty when absent).
    private func name(_ id: hb_ot_name_id_t) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        var size = UInt32(buffer.count)
        let length = hb_ot_name_get_utf8(face, id, nil, &size, &buffer)
        guard length > 0 else { return "" }
        return String(decoding: buffer.prefix(Int(size)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Shapes `text[range]` with the whole `text` as context (so that Arabic
    /// joining sees neighbouring letters of the same word across a style
    /// change). Direction, script and language are set explicitly; default
    /// features (kerning, ligatures, Arabic forms) stay on. Clusters come back
    /// relative to `range.lowerBound`; right-to-left output is in visual order.
    func shape(_ text: [UInt32], range: Range<Int>, rightToLeft: Bool, script: ScriptCode,
               language: ShapingLanguage, buffer: ShapingBuffer) -> [ShapedGlyph] {
        let buf = buffer.handle
        hb_buffer_clear_contents(buf)
        text.withUnsafeBufferPointer { pointer in
            hb_buffer_add_utf32(buf, pointer.baseAddress, Int32(pointer.count),
                                UInt32(range.lowerBound), Int32(range.count))
        }
        hb_buffer_set_direction(buf, rightToLeft ? HB_DIRECTION_RTL : HB_DIRECTION_LTR)
        hb_buffer_set_script(buf, hb_script_t(rawValue: script.raw))
        hb_buffer_set_language(buf, language.handle)
        // Default-ignorable characters (soft hyphen, ZWJ, bidi controls) take
        // part in shaping but leave no glyph: otherwise HarfBuzz would put a
        // zero-width space glyph in their place.
        hb_buffer_set_flags(buf, HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES)
        hb_shape(font, buf, nil, 0)

        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buf, &count),
              let positions = hb_buffer_get_glyph_positions(buf, &count) else { return [] }
        let scale = 1 / Float(unitsPerEm)
        let base = Int32(range.lowerBound)
        var glyphs = [ShapedGlyph]()
        glyphs.reserveCapacity(Int(count))
        for index in 0..<Int(count) {
            let info = infos[index], position = positions[index]
            glyphs.append(ShapedGlyph(
                id: UInt16(truncatingIfNeeded: info.codepoint),
                cluster: Int32(bitPattern: info.cluster) - base,
                advance: Float(position.x_advance) * scale,
                xOffset: Float(position.x_offset) * scale,
                yOffset: Float(position.y_offset) * scale))
        }
        return glyphs
    }
}

/// A BCP 47 language resolved to HarfBuzz's interned language tag.
struct ShapingLanguage: @unchecked Sendable {
    // hb_language_t points to an interned, never-freed static string.
    fileprivate let handle: OpaquePointer?

    init(_ tag: String) {
        handle = hb_language_from_string(tag, -1)
    }
}

/// One `hb_buffer_t`, reused for every word shaped during one layout call.
/// Not shared between threads: each call creates its own.
final class ShapingBuffer {
    fileprivate let handle: OpaquePointer

    init() {
        handle = hb_buffer_create()!
    }

    deinit {
        hb_buffer_destroy(handle)
    }
}

/// Font subsetting with hb-subset, for embedding a font in a document.
///
/// ISO 32000-1 §9.6.4 (font subsets) and §9.9 (embedded font programs): the
/// embedded program only needs the glyphs the document shows. With
/// HB_SUBSET_FLAGS_RETAIN_GIDS every kept glyph keeps its id, so a CID in a PDF
/// content stream is the original glyph id and `/CIDToGIDMap /Identity` holds.
///
/// `hb_subset_preprocess` makes each later subset about 3× faster but costs
/// several subsets' worth of time itself, so it runs on the second use of a
/// font, not the first: a one-shot command-line render never pays for it; a
/// long-running process pays once per font. (Both paths give byte-identical
/// subsets; a test checks it.)
final class FontSubsetter: @unchecked Sendable {
    /// The face subsets are made from: the source face until the preprocessed
    /// one replaces it. Owned (referenced), destroyed in deinit; guarded by `lock`.
    private var face: OpaquePointer
    private var uses = 0
    private var preprocessed = false
    /// hb-subset does not document concurrent subsetting of one face as safe, so
    /// calls are serialised per font (they take well under 1 ms).
    private let lock = NSLock()

    /// Tables an embedded font never needs: the text is shaped before it is
    /// written (GSUB/GPOS/GDEF/kern and their AAT and other counterparts), plus
    /// tables for other output devices.
    private static let droppedTables: [StaticString] = [
        "GSUB", "GPOS", "GDEF", "kern", "morx", "mort", "kerx", "feat", "trak",
        "JSTF", "BASE", "MATH", "DSIG", "hdmx", "VDMX", "LTSH", "PCLT",
        "EBDT", "EBLC", "EBSC", "SVG ", "meta",
    ]

    /// - Parameter source: the font's face; referenced, not copied.
    init(source: OpaquePointer) {
        face = hb_face_reference(source)
    }

    deinit { hb_face_destroy(face) }

    /// Switches to a preprocessed face from the second subset on (call with `lock` held).
    private func prepareIfReused() {
        uses += 1
        guard uses == 2, !preprocessed, let prepared = hb_subset_preprocess(face) else { return }
        hb_face_destroy(face)
        face = prepared
        preprocessed = true
    }

    /// Returns a font program with glyph 0 and `glyphs`, every glyph id
    /// unchanged, no layout tables and no hinting instructions.
    func subset(glyphs: [UInt16], fontName: String) throws -> [UInt8] {
        guard let input = hb_subset_input_create_or_fail() else {
            throw FontSubsetError("cannot create a subset input for \(fontName)")
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
            throw FontSubsetError("hb-subset could not subset \(fontName)")
        }
        defer { hb_face_destroy(result) }
        let maxGlyph = glyphs.max() ?? 0
        guard hb_face_get_glyph_count(result) > UInt32(maxGlyph) else {
            throw FontSubsetError("hb-subset did not retain glyph ids in \(fontName)")
        }
        let blob = hb_face_reference_blob(result)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else {
            throw FontSubsetError("hb-subset produced an empty font for \(fontName)")
        }
        return Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
    }
}

/// An OpenType table tag from its four ASCII characters (HarfBuzz's HB_TAG).
private func openTypeTag(_ text: StaticString) -> hb_tag_t {
    precondition(text.utf8CodeUnitCount == 4, "OpenType tags have four characters")
    return text.withUTF8Buffer { bytes in
        bytes.reduce(0) { ($0 << 8) | hb_tag_t($1) }
    }
}
