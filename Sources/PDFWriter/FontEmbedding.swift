// Embedding a TrueType font as a composite font: ISO 32000-1 §9.7 (Type0 fonts
// with one-byte embedded CMaps over a CIDFontType2 descendant), §9.8 (font
// descriptor), §9.9 (FontFile2), §9.6.4 (subset names) and §9.10.3 (ToUnicode).

extension ObjectWriter {
    /// Subsets `usage.font` to the glyphs the document shows and writes its objects:
    /// the CIDFont, FontDescriptor and font program, and for each encoding a Type0
    /// font with its encoding CMap and ToUnicode CMap.
    mutating func writeFont(_ usage: FontUsage) throws {
        let font = usage.font
        let glyphs = usage.glyphs
        let objects = usage.objects
        let subsetTag = FontEmbedding.subsetTag(glyphs)
        let baseFont = subsetTag + "+" + font.postScriptName

        for (index, encoding) in usage.encodings.enumerated() {
            // §9.7.6.1: Type0 font; its codes are one byte (§9.7.6.2, the CMap below). The
            // BaseFont is the CIDFont's, as poppler, pdf.js and MuPDF name the font by it.
            let cmapName = "OsteoDoc-\(subsetTag)-\(index + 1)"
            dictionary(encoding.type0) { out in
                out.ascii(" /Type /Font /Subtype /Type0 /BaseFont ")
                out.pdfName(baseFont)
                out.ascii(" /Encoding ")
                out.pdfRef(encoding.cmap)
                out.ascii(" /DescendantFonts [")
                out.pdfRef(objects.cidFont)
                out.ascii("] /ToUnicode ")
                out.pdfRef(encoding.toUnicode)
            }
            // §9.7.5.3 Table 120: an embedded CMap; ISO 19005-2 §6.2.11.3.3: its WMode entry
            // equals the program's, and it uses no other CMap.
            stream(encoding.cmap, data: try Flate.compress(EncodingCMap.program(name: cmapName, entries: encoding.entries))) { out in
                out.ascii(" /Type /CMap /CMapName ")
                out.pdfName(cmapName)
                out.ascii(" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /WMode 0 /Filter /FlateDecode")
            }
            // §9.10.3: ToUnicode CMap, code → text.
            let mappings = encoding.entries.compactMap { entry in
                usage.texts[entry.glyph].map { (code: entry.code, text: $0) }
            }
            stream(encoding.toUnicode, data: try Flate.compress(ToUnicodeCMap.program(mappings))) { out in
                out.ascii(" /Filter /FlateDecode")
            }
        }

        // §9.7.4: CIDFontType2; the encoding CMaps map codes to glyph ids as CIDs and the
        // subset keeps glyph ids, so CID = GID. A CFF font is
        // a CIDFontType0 whose CIDs are glyph ids too: the subset keeps them, and the
        // CID-keyed CFF of Noto Sans CJK (Adobe-Identity-0) maps CID n to glyph n.
        dictionary(objects.cidFont) { out in
            out.ascii(font.isCFF ? " /Type /Font /Subtype /CIDFontType0 /BaseFont " : " /Type /Font /Subtype /CIDFontType2 /BaseFont ")
            out.pdfName(baseFont)
            out.ascii(" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ")
            out.pdfRef(objects.descriptor)
            out.ascii(" /W ")
            FontEmbedding.appendWidths(glyphs, widths: font.widths, to: &out)
            if !font.isCFF { out.ascii(" /CIDToGIDMap /Identity") }
        }

        // §9.8: font descriptor.
        let metrics = font.metrics
        dictionary(objects.descriptor) { out in
            out.ascii(" /Type /FontDescriptor /FontName ")
            out.pdfName(baseFont)
            out.ascii(" /Flags ")
            out.pdfInt(metrics.flags)
            out.ascii(" /FontBBox [")
            out.pdfNumber(metrics.bbox.0)
            out.append(0x20)
            out.pdfNumber(metrics.bbox.1)
            out.append(0x20)
            out.pdfNumber(metrics.bbox.2)
            out.append(0x20)
            out.pdfNumber(metrics.bbox.3)
            out.ascii("] /ItalicAngle ")
            out.pdfNumber(metrics.italicAngle)
            out.ascii(" /Ascent ")
            out.pdfNumber(metrics.ascent)
            out.ascii(" /Descent ")
            out.pdfNumber(metrics.descent)
            out.ascii(" /CapHeight ")
            out.pdfNumber(metrics.capHeight)
            out.ascii(" /StemV ")
            out.pdfNumber(metrics.stemV)
            out.ascii(font.isCFF ? " /FontFile3 " : " /FontFile2 ")
            out.pdfRef(objects.fontFile)
        }

        // §9.9: the TrueType program, Table 127: /Length1 = decoded length.
        let program = try font.compressedSubset(glyphs: glyphs)
        stream(objects.fontFile, data: program.compressed) { out in
            if font.isCFF {
                // §9.9 Table 126: an OpenType font program with CFF outlines.
                out.ascii(" /Filter /FlateDecode /Subtype /OpenType")
            } else {
                out.ascii(" /Filter /FlateDecode /Length1 ")
                out.pdfInt(program.length)
            }
        }
    }
}

enum FontEmbedding {
    /// The subset tag of §9.6.4: six upper-case letters, here derived from the
    /// MD5 of the sorted glyph ids, so the same glyph set gives the same tag.
    static func subsetTag(_ glyphs: [UInt16]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(glyphs.count * 2)
        for glyph in glyphs {
            bytes.append(UInt8(glyph >> 8))
            bytes.append(UInt8(glyph & 0xFF))
        }
        let digest = MD5.digest(bytes)
        return String(decoding: digest.prefix(6).map { 0x41 + $0 % 26 }, as: UTF8.self)
    }

    /// The `/W` array of §9.7.4.3 for `glyphs` (ascending): each run of
    /// consecutive CIDs is written `c [w1 w2 …]`, or `c_first c_last w` when all
    /// its widths are equal.
    static func appendWidths(_ glyphs: [UInt16], widths: [Double], to out: inout [UInt8]) {
        out.append(0x5B)
        var start = 0
        var first = true
        while start < glyphs.count {
            var end = start
            while end + 1 < glyphs.count && glyphs[end + 1] == glyphs[end] + 1 { end += 1 }
            let width = widths[Int(glyphs[start])]
            if !first { out.append(0x20) }
            first = false
            out.pdfInt(Int(glyphs[start]))
            if end > start && (start...end).allSatisfy({ widths[Int(glyphs[$0])] == width }) {
                out.append(0x20)
                out.pdfInt(Int(glyphs[end]))
                out.append(0x20)
                out.pdfNumber(width)
            } else {
                out.ascii(" [")
                for index in start...end {
                    if index > start { out.append(0x20) }
                    out.pdfNumber(widths[Int(glyphs[index])])
                }
                out.append(0x5D)
            }
            start = end + 1
        }
        out.append(0x5D)
    }
}
