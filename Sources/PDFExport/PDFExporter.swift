import Foundation
import Layout
import PDFWriter
import Typesetting

/// Turns laid-out pages into PDF bytes: flips coordinates to PDF user space
/// (origin bottom-left), maps fonts to embedded PDF fonts and headings to bookmarks.
/// It reads only the layout's pages, never the document tree.
public final class PDFExporter: @unchecked Sendable {
    // @unchecked: the font cache is guarded by `lock`; PDFFont is immutable and shareable.
    private let lock = NSLock()
    private var fonts: [String: PDFFont] = [:]

    public init() {}

    /// Document-level facts for the PDF's catalog, info dictionary and XMP.
    public struct Info: Sendable {
        public var title: String, language: String, identifier: String
        public var subject: String?, creationDate: String?
        public init(title: String, language: String, identifier: String, subject: String? = nil, creationDate: String? = nil) {
            self.title = title; self.language = language; self.identifier = identifier
            self.subject = subject; self.creationDate = creationDate
        }
    }

    public func pdf(_ document: LaidOutDocument, info: Info) throws -> [UInt8] {
        var pages: [PDFPage] = []
        pages.reserveCapacity(document.pages.count)
        for page in document.pages {
            var out = PDFPage(width: page.width, height: page.height)
            for item in page.items {
                switch item {
                case .glyphs(let x, let y, let run):
                    let glyphs = run.glyphs.map { PDFGlyph(id: $0.id, x: $0.x, y: $0.y, text: $0.text) }
                    out.texts.append(PDFTextRun(font: try pdfFont(run.font), size: run.size,
                                                x: x, y: page.height - y, glyphs: glyphs))
                case .line(let x1, let y1, let x2, let y2, let width, let gray):
                    out.graphics.append(.line(x1: x1, y1: page.height - y1, x2: x2, y2: page.height - y2, width: width, gray: gray))
                case .rect(let x, let y, let w, let h, let stroke, let fill):
                    out.graphics.append(.rect(x: x, y: page.height - y - h, width: w, height: h, stroke: stroke, fill: fill))
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
                }
            }
            pages.append(out)
        }
        let pdfInfo = PDFDocumentInfo(title: info.title, language: info.language, author: nil, subject: info.subject,
                                      creator: "osteodoc", identifier: info.identifier, creationDate: info.creationDate,
                                      outline: Self.outline(document.outline, pageHeight: document.pages.first?.height ?? 841.89))
        return try PDFDocumentWriter.write(pages: pages, info: pdfInfo)
    }

    private func pdfFont(_ font: LoadedFont) throws -> PDFFont {
        lock.lock(); defer { lock.unlock() }
        if let f = fonts[font.key] { return f }
        let f = try PDFFont(fileData: font.fileData, faceIndex: font.faceIndex)
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
