// A font program as the PDF needs it: the values for the font dictionaries of
// ISO 32000-1 §9.7.4 (CIDFonts) and §9.8 (font descriptors), prepared once, here,
// from facts about the font that the caller read (osteodoc's Typesetting module,
// the only one that parses fonts: HarfBuzz is not a dependency of the writer).

/// The font program behind a ``PDFFont``: character-to-glyph questions for the
/// ToUnicode CMap, and subsetting. Implemented by whoever parsed the font.
public protocol PDFFontProgram: Sendable {
    /// The glyph the font's cmap assigns to `scalar`, if any (never 0, `.notdef`).
    func nominalGlyph(_ scalar: Unicode.Scalar) -> UInt16?
    /// Whether the glyph is a combining mark (GDEF class, or no advance).
    func isMark(_ glyph: UInt16) -> Bool
    /// A program with glyph 0 and `glyphs` (sorted, unique), every glyph id
    /// unchanged (CIDToGIDMap /Identity), without layout tables.
    func subset(glyphs: [UInt16]) throws -> [UInt8]
}

/// What the writer needs to know from a font's tables, in font units.
public struct PDFFontFacts: Sendable {
    /// Outline format: TrueType (`glyf`) is a CIDFontType2 with a FontFile2; CFF
    /// (an OpenType/CFF font such as Noto Sans CJK) a CIDFontType0 with a FontFile3
    /// of subtype OpenType (§9.9 Table 126).
    public enum Outlines: Sendable { case trueType, cff, none }

    public var postScriptName: String, fullName: String
    public var unitsPerEm: Int
    /// hmtx advance of every glyph id.
    public var advances: [Int32]
    public var ascender: Int32?, descender: Int32?, capHeight: Int32?
    /// head.xMin, yMin, xMax, yMax.
    public var boundingBox: [Int16]?
    /// post.italicAngle; italic style value (> 0 italic); OS/2 usWeightClass.
    public var italicAngle: Double, italicValue: Double, weightClass: Double
    /// post.isFixedPitch; the class byte of OS/2 sFamilyClass.
    public var isFixedPitch: Bool, familyClass: Int
    public var outlines: Outlines

    public init(postScriptName: String, fullName: String, unitsPerEm: Int, advances: [Int32],
                ascender: Int32?, descender: Int32?, capHeight: Int32?, boundingBox: [Int16]?,
                italicAngle: Double, italicValue: Double, weightClass: Double,
                isFixedPitch: Bool, familyClass: Int, outlines: Outlines) {
        self.postScriptName = postScriptName
        self.fullName = fullName
        self.unitsPerEm = unitsPerEm
        self.advances = advances
        self.ascender = ascender
        self.descender = descender
        self.capHeight = capHeight
        self.boundingBox = boundingBox
        self.italicAngle = italicAngle
        self.italicValue = italicValue
        self.weightClass = weightClass
        self.isFixedPitch = isFixedPitch
        self.familyClass = familyClass
        self.outlines = outlines
    }
}

/// A font program the writer can embed (TrueType or CFF outlines).
///
/// Create it once per process per font and reuse it across documents. Fonts are
/// identified by instance: two `PDFFont`s made from the same font are embedded
/// twice. Immutable after `init` (its subset cache is locked), so it can be
/// shared between concurrent writes.
public final class PDFFont: Sendable {
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
    /// CFF outlines (CIDFontType0, FontFile3) rather than TrueType.
    let isCFF: Bool
    /// The program: cmap questions and subsetting.
    private let program: any PDFFontProgram
    /// Compressed subsets of recently embedded glyph sets.
    let subsets: SubsetCache

    /// Font descriptor entries (ISO 32000-1 §9.8.1, Table 122), 1000 units per em.
    struct Metrics: Sendable {
        var bbox: (Double, Double, Double, Double)
        var italicAngle: Double
        var ascent: Double
        var descent: Double
        var capHeight: Double
        var stemV: Double
        var flags: Int
    }

    /// Prepares a font from the facts of its tables and its program.
    /// - Throws: ``PDFWriterError`` with code `.invalidFont` when the font has no
    ///   glyphs, no head table, or neither TrueType nor CFF outlines.
    public init(facts: PDFFontFacts, program: any PDFFontProgram) throws {
        let unitsPerEm = facts.unitsPerEm
        guard facts.advances.count > 1, unitsPerEm > 0 else {
            throw PDFWriterError(.invalidFont, "the data is not a font HarfBuzz can read")
        }
        guard facts.outlines != .none else {
            throw PDFWriterError(.invalidFont, "only TrueType (glyf) or CFF outlines can be embedded")
        }
        guard let box = facts.boundingBox, box.count == 4 else {
            throw PDFWriterError(.invalidFont, "the font has no head table")
        }
        isCFF = facts.outlines == .cff
        glyphCount = facts.advances.count
        self.unitsPerEm = unitsPerEm
        self.program = program
        postScriptName = Self.postScriptName(facts)

        let scale = 1000 / Double(unitsPerEm)
        func glyphSpace(_ units: Double) -> Double { (units * scale * 1000).rounded() / 1000 }

        // Advances from hmtx (§9.7.4.3: /W widths are in glyph space).
        widths = facts.advances.map { glyphSpace(Double($0)) }

        let ascent = facts.ascender.map(Double.init) ?? Double(unitsPerEm) * 0.8
        let descent = facts.descender.map(Double.init) ?? -Double(unitsPerEm) * 0.2
        let capHeight = facts.capHeight.map(Double.init) ?? ascent
        let isItalic = facts.italicValue > 0 || facts.italicAngle != 0

        // Flags, §9.8.2 Table 123. Symbolic (bit 3) is always set: through a composite
        // font's CMap the glyphs are not addressed by the standard Latin character set.
        var flags = 1 << 2
        if facts.isFixedPitch { flags |= 1 << 0 }
        if (1...7).contains(facts.familyClass) { flags |= 1 << 1 }  // sFamilyClass 1–7: serif classes
        if facts.familyClass == 10 { flags |= 1 << 3 }               // sFamilyClass 10: scripts
        if isItalic { flags |= 1 << 6 }

        metrics = Metrics(
            bbox: (glyphSpace(Double(box[0])), glyphSpace(Double(box[1])), glyphSpace(Double(box[2])), glyphSpace(Double(box[3]))),
            italicAngle: (facts.italicAngle * 1000).rounded() / 1000,
            ascent: glyphSpace(ascent),
            descent: glyphSpace(descent),
            capHeight: glyphSpace(capHeight),
            // TrueType fonts record no stem width; estimate it from the weight
            // class (400 → 95, 700 → 169), as PDF writers commonly do.
            stemV: (10 + 0.244 * (max(facts.weightClass, 50) - 50)).rounded(),
            flags: flags)
        subsets = SubsetCache()
    }

    /// The glyph the font's cmap assigns to `scalar`, if any.
    func nominalGlyph(_ scalar: Unicode.Scalar) -> UInt16? { program.nominalGlyph(scalar) }

    /// Whether GDEF classes `glyph` as a mark or, without GDEF, it has no advance.
    func isMark(_ glyph: UInt16) -> Bool { program.isMark(glyph) }

    /// The Flate-compressed subset for `glyphs` (sorted, unique) and its decoded
    /// length, reused when the same glyph set was embedded recently (documents of
    /// one kind and language nearly always use the same glyphs, whoever the
    /// patient is; the same bytes by construction).
    func compressedSubset(glyphs: [UInt16]) throws -> (length: Int, compressed: [UInt8]) {
        if let hit = subsets.lookup(glyphs) { return hit }
        let data: [UInt8]
        do {
            data = try program.subset(glyphs: glyphs)
        } catch {
            throw PDFWriterError(.subsetFailed, "\(error)")
        }
        let result = (length: data.count, compressed: try Flate.compress(data))
        subsets.store(glyphs, result)
        return result
    }

    /// Name ID 6, else the full name without spaces, filtered to the printable
    /// ASCII a PostScript name may contain (no delimiters, at most 63 bytes).
    private static func postScriptName(_ facts: PDFFontFacts) -> String {
        for candidate in [facts.postScriptName, facts.fullName] {
            let cleaned = String(String.UnicodeScalarView(candidate.unicodeScalars.filter {
                $0.value > 0x20 && $0.value < 0x7F && !Array<UInt8>.isDelimiter(UInt8($0.value))
            }).prefix(63))
            if !cleaned.isEmpty { return cleaned }
        }
        return "Font"
    }
}
