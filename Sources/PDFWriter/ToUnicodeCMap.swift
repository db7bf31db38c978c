// ToUnicode CMaps, ISO 32000-1 §9.10.3, in the CMap syntax of Adobe Technical
// Notes #5014 and #5411. Maps each one-byte code (FontUsage.codeSpace) to UTF-16BE text.

enum ToUnicodeCMap {
    /// Longest destination string written, in UTF-16 code units (TN #5411 allows 512 bytes).
    private static let maxUnits = 256

    /// The UTF-16 destination written for a glyph's text.
    ///
    /// Right-to-left text: the writer receives RTL runs in visual order, and a
    /// glyph standing for several characters (lam-alef "لا", a base letter with
    /// its marks) is one box in that visual sequence. Extractors that rebuild
    /// logical order by reversing the characters of an RTL line — poppler
    /// (pdftotext 22.12, checked here), MuPDF, pdfminer, pypdf — reverse the
    /// characters inside that box too, turning "ولا" into "وال". So when a text
    /// has two or more characters and starts with a right-to-left letter, its
    /// characters are written in visual (reversed) order; single characters are
    /// unaffected. Known cost: pdf.js and xpdf already reverse such multi-character
    /// mappings themselves and will show these ligatures reversed.
    static func destination(_ text: String) -> [UInt16] {
        var scalars = text.unicodeScalars
        var result: [UInt16] = []
        if let first = scalars.first, isRightToLeft(first), scalars.dropFirst().first != nil {
            scalars = String.UnicodeScalarView(scalars.reversed())
        }
        for scalar in scalars {
            let encoded = scalar.utf16
            guard result.count + encoded.count <= maxUnits else { break }
            result.append(contentsOf: encoded)
        }
        return result
    }

    /// Letters of right-to-left scripts by block: Hebrew through Arabic
    /// Extended-A (U+0590–08FF), Hebrew and Arabic presentation forms, and the
    /// right-to-left ranges of the supplementary planes.
    static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF:
            return true
        default:
            return false
        }
    }

    /// The CMap program for `mappings` (one-byte code → text), sorted by code.
    ///
    /// Consecutive codes that map to consecutive single BMP code units become
    /// `bfrange` entries (only the last byte of the destination may change within a
    /// range, §9.10.3); everything else, including ligatures (several characters)
    /// and non-BMP characters (surrogate pairs), is a `bfchar`.
    static func program(_ mappings: [(code: UInt8, text: String)]) -> [UInt8] {
        var singles: [(UInt8, [UInt16])] = []
        var ranges: [(first: UInt8, last: UInt8, unit: UInt16)] = []
        var index = 0
        while index < mappings.count {
            let (code, text) = mappings[index]
            let units = destination(text)
            var end = index
            if units.count == 1, !UTF16.isLeadSurrogate(units[0]), !UTF16.isTrailSurrogate(units[0]) {
                // Extend while the next code is +1 with the next unit, in the same 256-block.
                while end + 1 < mappings.count {
                    let next = mappings[end + 1]
                    let step = UInt16(end + 1 - index)
                    let nextUnits = destination(next.text)
                    guard UInt16(next.code) == UInt16(code) + step,
                          nextUnits.count == 1, units[0] <= 0xFFFF - step, nextUnits[0] == units[0] + step,
                          nextUnits[0] >> 8 == units[0] >> 8,
                          !UTF16.isLeadSurrogate(nextUnits[0]), !UTF16.isTrailSurrogate(nextUnits[0])
                    else { break }
                    end += 1
                }
            }
            if end > index {
                ranges.append((code, mappings[end].code, units[0]))
            } else {
                singles.append((code, units))
            }
            index = end + 1
        }

        var out: [UInt8] = []
        out.reserveCapacity(400 + singles.count * 16 + ranges.count * 22)
        out.ascii("""
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <00> <FF>
            endcodespacerange

            """)
        out.cmapBlocks(singles, begin: " beginbfchar\n", end: "endbfchar\n") { single, out in
            out.append(0x3C)
            out.appendHexByte(single.0)
            out.ascii("> <")
            for unit in single.1 { out.appendHexUInt16(unit) }
            out.ascii(">\n")
        }
        out.cmapBlocks(ranges, begin: " beginbfrange\n", end: "endbfrange\n") { range, out in
            out.append(0x3C)
            out.appendHexByte(range.first)
            out.ascii("> <")
            out.appendHexByte(range.last)
            out.ascii("> <")
            out.appendHexUInt16(range.unit)
            out.ascii(">\n")
        }
        out.ascii("""
            endcmap
            CMapName currentdict /CMap defineresource pop
            end
            end

            """)
        return out
    }
}
