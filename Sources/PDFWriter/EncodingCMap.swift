// Encoding CMaps, ISO 32000-1 §9.7.5.3 (embedded CMap files) in the syntax of Adobe
// Technical Note #5014: one-byte codes (FontUsage.codeSpace, spaceCode) to CIDs, which are
// glyph ids of the embedded font (CIDToGIDMap /Identity).

enum EncodingCMap {
    /// The CMap program named `name` that maps each entry's code to its glyph id as CID;
    /// `entries` ascending by code.
    ///
    /// Codes and glyph ids that both go up by one become `cidrange` entries (a document's
    /// glyphs of one script are mostly neighbours in the font), the rest `cidchar`s.
    static func program(name: String, entries: [(code: UInt8, glyph: UInt16)]) -> [UInt8] {
        let codes = entries.map(\.code), glyphs = entries.map(\.glyph)
        var singles: [(code: UInt8, glyph: UInt16)] = []
        var ranges: [(first: UInt8, last: UInt8, glyph: UInt16)] = []
        var index = 0
        while index < glyphs.count {
            var end = index
            while end + 1 < glyphs.count, codes[end + 1] == codes[end] + 1, glyphs[end + 1] == glyphs[end] + 1 { end += 1 }
            if end > index {
                ranges.append((codes[index], codes[end], glyphs[index]))
            } else {
                singles.append((codes[index], glyphs[index]))
            }
            index = end + 1
        }

        var out: [UInt8] = []
        out.reserveCapacity(400 + singles.count * 12 + ranges.count * 16)
        out.ascii("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
        out.ascii("/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n/CMapName ")
        out.pdfName(name)
        out.ascii(" def\n/CMapType 1 def\n/WMode 0 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n")
        out.cmapBlocks(ranges, begin: " begincidrange\n", end: "endcidrange\n") { range, out in
            out.append(0x3C)
            out.appendHexByte(range.first)
            out.ascii("> <")
            out.appendHexByte(range.last)
            out.ascii("> ")
            out.pdfInt(Int(range.glyph))
            out.append(0x0A)
        }
        out.cmapBlocks(singles, begin: " begincidchar\n", end: "endcidchar\n") { single, out in
            out.append(0x3C)
            out.appendHexByte(single.code)
            out.ascii("> ")
            out.pdfInt(Int(single.glyph))
            out.append(0x0A)
        }
        out.ascii("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
        return out
    }
}
