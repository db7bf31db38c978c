import DocumentModel
import Foundation
import Layout
import PDFExport
import PlanImport
import Typesetting

/// Per-document choices for PDF output.
public struct PDFOptions: Sendable, Equatable {
    /// RFC 3339 date-time for `/CreationDate` and `xmp:CreateDate` (the service passes the
    /// issue time, the CLI `--date`); nil: the file has none and stays byte-identical.
    public var creationDate: String?
    /// Large print for patients with low vision: body text 16 pt, headings to scale,
    /// wide tables stacked as one key–value block per row.
    public var largePrint: Bool
    /// `/Producer` and `pdf:Producer`: "osteodoc" and the program's version.
    public var producer: String
    /// Write a tagged PDF/A-2a (on by default; off only to compare with the untagged file).
    public var tagged: Bool

    public init(creationDate: String? = nil, largePrint: Bool = false, producer: String = "osteodoc", tagged: Bool = true) {
        self.creationDate = creationDate
        self.largePrint = largePrint
        self.producer = producer
        self.tagged = tagged
    }
}

/// The PDF half of the pipeline: fonts are loaded once per engine (per process
/// in the CLI), then every document is laid out and written with them.
final class PDFPipeline: @unchecked Sendable {
    // @unchecked: immutable after init; FontLibrary, Typesetter and PDFExporter are thread-safe.
    let fonts: FontLibrary
    let typesetter: Typesetter
    let exporter = PDFExporter()
    /// The sRGB profile of the PDF/A OutputIntent: the built-in one, or the file `iccProfile` names.
    let outputIntentProfile: [UInt8]

    init(provider: ResourceProvider) throws {
        if let path = provider.iccProfile {
            guard let profile = FileManager.default.contents(atPath: path) else {
                throw OsteoDocError.environment(.missingResource(path: path))
            }
            outputIntentProfile = [UInt8](profile)
        } else {
            outputIntentProfile = SRGBProfile.bytes
        }
        fonts = try FontLibrary(directory: provider.fontDirectory)
        typesetter = Typesetter(fonts: fonts, hyphenationDirectory: provider.hyphenationDirectory,
                                compiledDictionaryCache: provider.cacheDirectory)
    }

    func layoutOptions(_ options: PDFOptions, log: Bool = false) -> LayoutOptions {
        var layout = options.largePrint ? LayoutOptions.largePrint : LayoutOptions()
        layout.collectLog = log
        return layout
    }

    func layout(_ document: Document, options: PDFOptions = PDFOptions(), log: Bool = false) throws -> LaidOutDocument {
        try DocumentLayout(typesetter: typesetter, options: layoutOptions(options, log: log)).layout(document)
    }

    /// - Parameter latin: the language of Latin-script names inside right-to-left text: the
    ///   left-to-right language beside it, or Italian (the hospital's own names).
    func info(_ options: PDFOptions, title: String, language: String, identifier: String,
              otherLanguages: [String] = [], latin: String = "it") -> PDFExporter.Info {
        PDFExporter.Info(title: title, language: language, identifier: identifier, creationDate: options.creationDate,
                         producer: options.producer, otherLanguages: otherLanguages, tagged: options.tagged,
                         outputIntentProfile: outputIntentProfile,
                         latinScriptLanguage: latin)
    }

    func layoutBilingual(_ first: Document, _ second: Document, options: PDFOptions = PDFOptions()) throws -> LaidOutDocument {
        try DocumentLayout(typesetter: typesetter, options: layoutOptions(options)).layoutBilingual(first, second)
    }

    func pdf(_ first: Document, _ second: Document, options: PDFOptions = PDFOptions()) throws -> [UInt8] {
        let laid = try layoutBilingual(first, second, options: options)
        return try exporter.pdf(laid, info: info(
            options, title: first.metadata.title + " / " + second.metadata.title, language: first.metadata.language,
            identifier: first.metadata.documentId + "+" + second.metadata.language + (options.largePrint ? "+large" : ""),
            otherLanguages: [second.metadata.language],
            latin: [first, second].first { $0.metadata.direction == .leftToRight }?.metadata.language ?? "it"))
    }

    func pdf(_ document: Document, options: PDFOptions = PDFOptions()) throws -> [UInt8] {
        try pdfWithPages(document, options: options).bytes
    }

    func pdfWithPages(_ document: Document, options: PDFOptions = PDFOptions()) throws -> (bytes: [UInt8], pages: Int) {
        let laid = try layout(document, options: options)
        let bytes = try exporter.pdf(laid, info: info(
            options, title: document.metadata.title, language: document.metadata.language,
            identifier: document.metadata.documentId + (options.largePrint ? "+large" : "")))
        return (bytes, laid.pages.count)
    }

    /// The plan's printed fields (JSON paths) with a character no font covers (see `FontLibrary.covers`).
    func unprintableFields(_ plan: Plan) -> [String] {
        plan.printedFields.filter { !fonts.covers($0.value) }.map(\.path)
    }
}

extension OsteoDoc {
    /// The layout of a document (pages of frames) and its text log, for tests and debugging.
    public func layout(_ document: Document, options: PDFOptions = PDFOptions()) throws -> LaidOutDocument {
        try pdfPipeline().layout(document, options: options, log: true)
    }

    /// The printed fields of the plan (JSON paths) that hold characters none of the fonts covers.
    /// `plan check` and every PDF render ask this first, so a failure names the field, never its characters.
    public func unprintableFields(_ plan: Plan) throws -> [String] {
        try pdfPipeline().unprintableFields(plan)
    }

    func renderBilingualPDF(_ first: Document, _ second: Document, plan: Plan, options: PDFOptions) throws -> [UInt8] {
        let pipeline = try checkedPipeline(plan, languages: [first.metadata.language, second.metadata.language])
        return try typeset { try pipeline.pdf(first, second, options: options) }
    }

    func renderPDF(_ document: Document, plan: Plan, options: PDFOptions) throws -> [UInt8] {
        try renderPDFWithPages(document, plan: plan, options: options).bytes
    }

    func renderPDFWithPages(_ document: Document, plan: Plan, options: PDFOptions = PDFOptions()) throws -> (bytes: [UInt8], pages: Int) {
        let pipeline = try checkedPipeline(plan, languages: [document.metadata.language])
        return try typeset { try pipeline.pdfWithPages(document, options: options) }
    }

    /// The pipeline, after checking that the plan's fields print and the languages' dictionaries exist.
    func checkedPipeline(_ plan: Plan, languages: [String]) throws -> PDFPipeline {
        let pipeline = try pdfPipeline()
        let unprintable = pipeline.unprintableFields(plan)
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
    func typeset<T>(_ body: () throws -> T) throws -> T {
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
