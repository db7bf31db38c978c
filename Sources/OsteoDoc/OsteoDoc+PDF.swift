import DocumentModel
import Foundation
import Layout
import PDFExport
import PlanImport
import Typesetting

/// The PDF half of the pipeline: fonts are loaded once per engine (per process
/// in the CLI), then every document is laid out and written with them.
final class PDFPipeline: @unchecked Sendable {
    // @unchecked: immutable after init; FontLibrary, Typesetter and PDFExporter are thread-safe.
    let fonts: FontLibrary
    let typesetter: Typesetter
    let exporter = PDFExporter()

    init(provider: ResourceProvider) throws {
        fonts = try FontLibrary(directory: provider.fontDirectory)
        typesetter = Typesetter(fonts: fonts, hyphenationDirectory: provider.hyphenationDirectory,
                                compiledDictionaryCache: provider.cacheDirectory)
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
        try pdfWithPages(document).bytes
    }

    func pdfWithPages(_ document: Document) throws -> (bytes: [UInt8], pages: Int) {
        let laid = try layout(document)
        let bytes = try exporter.pdf(laid, info: PDFExporter.Info(
            title: document.metadata.title, language: document.metadata.language,
            identifier: document.metadata.documentId))
        return (bytes, laid.pages.count)
    }

    /// Whether some font prints every character of `text` (controls and default-ignorables aside).
    func prints(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isDefaultIgnorableCodePoint || scalar.properties.generalCategory == .control
                || scalar.properties.isWhitespace || fonts.allFonts.contains { $0.covers(scalar) }
        }
    }
}

extension OsteoDoc {
    /// The layout of a document (pages of frames) and its text log, for tests and debugging.
    public func layout(_ document: Document) throws -> LaidOutDocument {
        try pdfPipeline().layout(document, log: true)
    }

    /// The printed fields of the plan (JSON paths) that hold characters none of the fonts covers.
    /// `plan check` and every PDF render ask this first, so a failure names the field, never its characters.
    public func unprintableFields(_ plan: Plan) throws -> [String] {
        let pipeline = try pdfPipeline()
        return plan.printedFields.filter { !pipeline.prints($0.value) }.map(\.path)
    }

    func renderBilingualPDF(_ first: Document, _ second: Document, plan: Plan) throws -> [UInt8] {
        let pipeline = try checkedPipeline(plan, languages: [first.metadata.language, second.metadata.language])
        return try typeset { try pipeline.pdf(first, second) }
    }

    func renderPDF(_ document: Document, plan: Plan) throws -> [UInt8] {
        try renderPDFWithPages(document, plan: plan).bytes
    }

    func renderPDFWithPages(_ document: Document, plan: Plan) throws -> (bytes: [UInt8], pages: Int) {
        let pipeline = try checkedPipeline(plan, languages: [document.metadata.language])
        return try typeset { try pipeline.pdfWithPages(document) }
    }

    /// The pipeline, after checking that the plan's fields print and the languages' dictionaries exist.
    private func checkedPipeline(_ plan: Plan, languages: [String]) throws -> PDFPipeline {
        let pipeline = try pdfPipeline()
        let unprintable = plan.printedFields.filter { !pipeline.prints($0.value) }.map(\.path)
        if !unprintable.isEmpty { throw OsteoDocError.input(.unprintable(unprintable)) }
        for language in languages { try requireDictionary(language, pipeline) }
        return pipeline
    }

    /// A language osteodoc hyphenates needs its dictionary: without it lines would silently break worse.
    func requireDictionary(_ language: String, _ pipeline: PDFPipeline) throws {
        if let path = pipeline.typesetter.missingHyphenationDictionary(for: language) {
            throw OsteoDocError.environment(.missingDictionary(language: language, path: path))
        }
    }

    /// Layout and PDF errors as the facade's classes; their text names rules and glyph ids, never characters.
    private func typeset<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as OsteoDocError { throw e } catch let e as MissingGlyphsError {
            // The fields were checked; the characters come from the content (never printed here).
            throw OsteoDocError.content(.invalid("\(e.characters.count) character(s) of the content have no glyph in the installed fonts"))
        } catch let e as LayoutError {
            throw OsteoDocError.internal(stage: "Layout", detail: e.description)
        } catch {
            throw OsteoDocError.internal(stage: "PDF", detail: String(describing: error))
        }
    }
}
