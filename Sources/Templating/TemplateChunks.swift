// A document template cut into pieces that swift-mustache parses in linear time.
//
// swift-mustache 2's parser measures, at every delimiter it reads, the distance from
// there to the end of the whole template (`Parser.read(count:)` calls
// `String.distance(from:to:)`), so parsing a template costs its tags times its length:
// the consent's 5.7 KB and 211 tags were 35 M instructions of a 388 M cold render. Cut
// into pieces of about half a kilobyte, registered as partials and joined by a template
// of partial tags, the same text parses in a fraction of that. The library is kept (it
// is the Mustache implementation the project chose); only what it is given changes.

enum TemplateChunks {
    /// Pieces of at least this many bytes, where a cut is allowed.
    static let targetSize = 512

    /// `source` cut at line starts where the output cannot change:
    /// - outside every section (`{{#…}}`/`{{^…}}` … `{{/…}}`), so that each piece is a
    ///   whole template;
    /// - after a blank line, before a line that does not start with a tag a line of its
    ///   own would make standalone (section, inverted, closing, comment, partial, pragma or
    ///   delimiter tag): each piece gets the content-type pragma in front of its first
    ///   line, and a standalone tag with a second tag on its line would keep its line break.
    /// The pieces joined give `source` back; one piece when there is nowhere to cut.
    /// A byte scan (Foundation's string search would cost more than the cut saves).
    static func split(_ source: String) -> [String] {
        let bytes = Array(source.utf8)
        var cuts: [Int] = []
        var depth = 0
        var previousBlank = false
        var pieceStart = 0
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let line = bytes[lineStart..<lineEnd]
            if depth == 0, previousBlank, lineStart - pieceStart >= targetSize, !startsWithBlockTag(line) {
                cuts.append(lineStart)
                pieceStart = lineStart
            }
            depth += sectionBalance(line)
            previousBlank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            lineStart = lineEnd + 1
        }
        var pieces: [String] = []
        var start = 0
        for cut in cuts + [bytes.count] {
            pieces.append(String(decoding: bytes[start..<cut], as: UTF8.self))
            start = cut
        }
        return pieces
    }

    /// Whether the line starts with `{{` and one of `# ^ / ! > % =`.
    private static func startsWithBlockTag(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count >= 3, line[line.startIndex] == 0x7B, line[line.startIndex + 1] == 0x7B else { return false }
        return [0x23, 0x5E, 0x2F, 0x21, 0x3E, 0x25, 0x3D].contains(line[line.startIndex + 2])
    }

    /// Sections opened (`{{#`, `{{^`) minus sections closed (`{{/`) on one line.
    private static func sectionBalance(_ line: ArraySlice<UInt8>) -> Int {
        var balance = 0
        var index = line.startIndex
        while index + 2 < line.endIndex {
            if line[index] == 0x7B && line[index + 1] == 0x7B {
                switch line[index + 2] {
                case 0x23, 0x5E: balance += 1
                case 0x2F: balance -= 1
                default: break
                }
                index += 2
            } else {
                index += 1
            }
        }
        return balance
    }
}
