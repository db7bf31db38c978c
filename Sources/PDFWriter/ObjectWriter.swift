// File structure, ISO 32000-1 §7.5: header, indirect objects, streams,
// cross-reference table and trailer. This layer knows objects and bytes only.

/// Writes a PDF file body into one growing buffer and records the byte offset
/// of every indirect object for the cross-reference table.
///
/// Object numbers are handed out by ``allocate()`` (generation 0 throughout);
/// objects may be written in any order, each exactly once.
struct ObjectWriter {
    /// The file so far.
    var out: [UInt8]
    /// Byte offset of each object, indexed by object number; -1 = not written yet.
    private var offsets: [Int] = [-1]

    init(reservingCapacity capacity: Int = 64 * 1024) {
        out = []
        out.reserveCapacity(capacity)
    }

    /// Reserves the next object number.
    mutating func allocate() -> Int {
        offsets.append(-1)
        return offsets.count - 1
    }

    /// The header (§7.5.2): version line and a comment of four bytes above 127,
    /// so that transfer programs treat the file as binary.
    mutating func writeHeader() {
        out.ascii("%PDF-1.7\n%")
        out.append(contentsOf: [0xE2, 0xE3, 0xCF, 0xD3])
        out.append(0x0A)
    }

    /// Starts indirect object `number` (§7.3.10); the caller writes its value and
    /// then calls ``endObject()``.
    mutating func beginObject(_ number: Int) {
        precondition(offsets[number] < 0, "object \(number) written twice")
        offsets[number] = out.count
        out.pdfInt(number)
        out.ascii(" 0 obj\n")
    }

    mutating func endObject() {
        out.ascii("\nendobj\n")
    }

    /// Writes a dictionary object: `<<`, the entries the closure appends, `>>`.
    mutating func dictionary(_ number: Int, _ entries: (inout [UInt8]) -> Void) {
        beginObject(number)
        out.ascii("<<")
        entries(&out)
        out.ascii(" >>")
        endObject()
    }

    /// Writes a stream object (§7.3.8): the dictionary gets `/Length` first, then
    /// the closure's entries (e.g. `/Filter /FlateDecode`), then the data framed by
    /// `stream` + LF and LF + `endstream`.
    mutating func stream(_ number: Int, data: [UInt8], _ entries: (inout [UInt8]) -> Void) {
        beginObject(number)
        out.ascii("<< /Length ")
        out.pdfInt(data.count)
        entries(&out)
        out.ascii(" >>\nstream\n")
        out.append(contentsOf: data)
        out.ascii("\nendstream")
        endObject()
    }

    /// Writes the cross-reference table (§7.5.4), the trailer (§7.5.5) and the
    /// end-of-file marker, and returns the finished file.
    ///
    /// - Parameter id: the 16-byte file identifier; both halves of `/ID` are set
    ///   to it, as §14.4 asks for a file that has never been updated.
    mutating func finish(root: Int, info: Int, id: [UInt8]) -> [UInt8] {
        let xrefOffset = out.count
        out.ascii("xref\n0 ")
        out.pdfInt(offsets.count)
        out.ascii("\n0000000000 65535 f\r\n")
        for number in 1..<offsets.count {
            precondition(offsets[number] >= 0, "object \(number) allocated but never written")
            appendPadded(offsets[number], width: 10)
            out.ascii(" 00000 n\r\n")
        }
        out.ascii("trailer\n<< /Size ")
        out.pdfInt(offsets.count)
        out.ascii(" /Root ")
        out.pdfRef(root)
        out.ascii(" /Info ")
        out.pdfRef(info)
        out.ascii(" /ID [")
        out.pdfHexString(id)
        out.pdfHexString(id)
        out.ascii("] >>\nstartxref\n")
        out.pdfInt(xrefOffset)
        out.ascii("\n%%EOF\n")
        return out
    }

    /// A non-negative integer left-padded with zeros (xref entries are exactly 20 bytes).
    private mutating func appendPadded(_ value: Int, width: Int) {
        let start = out.count
        out.append(contentsOf: repeatElement(0x30, count: width))
        var rest = value
        var index = start + width - 1
        while rest > 0 && index >= start {
            out[index] = 0x30 &+ UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
    }
}
