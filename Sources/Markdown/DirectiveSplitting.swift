// Lines and cells of a directive fence (```fields, ```table, ```signature …), cut over UTF-8
// bytes with the result of cutting by Characters.
//
// Cutting by Characters runs Unicode grapheme breaking over every byte of the fence: some
// 35,000 instructions a table row, 1.6 M of a consent (callgrind, 2 December 2026). The
// characters that cut (line feed, `|`, `\`) are ASCII, and a Character is one of them
// alone exactly when no grapheme rule joins it to a neighbouring scalar (UAX #29):
// - a line feed stands alone unless a carriage return is before it (GB3 CR × LF; GB4 and
//   GB5 break on both sides of every other control);
// - `|` and `\` (grapheme class Other) join a scalar before them only when that scalar is a
//   Prepend (GB9b), and a scalar after them only when it is an Extend, ZWJ or SpacingMark
//   (GB9, GB9a). No ASCII scalar is any of these, so only a non-ASCII neighbour is asked,
//   by counting the Characters of the pair.
// `DirectiveSplittingTests` compares both ways on every neighbour class and on random text.

enum DirectiveSplitting {
    /// The lines of `body` with something in them: `body.split(separator: "\n")` as Characters
    /// (a CR LF pair is one Character, so it does not end a line).
    static func lines(_ body: String) -> [String] {
        var lines: [String] = []
        var body = body
        body.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count where bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) {
                if index > start { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                start = index + 1
            }
            if bytes.count > start { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
        }
        return lines
    }

    /// The cells of a row: the text between the `|` that are not escaped by a `\` (escapes are
    /// kept for cmark), each trimmed of white space.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var line = line
        line.withUTF8 { bytes in
            var start = 0, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") && standsAlone(bytes, index) {
                    // The Character after it is taken as it is, whatever it is.
                    index += 1
                    if index < bytes.count { index += scalarLength(bytes[index]) }
                    continue
                }
                if byte == UInt8(ascii: "|") && standsAlone(bytes, index) {
                    cells.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    start = index + 1
                }
                index += 1
            }
            cells.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        }
        return cells.map { $0.trimmingWhitespace() }
    }

    /// Whether the ASCII byte at `index` is a Character of its own (see the file's comment).
    private static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let ascii = Unicode.Scalar(bytes[index])
        if index > 0 && bytes[index - 1] >= 0x80 {
            var start = index - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if (before + String(ascii)).count == 1 { return false }
        }
        if index + 1 < bytes.count && bytes[index + 1] >= 0x80 {
            let end = index + 1 + scalarLength(bytes[index + 1])
            let after = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<min(end, bytes.count)]), as: UTF8.self)
            if (String(ascii) + after).count == 1 { return false }
        }
        return true
    }

    /// The length of the UTF-8 sequence a lead byte starts (1 for a continuation byte).
    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }
}
