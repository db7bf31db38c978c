import Foundation
import Layout
import PDFWriter
import Typesetting

/// Turns laid-out pages into PDF bytes: flips coordinates to PDF user space
/// (origin bottom-left), maps fonts to embedded PDF fonts, headings to bookmarks
/// and the layout's structure marks to a tagged PDF (PDF/UA-1, and PDF/A-2a with
/// an output intent profile). It reads only the layout's pages, never the document tree.
public final class PDFExporter: @unchecked Sendable {
    // @unchecked: the font cache is guarded by `lock`; PDFFont is immutable and shareable.
    private let lock = NSLock()
    private var fonts: [String: PDFFont] = [:]

    public init() {}

    /// Document-level facts for the PDF's catalog, info dictionary and XMP.
    public struct Info: Sendable {
        public var title: String, language: String, identifier: String
        public var subject: String?, creationDate: String?
        /// `/Producer`: "osteodoc" followed by the program's version.
        public var producer: String
        /// A bilingual document's second language (for the XMP metadata).
        public var otherLanguages: [String]
        /// Write the structure tree (tagged PDF). On by default; off only to compare with an untagged file.
        public var tagged: Bool
        /// An RGB ICC profile (sRGB) for the PDF/A OutputIntent; with `tagged` the file claims PDF/A-2a and PDF/UA-1.
        public var outputIntentProfile: [UInt8]?
        /// The language of Latin-script words inside right-to-left text (names of the Italian
        /// hospital, its departments and staff): such runs get their own `/Lang`.
        public var latinScriptLanguage: String?

        public init(title: String, language: String, identifier: String, subject: String? = nil, creationDate: String? = nil,
                    producer: String = "osteodoc", otherLanguages: [String] = [], tagged: Bool = true,
                    outputIntentProfile: [UInt8]? = nil, latinScriptLanguage: String? = nil) {
            self.title = title; self.language = language; self.identifier = identifier
            self.subject = subject; self.creationDate = creationDate
            self.producer = producer; self.otherLanguages = otherLanguages; self.tagged = tagged
            self.outputIntentProfile = outputIntentProfile; self.latinScriptLanguage = latinScriptLanguage
        }
    }

    public func pdf(_ document: LaidOutDocument, info: Info) throws -> [UInt8] {
        var pages: [PDFPage] = []
        pages.reserveCapacity(document.pages.count)
        var structure = StructureBuilder(documentLanguage: info.language)
        for page in document.pages {
            var out = PDFPage(width: page.width, height: page.height)
            var mark: PDFContentMark = .artifact(.layout)
            var language = info.language
            for item in page.items {
                switch item {
                case .beginMark(let contentMark):
                    switch contentMark {
                    case .content(let path):
                        let element = structure.element(for: path)
                        mark = .element(element.index)
                        language = element.language
                    case .header: mark = .artifact(.header)
                    case .footer(let alternative): mark = .artifact(.footer(alternateDescription: alternative))
                    }
                case .endMark:
                    mark = .artifact(.layout)
                    language = info.language
                case .field:
                    break  // where the paper is filled in: nothing to draw
                case .glyphs(let x, let y, let run):
                    let glyphs = run.glyphs.map { PDFGlyph(id: $0.id, x: $0.x, y: $0.y, text: $0.text) }
                    var textMark = mark
                    if case .artifact(.footer) = mark { textMark = .artifact(.footer(alternateDescription: nil)) }
                    var pdfRun = PDFTextRun(font: try pdfFont(run.font), size: run.size,
                                            x: x, y: page.height - y, glyphs: glyphs, mark: textMark,
                                            spans: Self.spans(run, language: language, latin: info.latinScriptLanguage))
                    pdfRun.rightToLeft = run.isRightToLeft
                    out.texts.append(pdfRun)
                case .line(let x1, let y1, let x2, let y2, let width, let gray):
                    out.graphics.append(.line(x1: x1, y1: page.height - y1, x2: x2, y2: page.height - y2, width: width, gray: gray))
                    out.graphicMarks.append(mark)
                case .rect(let x, let y, let w, let h, let stroke, let fill):
                    out.graphics.append(.rect(x: x, y: page.height - y - h, width: w, height: h, stroke: stroke, fill: fill))
                    out.graphicMarks.append(mark)
                case .cells(let x, let y, let cell, let rows, let blocks):
                    // Rows counted upwards from the grid's lower-left corner.
                    out.graphics.append(.cells(x: x, y: page.height - y - Double(rows) * cell, cell: cell, bleed: 0.02, blocks: blocks.map {
                        PDFCellBlock(column: $0.column, row: rows - $0.row - $0.height, width: $0.width, height: $0.height)
                    }))
                    out.graphicMarks.append(mark)
                case .path(let segments, let stroke, let fill, let evenOdd):
                    let h = page.height
                    let elements = segments.map { s -> PDFPathElement in
                        switch s {
                        case .move(let x, let y): return .move(x, h - y)
                        case .line(let x, let y): return .line(x, h - y)
                        case .curve(let x1, let y1, let x2, let y2, let x, let y): return .curve(x1, h - y1, x2, h - y2, x, h - y)
                        case .close: return .close
                        }
                    }
                    out.graphics.append(.path(elements, stroke: stroke, fill: fill, evenOdd: evenOdd))
                    out.graphicMarks.append(mark)
                }
            }
            pages.append(out)
        }
        var pdfInfo = PDFDocumentInfo(title: info.title, language: info.language, author: nil, subject: info.subject,
                                      creator: "osteodoc", identifier: info.identifier, creationDate: info.creationDate,
                                      outline: Self.outline(document.outline, pageHeight: document.pages.first?.height ?? 841.89),
                                      producer: info.producer)
        pdfInfo.otherLanguages = info.otherLanguages
        if info.tagged {
            pdfInfo.structure = structure.elements
            pdfInfo.outputIntentProfile = info.outputIntentProfile
        }
        return try PDFDocumentWriter.write(pages: pages, info: pdfInfo)
    }

    /// Marked-content spans of a run:
    /// - a `/Lang` span for a left-to-right run of Latin letters inside right-to-left text
    ///   (a Latin name in an Arabic sentence); digits and punctuation need none;
    /// - in a right-to-left run, sentence punctuation (the full stop after an Arabic word)
    ///   gets `/ActualText` of U+200F RIGHT-TO-LEFT MARK and the character, which says what
    ///   the bidi algorithm decided there. Without it poppler (pdftotext 22.12, checked)
    ///   takes the neutral full stop for the start of a left-to-right word and extracts
    ///   "مريض .يضع" for "مريض. يضع"; with it, "مريض. يضع". Only the punctuation glyph is
    ///   covered: poppler spreads a replacement text over its span's box from left to right,
    ///   so a span over Arabic letters would come out reversed. (The same glyph also serves
    ///   left-to-right numbers such as "3.5", so this cannot go into the ToUnicode map.)
    static func spans(_ run: GlyphRun, language: String, latin: String?) -> [PDFTextSpan] {
        if run.isRightToLeft {
            var spans: [PDFTextSpan] = []
            for (index, glyph) in run.glyphs.enumerated() where glyph.text.unicodeScalars.count == 1 {
                if let scalar = glyph.text.unicodeScalars.first, rightToLeftPunctuation.contains(scalar) {
                    spans.append(PDFTextSpan(glyphs: index..<index + 1, actualText: "\u{200F}" + glyph.text))
                }
            }
            return spans
        }
        guard let latin, run.bidiLevel > 0 || isRightToLeft(language), !run.glyphs.isEmpty,
              run.glyphs.contains(where: { $0.text.unicodeScalars.contains(where: isLatinLetter) })
        else { return [] }
        return [PDFTextSpan(glyphs: 0..<run.glyphs.count, language: latin)]
    }

    /// Punctuation that ends or splits a sentence and has a neutral or separator bidi class.
    static let rightToLeftPunctuation: Set<Unicode.Scalar> = [".", ",", ":", ";", "!", "?"]

    static func isRightToLeft(_ language: String) -> Bool {
        // Asked for every glyph run: the primary subtag compared in UTF-8, nothing allocated.
        let primary = language.utf8.prefix { $0 != UInt8(ascii: "-") }
        return rightToLeftLanguages.contains { $0.utf8.elementsEqual(primary) }
    }

    private static let rightToLeftLanguages = ["ar", "he", "fa", "ur"]

    private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return scalar.properties.isAlphabetic
        default: return false
        }
    }

    private func pdfFont(_ font: LoadedFont) throws -> PDFFont {
        lock.lock(); defer { lock.unlock() }
        if let f = fonts[font.key] { return f }
        let f = try font.makePDFFont()
        fonts[font.key] = f
        return f
    }

    /// Nests level-1 and level-2 headings into bookmarks (deeper levels are left out).
    static func outline(_ entries: [OutlineEntry], pageHeight: Double) -> [PDFOutlineItem] {
        var items: [PDFOutlineItem] = []
        for e in entries where e.level <= 2 {
            let item = PDFOutlineItem(title: e.title, pageIndex: e.pageIndex, y: pageHeight - e.y + 4)
            if e.level == 2, !items.isEmpty {
                items[items.count - 1].children.append(item)
            } else {
                items.append(item)
            }
        }
        return items
    }
}
