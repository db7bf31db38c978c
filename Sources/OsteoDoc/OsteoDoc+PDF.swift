import DocumentModel
import Foundation
import Layout
import PDFExport
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

    init(fontDirectory: String, iccProfile: String?) throws {
        fonts = try FontLibrary(directory: fontDirectory)
        typesetter = Typesetter(fonts: fonts)
        if let iccProfile {
            guard let profile = FileManager.default.contents(atPath: iccProfile) else {
                throw OsteoDocError.typesetting("the ICC profile \(iccProfile) ($OSTEODOC_ICC_PROFILE) is missing")
            }
            outputIntentProfile = [UInt8](profile)
        } else {
            outputIntentProfile = SRGBProfile.bytes
        }
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

    func pdf(_ first: Document, _ second: Document, options: PDFOptions = PDFOptions()) throws -> [UInt8] {
        let laid = try DocumentLayout(typesetter: typesetter, options: layoutOptions(options)).layoutBilingual(first, second)
        return try exporter.pdf(laid, info: info(
            options, title: first.metadata.title + " / " + second.metadata.title, language: first.metadata.language,
            identifier: first.metadata.documentId + "+" + second.metadata.language + (options.largePrint ? "+large" : ""),
            otherLanguages: [second.metadata.language],
            latin: [first, second].first { $0.metadata.direction == .leftToRight }?.metadata.language ?? "it"))
    }

    func pdf(_ document: Document, options: PDFOptions = PDFOptions()) throws -> [UInt8] {
        let laid = try layout(document, options: options)
        return try exporter.pdf(laid, info: info(
            options, title: document.metadata.title, language: document.metadata.language,
            identifier: document.metadata.documentId + (options.largePrint ? "+large" : "")))
    }
}

extension OsteoDoc {
    /// The folder with the Noto fonts (Debian's fonts-noto-core), or $OSTEODOC_FONTS.
    public static var defaultFontDirectory: String {
        ProcessInfo.processInfo.environment["OSTEODOC_FONTS"] ?? "/usr/share/fonts/truetype/noto"
    }

    /// An RGB ICC profile file for the PDF/A OutputIntent instead of the built-in sRGB profile
    /// (`SRGBProfile`, 588 bytes): $OSTEODOC_ICC_PROFILE, e.g. Debian's
    /// /usr/share/color/icc/sRGB.icc (icc-profiles-free); nil: the built-in one.
    public static var defaultICCProfile: String? {
        ProcessInfo.processInfo.environment["OSTEODOC_ICC_PROFILE"]
    }

    /// The layout of a document (pages of frames) and its text log, for tests and debugging.
    public func layout(_ document: Document, options: PDFOptions = PDFOptions()) throws -> LaidOutDocument {
        try pdfPipeline().layout(document, options: options, log: true)
    }

    func renderBilingualPDF(_ first: Document, _ second: Document, options: PDFOptions) throws -> [UInt8] {
        do { return try pdfPipeline().pdf(first, second, options: options) } catch let e as OsteoDocError { throw e } catch {
            throw OsteoDocError.typesetting(String(describing: error))
        }
    }

    func renderPDF(_ document: Document, options: PDFOptions) throws -> [UInt8] {
        do { return try pdfPipeline().pdf(document, options: options) } catch let e as OsteoDocError { throw e } catch {
            throw OsteoDocError.typesetting(String(describing: error))
        }
    }
}
