// The one place where a font parsed by Typesetting becomes a font the PDF writer
// embeds: the face is parsed once per process and serves both.
import PDFWriter
import Typesetting

extension LoadedFont {
    /// A ``PDFFont`` for this font: the facts of its tables as values, and the
    /// font itself for cmap questions and subsetting.
    /// - Throws: `PDFWriterError` `.invalidFont` when the font cannot be embedded.
    public func makePDFFont() throws -> PDFFont {
        let facts = programFacts()
        let outlines: PDFFontFacts.Outlines = switch facts.outlines {
        case .trueType: .trueType
        case .cff: .cff
        case .none: .none
        }
        return try PDFFont(
            facts: PDFFontFacts(
                postScriptName: facts.postScriptName, fullName: facts.fullName,
                unitsPerEm: facts.unitsPerEm, advances: facts.advances,
                ascender: facts.ascender, descender: facts.descender, capHeight: facts.capHeight,
                boundingBox: facts.boundingBox,
                italicAngle: facts.italicAngle, italicValue: facts.italicValue, weightClass: facts.weightClass,
                isFixedPitch: facts.isFixedPitch, familyClass: facts.familyClass, outlines: outlines),
            program: LoadedFontProgram(font: self))
    }
}

/// ``PDFFontProgram`` over a ``LoadedFont``.
private struct LoadedFontProgram: PDFFontProgram {
    let font: LoadedFont

    func nominalGlyph(_ scalar: Unicode.Scalar) -> UInt16? { font.nominalGlyph(scalar) }
    func isMark(_ glyph: UInt16) -> Bool { font.isMark(glyph) }
    func subset(glyphs: [UInt16]) throws -> [UInt8] { try font.subset(glyphs: glyphs) }
}
