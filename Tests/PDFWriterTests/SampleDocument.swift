// The documents the integration tests write: Italian in Noto Sans regular and
// bold, an Arabic line shaped right-to-left, rules, boxes and an outline.
import Foundation
@testable import PDFWriter

enum SampleDocument {
    static let italian = "Cementoplastica ossea: perché, città, è già; fi ffi"
    static let arabic = "السلام عليكم ولا"
    static let title = "Consenso informato — cementoplastica"
    static let width = 595.2756
    static let height = 841.8898

    /// A right-to-left line, right-aligned at `right`.
    static func arabicRun(_ text: String, font name: String, size: Double, right: Double, y: Double) throws -> PDFTextRun {
        let font = try Fonts.load(name)
        let glyphs = font.shaper.shape(text, size: size, rtl: true, script: "Arab", language: "ar")
        return PDFTextRun(font: font.pdf, size: size, x: right - font.shaper.width(glyphs, size: size), y: y, glyphs: glyphs)
    }

    static func latinRun(_ text: String, font name: String, size: Double, x: Double, y: Double, gray: Double = 0) throws -> PDFTextRun {
        let font = try Fonts.load(name)
        return PDFTextRun(font: font.pdf, size: size, x: x, y: y,
                          glyphs: font.shaper.shape(text, size: size), gray: gray)
    }

    /// Two A4 pages as the brief describes them.
    static func twoPages(creationDate: String? = nil) throws -> (pages: [PDFPage], info: PDFDocumentInfo) {
        let page1 = PDFPage(
            width: width, height: height,
            graphics: [
                .line(x1: 50, y1: 790, x2: 545, y2: 790, width: 0.5, gray: 0.4),
                .rect(x: 50, y: 660, width: 495, height: 40, stroke: 0.75, fill: 0.95),
                .rect(x: 50, y: 600, width: 200, height: 30, stroke: 1, fill: nil),
                .path([.move(300, 600), .line(545, 600), .curve(545, 620, 530, 630, 510, 630), .close],
                      stroke: nil, fill: 0.8, evenOdd: false),
            ],
            texts: [
                try latinRun("Consenso informato", font: "NotoSans-Bold.ttf", size: 16, x: 50, y: 800),
                try latinRun(italian, font: "NotoSans-Regular.ttf", size: 11, x: 50, y: 760),
                try latinRun(italian, font: "NotoSans-Bold.ttf", size: 11, x: 50, y: 740),
                try arabicRun(arabic, font: "NotoNaskhArabic-Regular.ttf", size: 14, right: 535, y: 675),
                try latinRun("Firma del paziente", font: "NotoSans-Regular.ttf", size: 9, x: 55, y: 605, gray: 0.3),
            ])
        let page2 = PDFPage(
            width: width, height: height,
            graphics: [.line(x1: 50, y1: 790, x2: 545, y2: 790, width: 0.5, gray: 0.4),
                       .rect(x: 50, y: 700, width: 495, height: 60, stroke: 0.5, fill: nil)],
            texts: [
                try latinRun("Lettera di dimissione", font: "NotoSans-Bold.ttf", size: 16, x: 50, y: 800),
                try latinRun("Controllo tra 30 giorni: città di Pisa, è già fissato.", font: "NotoSans-Regular.ttf",
                             size: 11, x: 55, y: 740),
            ])
        let info = PDFDocumentInfo(
            title: title, language: "it-IT", author: "Ospedale di prova", subject: "Cementoplastica",
            creator: "osteodoc 0.1", identifier: "osteodoc-test-0001", creationDate: creationDate,
            outline: [PDFOutlineItem(title: "Consenso informato", pageIndex: 0, y: 816),
                      PDFOutlineItem(title: "Lettera di dimissione", pageIndex: 1, y: 816)])
        return ([page1, page2], info)
    }

    /// `count` pages of body text, as a long consent form would have.
    static func pages(_ count: Int, linesPerPage: Int = 40) throws -> [PDFPage] {
        let regular = try Fonts.load("NotoSans-Regular.ttf"), bold = try Fonts.load("NotoSans-Bold.ttf")
        let arabic = try Fonts.load("NotoNaskhArabic-Regular.ttf")
        let sentence = "Il paziente è informato che la cementoplastica percutanea comporta rischi limitati."
        let latin = regular.shaper.shape(sentence, size: 10)
        let heading = bold.shaper.shape("Rischi e benefici della procedura", size: 13)
        let arabicGlyphs = arabic.shaper.shape(SampleDocument.arabic, size: 12, rtl: true, script: "Arab", language: "ar")
        return (0..<count).map { page in
            var texts = [PDFTextRun(font: bold.pdf, size: 13, x: 50, y: 800, glyphs: heading)]
            for line in 0..<linesPerPage {
                let y = 780 - Double(line) * 18
                if line % 10 == 9 {
                    texts.append(PDFTextRun(font: arabic.pdf, size: 12, x: 400, y: y, glyphs: arabicGlyphs))
                } else {
                    texts.append(PDFTextRun(font: regular.pdf, size: 10, x: 50, y: y, glyphs: latin))
                }
            }
            return PDFPage(width: width, height: height,
                           graphics: [.line(x1: 50, y1: 815, x2: 545, y2: 815, width: 0.5, gray: 0.5),
                                      .rect(x: 40, y: 40, width: 515, height: 30, stroke: 0.5, fill: 0.95)],
                           texts: texts + [PDFTextRun(font: regular.pdf, size: 8, x: 50, y: 50,
                                                      glyphs: regular.shaper.shape("Pagina \(page + 1)", size: 8))])
        }
    }
}
