// What a document writer needs to know about a font program to embed it, read
// once from the font's tables by the face that also shapes with it.

/// Values from a font's tables, in font units, for a writer that embeds the
/// font (the PDF writer turns them into its font dictionaries and descriptor).
public struct FontProgramFacts: Sendable, Equatable {
    /// Which outlines the font program holds.
    public enum Outlines: Sendable, Equatable {
        /// TrueType quadratic outlines (`glyf`).
        case trueType
        /// Compact Font Format outlines (`CFF `), as in Noto Sans CJK.
        case cff
        /// Neither: the font cannot be embedded.
        case none
    }

    /// Name ID 6 as stored (may be empty or hold characters a PDF name may not).
    public var postScriptName: String
    /// Name ID 4 as stored.
    public var fullName: String
    /// Font units per em.
    public var unitsPerEm: Int
    /// The horizontal advance (hmtx) of every glyph id, in font units.
    public var advances: [Int32]
    /// Ascender, descender (negative) and cap height, as HarfBuzz's OpenType
    /// metrics give them; nil when the font records none.
    public var ascender: Int32?, descender: Int32?, capHeight: Int32?
    /// head.xMin, yMin, xMax, yMax; nil when the font has no head table.
    public var boundingBox: [Int16]?
    /// post.italicAngle in degrees (negative leans right).
    public var italicAngle: Double
    /// HarfBuzz's italic style value (> 0 for an italic face).
    public var italicValue: Double
    /// OS/2 usWeightClass (400 regular, 700 bold).
    public var weightClass: Double
    /// post.isFixedPitch is set.
    public var isFixedPitch: Bool
    /// The class byte of OS/2 sFamilyClass (1–7 serif classes, 10 scripts).
    public var familyClass: Int
    /// The outlines the program holds.
    public var outlines: Outlines

    /// Number of glyphs; valid glyph ids are `0..<glyphCount`.
    public var glyphCount: Int { advances.count }
}

/// hb-subset could not make a subset of a font (the message names the font, never text).
public struct FontSubsetError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
