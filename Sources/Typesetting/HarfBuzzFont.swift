// The only file of the module that imports HarfBuzz.
//
// Everything HarfBuzz hands back is converted to Swift values here, at once:
// font metrics and coverage when a face is loaded, `[ShapedGlyph]` after
// shaping, a script code when asking the Unicode functions. C handles are
// owned by final classes and destroyed in `deinit`.
import CHarfBuzz

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

    let fileData: [UInt8]
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

    /// Loads a font file; returns nil when the file cannot be read or is no font.
    init?(path: String) {
        guard let blob = hb_blob_create_from_file_or_fail(path) else { return nil }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else {
            hb_blob_destroy(blob)
            return nil
        }
        let face = hb_face_create(blob, 0)!
        guard hb_face_get_glyph_count(face) > 0 else {
            hb_face_destroy(face)
            hb_blob_destroy(blob)
            return nil
        }
        let font = hb_font_create(face)!
        hb_font_make_immutable(font)
        self.blob = blob
        self.face = face
        self.font = font

        fileData = data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: Int(length)))
        }
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
