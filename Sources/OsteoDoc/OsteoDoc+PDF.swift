import DocumentModel
import Foundation
import Layout
import PDFExport
import Typesetting

/// The PDF half of the pipeline: fonts are loaded once per engine (per process
/// in the CLI), then every document is laid out and written with them.
final class PDFPipeline: @unchecked Sendable {
    // @unchecked: immutable after init; FontLibrary, Typesetter and PDFExporter are thread-safe.
    let fonts: FontLibrary
    let typesetter: Typesetter
    let exporter = PDFExporter()

    init(fontDirectory: String) throws {
        fonts = try FontLibrary(directory: fontDirectory)
        typesetter = Typesetter(fonts: fonts)
    }

    func layout(_ document: Document, log: Bool = false) throws -> LaidOutDocument {
        var options = LayoutOptions()
        options.collectLog = log
        return try DocumentLayout(typesetter: typesetter, options: options).layout(document)
    }

    func pdf(_ first: Document, _ second: Document) throws -> [UInt8] {
        let laid = try DocumentLayout(typesetter: typesetter).layoutBilingual(first, second)
        return try exporter.pdf(laid, info: PDFExporter.Info(
            title: first.metadata.title + " / " + second.metadata.title, language: first.metadata.language,
            identifier: first.metadata.documentId + "+" + second.metadata.language))
    }

    func pdf(_ document: Document) throws -> [UInt8] {
        let laid = try layout(document)
        return try exporter.pdf(laid, info: PDFExporter.Info(
            title: document.metadata.title, language: document.metadata.language,
            identifier: document.metadata.documentId))
    }
}

extension OsteoDoc {
    /// The folder with the Noto fonts (Debian's fonts-noto-core), or $OSTEODOC_FONTS.
    public static var defaultFontDirectory: String {
        ProcessInfo.processInfo.environment["OSTEODOC_FONTS"] ?? "/usr/share/fonts/truetype/noto"
    }

    /// The layout of a document (pages of frames) and its text log, for tests and debugging.
    public func layout(_ document: Document) throws -> LaidOutDocument {
        try pdfPipeline().layout(document, log: true)
    }

    func renderBilingualPDF(_ first: Document, _ second: Document) throws -> [UInt8] {
        do { return try pdfPipeline().pdf(first, second) } catch let e as OsteoDocError { throw e } catch {
            throw OsteoDocError.typesetting(String(describing: error))
        }
    }

    func renderPDF(_ document: Document) throws -> [UInt8] {
        do { return try pdfPipeline().pdf(document) } catch let e as OsteoDocError { throw e } catch {
            throw OsteoDocError.typesetting(String(describing: error))
        }
    }
}
