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

    /// Writes a dictionary object: `<<`, the entries the closure appends, `>>` — into the
    /// object stream when ``packDictionaries(into:)`` has named one.
    mutating func dictionary(_ number: Int, _ entries: (inout [UInt8]) -> Void) {
        if packing != nil {
            var value: [UInt8] = [0x3C, 0x3C]
            entries(&value)
            value.ascii(" >>")
            pack(number, value)
            return
        }
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

    /// Objects stored in an object stream: object number → (stream object, index in it).
    private var compressed: [Int: (stream: Int, index: Int)] = [:]

    /// The object stream that collects every dictionary (nil: each is written as it comes).
    private var packing: Int?
    private var packed: [(number: Int, value: [UInt8])] = []
    /// Whether each object number is in `packed`.
    private var isPacked: [Bool] = []

    /// From now on, dictionaries (and ``compressedObjects(_:)``) go into one object stream,
    /// object `number`, written by ``finish(root:info:id:)``. A tagged file has an object
    /// stream for its structure tree anyway; with the page, font, outline and document
    /// dictionaries in it too, the file is a twentieth smaller (issue 12's byte budget).
    mutating func packDictionaries(into number: Int) {
        precondition(packing == nil && offsets[number] < 0, "object stream \(number) already in use")
        packing = number
    }

    private mutating func pack(_ number: Int, _ value: [UInt8]) {
        // A flag per object number, not a search of `packed`: a consent packs some 600
        // dictionaries, and the search made that quadratic (0.8 M instructions a document).
        if number >= isPacked.count { isPacked += repeatElement(false, count: number + 1 - isPacked.count) }
        precondition(offsets[number] < 0 && !isPacked[number], "object \(number) written twice")
        isPacked[number] = true
        packed.append((number, value))
    }

    /// Objects (number and serialised value, no `obj`/`endobj`) for the object stream that
    /// ``packDictionaries(into:)`` named, or written as indirect objects without one.
    mutating func compressedObjects(_ objects: [(number: Int, value: [UInt8])]) {
        guard packing != nil else {
            for object in objects {
                beginObject(object.number)
                out.append(contentsOf: object.value)
                endObject()
            }
            return
        }
        for object in objects { pack(object.number, object.value) }
    }

    /// Writes `objects` (number and serialised value, no `obj`/`endobj`) into one
    /// compressed object stream (§7.5.7), object `number`. For the many small
    /// dictionaries of a structure tree: they cost a fifth of their bytes this way.
    /// Streams cannot be stored in an object stream.
    private mutating func objectStream(_ number: Int, objects: [(number: Int, value: [UInt8])]) throws {
        var header: [UInt8] = []
        var body: [UInt8] = []
        header.reserveCapacity(objects.count * 8)
        body.reserveCapacity(objects.reduce(objects.count) { $0 + $1.value.count })
        for (index, object) in objects.enumerated() {
            precondition(offsets[object.number] < 0 && compressed[object.number] == nil,
                         "object \(object.number) written twice")
            if index > 0 { header.append(0x20) }
            header.pdfInt(object.number)
            header.append(0x20)
            header.pdfInt(body.count)
            body.append(contentsOf: object.value)
            body.append(0x0A)
            compressed[object.number] = (number, index)
        }
        header.append(0x0A)
        let first = header.count
        // The per-document level, like the content streams (Flate.level).
        let data = try Flate.compress(header + body)
        stream(number, data: data) { out in
            out.ascii(" /Type /ObjStm /N ")
            out.pdfInt(objects.count)
            out.ascii(" /First ")
            out.pdfInt(first)
            out.ascii(" /Filter /FlateDecode")
        }
    }

    /// Writes the cross-reference table (§7.5.4), the trailer (§7.5.5) and the
    /// end-of-file marker, and returns the finished file. With object streams the
    /// table is a cross-reference stream (§7.5.8) holding the trailer's entries.
    ///
    /// - Parameter id: the 16-byte file identifier; both halves of `/ID` are set
    ///   to it, as §14.4 asks for a file that has never been updated.
    mutating func finish(root: Int, info: Int, id: [UInt8]) throws -> [UInt8] {
        if let packing {
            self.packing = nil
            try objectStream(packing, objects: packed)
            packed = []
        }
        if !compressed.isEmpty { return try finishWithStream(root: root, info: info, id: id) }
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

    /// §7.5.8: a cross-reference stream. Fields of 1 byte (type), as few bytes as the
    /// largest offset or object stream number needs, and as few as the largest index in
    /// an object stream needs; rows PNG-Up predicted (§7.4.4.4, Predictor 12: each byte
    /// minus the one above it), so that the steadily growing offsets and indices become
    /// runs Flate compresses to almost nothing (a third of the bytes without prediction).
    private mutating func finishWithStream(root: Int, info: Int, id: [UInt8]) throws -> [UInt8] {
        let xref = allocate()
        let xrefOffset = out.count
        offsets[xref] = xrefOffset
        func width(_ value: Int) -> Int {
            var bytes = 1
            while value >> (8 * bytes) > 0 { bytes += 1 }
            return bytes
        }
        let second = width(max(xrefOffset, offsets.count))
        let third = width(max(compressed.values.map(\.index).max() ?? 0, 0xFFFF))
        let columns = 1 + second + third
        var rows: [UInt8] = []
        rows.reserveCapacity(offsets.count * (columns + 1))
        var previous = [UInt8](repeating: 0, count: columns)
        var current = previous
        func row(_ type: UInt8, _ field: Int, _ last: Int) {
            current[0] = type
            for byte in 0..<second { current[1 + byte] = UInt8(truncatingIfNeeded: field >> (8 * (second - 1 - byte))) }
            for byte in 0..<third { current[1 + second + byte] = UInt8(truncatingIfNeeded: last >> (8 * (third - 1 - byte))) }
            rows.append(2)  // PNG filter type Up
            for column in 0..<columns { rows.append(current[column] &- previous[column]) }
            swap(&previous, &current)
        }
        row(0, 0, 0xFFFF)
        for number in 1..<offsets.count {
            if let entry = compressed[number] {
                row(2, entry.stream, entry.index)
            } else {
                precondition(offsets[number] >= 0, "object \(number) allocated but never written")
                row(1, offsets[number], 0)
            }
        }
        let data = try Flate.compress(rows)
        out.pdfInt(xref)
        out.ascii(" 0 obj\n<</Type/XRef/Size ")
        out.pdfInt(offsets.count)
        out.ascii("/W[1 ")
        out.pdfInt(second)
        out.append(0x20)
        out.pdfInt(third)
        out.ascii("]/Root ")
        out.pdfRef(root)
        out.ascii("/Info ")
        out.pdfRef(info)
        out.ascii("/ID[")
        out.pdfHexString(id)
        out.pdfHexString(id)
        out.ascii("]/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns ")
        out.pdfInt(columns)
        out.ascii(">>/Length ")
        out.pdfInt(data.count)
        out.ascii(">>\nstream\n")
        out.append(contentsOf: data)
        out.ascii("\nendstream\nendobj\nstartxref\n")
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
