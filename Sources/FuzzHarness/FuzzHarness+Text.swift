import Content
import DocumentModel
import Foundation
import Markdown
import Typesetting

extension FuzzHarness {
    /// Markdown → document tree: any text gives a tree or an error, never a crash.
    public static func markdown(_ bytes: UnsafeRawBufferPointer) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        if let blocks = try? MarkdownReader.read(text) {
            _ = Skeleton.of(blocks)
            _ = Skeleton.text(blocks)
        }
        return nil
    }

    /// The PO parser: a catalog, or a `POSyntaxError` whose line is inside the text.
    public static func po(_ bytes: UnsafeRawBufferPointer) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            let catalog = try POCatalog.parse(text, file: "fuzz.po")
            for entry in catalog.entries { _ = catalog.entry(context: entry.context ?? "") }
        } catch let error as POSyntaxError {
            let lines = text.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            if error.line < 1 || error.line > lines { return "error line \(error.line) outside 1…\(lines)" }
        } catch {
            return "unexpected error type: \(error)"
        }
        return nil
    }

    /// Paragraph layout of arbitrary Unicode text in every shipped language, at a measure,
    /// direction, alignment and hyphenation from the input. Promises: no line wider than the
    /// measure, unless the line is one grapheme cluster wider than it (a wide glyph, or a
    /// prepended concatenation mark such as U+0600 with the character it spans: nowhere to
    /// cut). Text no font covers is refused (`MissingGlyphsError`): an answer, not a finding.
    public static func paragraph(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard bytes.count >= 3 else { return nil }
        let language = languages[Int(bytes[0]) % languages.count]
        let alignments: [Alignment] = [.justified, .start, .center, .end]
        let directions: [BaseDirection] = [.auto, .leftToRight, .rightToLeft]
        let style = ParagraphStyle(size: 11, language: language, direction: directions[Int(bytes[1]) % 3],
                                   alignment: alignments[Int(bytes[1] >> 2) % 4], hyphenate: bytes[1] & 0x80 != 0)
        let width = 20.0 + Double(bytes[2]) * 2  // 20–530 pt: a narrow table cell to a full A4 measure
        let parts = strings(UnsafeRawBufferPointer(rebasing: bytes[3...]), count: 3)
        let styles: [FontStyle] = [.regular, .bold, .italic]
        let spans = parts.enumerated().filter { !$1.isEmpty }.map { TextSpan($1, style: styles[$0 % styles.count]) }
        do {
            let layout = try typesetter.layout(spans, style: style, width: width)
            for line in layout.lines where line.width > width + 0.01 && graphemes(of: line) > 1 {
                return "a line of \(line.width) pt in a measure of \(width) pt"
            }
        } catch is MissingGlyphsError {
        } catch {
            return "unexpected error: \(error)"
        }
        return nil
    }

    /// User-perceived characters on a line, trailing white space aside (runs in logical order).
    static func graphemes(of line: Line) -> Int {
        let text = line.runs.sorted { $0.textRange.lowerBound < $1.textRange.lowerBound }.map(\.text).joined()
        var characters = Substring(text)
        while let last = characters.last, last.isWhitespace { characters.removeLast() }
        return characters.count
    }
}
