// Reading what the PDF needs from a TrueType font program, with HarfBuzz's face
// and OpenType APIs. Values for the font dictionaries of ISO 32000-1 §9.7.4
// (CIDFonts) and §9.8 (font descriptors) are prepared once, here.
import CHarfBuzz

/// A font program the writer can embed (TrueType outlines, `glyf` table).
///
/// Create it once per process per font file and reuse it across documents: it
/// parses the font and prepares HarfBuzz's subsetter once. Fonts are identified
/// by instance: two `PDFFont`s made from the same file are embedded twice.
/// Immutable after `init`, so it can be shared between concurrent writes.
public final class PDFFont: @unchecked Sendable {
    /// The font's PostScript name (name ID 6), restricted to the characters a PDF
    /// font name may hold. The embedded subset is named `ABCDEF+postScriptName`.
    public let postScriptName: String
    /// Design units per em (`head.unitsPerEm`).
    let unitsPerEm: Int
    /// Number of glyphs; valid glyph ids are `1..<glyphCount`.
    let glyphCount: Int
    /// Horizontal advance of every glyph in glyph space (1000 units per em),
    /// rounded to 0.001: exactly the values written to `/W`, so the writer's pen
    /// positions agree with a reader's.
    let widths: [Double]
    /// Font descriptor values, in glyph space.
    let metrics: Metrics
    /// The face prepared for subsetting.
    let subsetter: FontSubsetter
    /// The outlines are CFF (an OpenType/CFF font such as Noto Sans CJK): embedded
    /// as a CIDFontType0 with a FontFile3 of subtype OpenType (ISO 32000-1 §9.9
    /// Table 126), instead of a CIDFontType2 with a FontFile2.
    let isCFF: Bool
    /// The face and font, kept for character-to-glyph questions (ToUnicode).
    private let harfBuzz: HarfBuzzFont

    /// Font descriptor entries (ISO 32000-1 §9.8.1, Table 122), 1000 units per em.
    struct Metrics {
        var bbox: (Double, Double, Double, Double)
        var italicAngle: Double
        var ascent: Double
        var descent: Double
        var capHeight: Double
        var stemV: Double
        var flags: Int
    }

    /// Parses face `faceIndex` of a font file (0 unless it is a collection, .ttc),
    /// with TrueType (`glyf`) or CFF outlines.
    /// - Throws: ``PDFWriterError`` with code `.invalidFont` when HarfBuzz finds no
    ///   glyphs, or the font has neither TrueType nor CFF outlines.
    public init(fileData: [UInt8], faceIndex: Int = 0) throws {
        guard !fileData.isEmpty, fileData.count <= Int(UInt32.max) else {
            throw PDFWriterError(.invalidFont, "empty or oversized font data")
        }
        let blob = fileData.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                hb_blob_create($0.baseAddress, UInt32($0.count), HB_MEMORY_MODE_DUPLICATE, nil, nil)
            }
        }
        defer { hb_blob_destroy(blob) }
        guard faceIndex >= 0, UInt32(faceIndex) < hb_face_count(blob), let face = hb_face_create(blob, UInt32(faceIndex)) else {
            throw PDFWriterError(.invalidFont, "HarfBuzz cannot open the font")
        }
        hb_face_make_immutable(face)
        guard let font = hb_font_create(face) else {
            hb_face_destroy(face)
            throw PDFWriterError(.invalidFont, "HarfBuzz cannot create a font object")
        }
        // Owns face and font from here on, also when init throws below.
        let harfBuzz = HarfBuzzFont(face: face, font: font)
        self.harfBuzz = harfBuzz

        let glyphCount = Int(hb_face_get_glyph_count(face))
        let unitsPerEm = Int(hb_face_get_upem(face))
        guard glyphCount > 1, unitsPerEm > 0 else {
            throw PDFWriterError(.invalidFont, "the data is not a font HarfBuzz can read")
        }
        let hasCFF = !Self.table(face, "CFF ", prefix: 1).isEmpty
        guard hasCFF || !Self.table(face, "glyf", prefix: 1).isEmpty else {
            throw PDFWriterError(.invalidFont, "only TrueType (glyf) or CFF outlines can be embedded")
        }
        isCFF = hasCFF
        self.glyphCount = glyphCount
        self.unitsPerEm = unitsPerEm
        postScriptName = Self.postScriptName(face)

        hb_font_set_scale(font, Int32(unitsPerEm), Int32(unitsPerEm))
        let scale = 1000 / Double(unitsPerEm)
        func glyphSpace(_ units: Double) -> Double { (units * scale * 1000).rounded() / 1000 }

        // Advances from hmtx (§9.7.4.3: /W widths are in glyph space).
        let glyphIDs = (0..<UInt32(glyphCount)).map { $0 }
        var advances = [hb_position_t](repeating: 0, count: glyphCount)
        glyphIDs.withUnsafeBufferPointer { ids in
            advances.withUnsafeMutableBufferPointer { out in
                hb_font_get_glyph_h_advances(
                    font, UInt32(glyphCount), ids.baseAddress, UInt32(MemoryLayout<UInt32>.stride),
                    out.baseAddress, UInt32(MemoryLayout<hb_position_t>.stride))
            }
        }
        widths = advances.map { glyphSpace(Double($0)) }

        // Vertical metrics (hhea or OS/2 typo metrics, as HarfBuzz chooses).
        func metric(_ tag: hb_ot_metrics_tag_t) -> Double? {
            var position: hb_position_t = 0
            return hb_ot_metrics_get_position(font, tag, &position) != 0 ? Double(position) : nil
        }
        let ascent = metric(HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER) ?? Double(unitsPerEm) * 0.8
        let descent = metric(HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER) ?? -Double(unitsPerEm) * 0.2
        let capHeight = metric(HB_OT_METRICS_TAG_CAP_HEIGHT) ?? ascent

        // Font bounding box: head.xMin, yMin, xMax, yMax (offsets 36–43).
        let head = Self.table(face, "head", prefix: 54)
        guard head.count >= 54 else { throw PDFWriterError(.invalidFont, "the font has no head table") }
        func int16(_ bytes: [UInt8], _ offset: Int) -> Double {
            Double(Int16(bitPattern: UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])))
        }
        let bbox = (int16(head, 36), int16(head, 38), int16(head, 40), int16(head, 42))

        // Style: post.italicAngle, OS/2 fsSelection/macStyle, usWeightClass.
        let italicAngle = Double(hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE))
        let isItalic = hb_style_get_value(font, HB_STYLE_TAG_ITALIC) > 0 || italicAngle != 0
        let weight = Double(hb_style_get_value(font, HB_STYLE_TAG_WEIGHT))
        let post = Self.table(face, "post", prefix: 16)
        let isFixedPitch = post.count >= 16 && post[12..<16].contains { $0 != 0 }
        let os2 = Self.table(face, "OS/2", prefix: 32)
        let familyClass = os2.count >= 32 ? Int(os2[30]) : 0

        // Flags, §9.8.2 Table 123. Symbolic (bit 3) is always set: with Identity-H
        // the glyphs are not addressed through the standard Latin character set.
        var flags = 1 << 2
        if isFixedPitch { flags |= 1 << 0 }
        if (1...7).contains(familyClass) { flags |= 1 << 1 }  // sFamilyClass 1–7: serif classes
        if familyClass == 10 { flags |= 1 << 3 }               // sFamilyClass 10: scripts
        if isItalic { flags |= 1 << 6 }

        metrics = Metrics(
            bbox: (glyphSpace(bbox.0), glyphSpace(bbox.1), glyphSpace(bbox.2), glyphSpace(bbox.3)),
            italicAngle: (italicAngle * 1000).rounded() / 1000,
            ascent: glyphSpace(ascent),
            descent: glyphSpace(descent),
            capHeight: glyphSpace(capHeight),
            // TrueType fonts record no stem width; estimate it from the weight
            // class (400 → 95, 700 → 169), as PDF writers commonly do.
            stemV: (10 + 0.244 * (max(weight, 50) - 50)).rounded(),
            flags: flags)
        subsetter = try FontSubsetter(source: face)
        // From here on the font is only read, possibly from several threads.
        hb_font_make_immutable(font)
    }

    /// The glyph the font's cmap assigns to `scalar`, if any.
    func nominalGlyph(_ scalar: Unicode.Scalar) -> UInt16? {
        var glyph: hb_codepoint_t = 0
        guard hb_font_get_nominal_glyph(harfBuzz.font, scalar.value, &glyph) != 0, glyph > 0, glyph <= 0xFFFF else {
            return nil
        }
        return UInt16(glyph)
    }

    /// Whether GDEF classes `glyph` as a mark or, without GDEF, it has no advance.
    func isMark(_ glyph: UInt16) -> Bool {
        if hb_ot_layout_has_glyph_classes(harfBuzz.face) != 0 {
            return hb_ot_layout_get_glyph_class(harfBuzz.face, hb_codepoint_t(glyph)) == HB_OT_LAYOUT_GLYPH_CLASS_MARK
        }
        return Int(glyph) < widths.count && widths[Int(glyph)] == 0
    }

    /// Owns a HarfBuzz face and font; frees them when the PDFFont goes away.
    private final class HarfBuzzFont {
        let face: OpaquePointer
        let font: OpaquePointer
        init(face: OpaquePointer, font: OpaquePointer) {
            self.face = face
            self.font = font
        }
        deinit {
            hb_font_destroy(font)
            hb_face_destroy(face)
        }
    }

    /// The first `prefix` bytes of a font table (empty when the table is absent).
    private static func table(_ face: OpaquePointer, _ tag: StaticString, prefix: Int) -> [UInt8] {
        let blob = hb_face_reference_table(face, openTypeTag(tag))
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: min(Int(length), prefix)))
    }

    /// Name ID 6, else the full name without spaces, filtered to the printable
    /// ASCII a PostScript name may contain (no delimiters, at most 63 bytes).
    private static func postScriptName(_ face: OpaquePointer) -> String {
        func name(_ id: hb_ot_name_id_t) -> String {
            var buffer = [CChar](repeating: 0, count: 256)
            var size = UInt32(buffer.count)
            let length = hb_ot_name_get_utf8(face, id, nil, &size, &buffer)
            guard length > 0 else { return "" }
            return String(decoding: buffer.prefix(Int(size)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        for candidate in [name(hb_ot_name_id_t(HB_OT_NAME_ID_POSTSCRIPT_NAME)), name(hb_ot_name_id_t(HB_OT_NAME_ID_FULL_NAME))] {
            let cleaned = String(String.UnicodeScalarView(candidate.unicodeScalars.filter {
                $0.value > 0x20 && $0.value < 0x7F && !Array<UInt8>.isDelimiter(UInt8($0.value))
            }).prefix(63))
            if !cleaned.isEmpty { return cleaned }
        }
        return "Font"
    }
}
