import Content
import DocumentModel
import Foundation
import HTMLExport
import Markdown
import PlanImport
import Settings
import Templating
import Typesetting

/// osteodoc's facade: runs the one-way pipeline
///
///     plan JSON ──PlanImport──▶ Plan ──Templating──▶ view model ──Mustache──▶ CommonMark
///       ──Markdown (libcmark)──▶ Document tree ──HTMLExport──▶ HTML
///                                              └─Layout (HarfBuzz…)──PDFExport──▶ PDF
///
/// Modules depend one way (PlanImport, Content → Templating; DocumentModel →
/// Markdown, HTMLExport, Layout → PDFExport; all → OsteoDoc → CLI). The body
/// diagram of the plan summary is one description in `BodyDiagram` (pure
/// geometry: skeleton outline, site positions, marker placement), read by
/// Markdown (to check the codes of the `body-diagram` directive), HTMLExport (inline
/// SVG) and Layout (path items → PDF path operators). Layout also draws the QR code
/// of every page's footer (`QRCode`, the only user of libqrencode). Fonts are parsed
/// once, by Typesetting (the only user of HarfBuzz, hb-subset included); PDFExport
/// hands the PDF writer their facts as values and subsetting through a protocol. The outside
/// world comes in here only, through one ``ResourceProvider`` (content folder, fonts,
/// hyphenation dictionaries, optional cache folder). Nothing reads the clock, so the
/// same plan always gives the same bytes.
public final class OsteoDoc: @unchecked Sendable {
    // @unchecked: all stored state is immutable after init except the caches (expanders,
    // formatters, statuses, content versions, the PDF pipeline), which are guarded by `lock`.
    /// Where the engine's resources, fonts, dictionaries and cache come from.
    public let provider: ResourceProvider
    public var resources: URL { provider.resources }
    /// Folder of the Noto fonts used for PDF output.
    public var fontDirectory: String { provider.fontDirectory }
    public let content: ContentRepository
    private let templates: [String: String]
    private let lock = NSLock()
    private var expanders: [String: TemplateExpander] = [:]
    private var formatters: [String: LocaleFormatter] = [:]
    /// Translation status per locale: the content never changes after init, so it is computed once.
    private var statuses: [String: LocaleStatus] = [:]
    private var versions: [String: String] = [:]
    private var pipeline: PDFPipeline?
    /// The facility's configuration (osteodoc.toml's `[facility]`): out-of-hours number, ward hours.
    /// The library reads no file or environment variable for it: the caller passes it in.
    public let settings: FacilitySettings

    /// An engine reading everything through `provider`. Only the Italian source is read
    /// now; every other language on first use (or at ``preload(languages:)``).
    /// - Parameter settings: the facility's configuration; unconfigured means the documents name only
    ///   the plan's emergency number for out of hours.
    /// - Throws: ``OsteoDocError`` (`.environment` for a missing folder or template, `.content` for a file that does not parse).
    public init(provider: ResourceProvider, settings: FacilitySettings = .unconfigured) throws {
        self.provider = provider
        self.settings = settings
        do {
            self.content = try ContentRepository(root: provider.resources, lazy: true)
        } catch let error as ContentError {
            if case .missingDirectory(let path) = error { throw OsteoDocError.environment(.missingResource(path: path)) }
            throw OsteoDocError.content(.invalid(error.description))
        } catch {
            throw OsteoDocError.content(.invalid(String(describing: error)))
        }
        var templates: [String: String] = [:]
        for kind in DocumentKind.allCases {
            let path = "templates/\(kind.descriptor.template).mustache"
            guard let text = try? String(contentsOf: provider.resources.appendingPathComponent(path), encoding: .utf8) else {
                throw OsteoDocError.environment(.missingResource(path: path))
            }
            templates[kind.descriptor.template] = text
        }
        self.templates = templates
    }

    /// An engine with the content in `resources` and Debian's fonts and dictionaries; no cache.
    public convenience init(resources: URL, fontDirectory: String = ResourceProvider.debianFonts,
                            settings: FacilitySettings = .unconfigured) throws {
        try self.init(provider: ResourceProvider(resources: resources, fontDirectory: fontDirectory), settings: settings)
    }

    public typealias Error = OsteoDocError

    /// Reads and prepares these languages now (catalogs, prose, templates, translation status
    /// and, with `pdf`, the fonts and hyphenation dictionaries), so that no request pays for it.
    /// A service preloads the languages it serves. Tags are resolved like `--lang`.
    public func preload(languages: [String], pdf: Bool = true) throws {
        for requested in languages {
            guard let tag = content.resolve(requested) else {
                throw OsteoDocError.input(.unavailableLanguage(requested: requested, available: content.localeTags))
            }
            _ = try tools(for: tag)
            _ = status(of: tag)
            _ = contentVersion(tag)
            if pdf {
                let pipeline = try pdfPipeline()
                try requireDictionary(tag, pipeline)
                pipeline.typesetter.preloadHyphenation(languages: [tag])
            }
        }
    }

    /// The facility's clock: the configured time zone (checked when the settings are read),
    /// Europe/Rome when none is configured.
    public var facilityTimeZone: TimeZone { TimeZone(identifier: settings.timeZone) ?? FacilityClock.defaultTimeZone }

    /// Decodes and validates a plan export.
    /// - Parameter timeZone: the facility's clock, on which date rules are judged (as the
    ///   documents are printed on it); `facilityTimeZone` of an engine with settings.
    /// - Throws: ``OsteoDocError/input(_:)`` with every issue and its JSON path.
    public static func plan(from data: Data, timeZone: TimeZone = FacilityClock.defaultTimeZone) throws -> Plan {
        do { return try PlanDecoder.decode(data, timeZone: timeZone) } catch {
            throw OsteoDocError.input(.plan(error.issues))  // typed throws: always a PlanValidationError
        }
    }

    /// The locale a document will be written in: the requested tag, or the patient's
    /// language, resolved without ever falling back to another language.
    public func resolveLanguage(_ requested: String?, plan: Plan) throws -> String {
        let wanted = requested ?? plan.patient.language
        guard let tag = content.resolve(wanted) else {
            throw OsteoDocError.input(.unavailableLanguage(requested: requested, available: content.localeTags))
        }
        return tag
    }

    /// The expanded CommonMark of a document (the stage before the document tree).
    public func markdown(_ kind: DocumentKind, plan: Plan, language: String) throws -> String {
        try wrap {
            let (expander, formatter) = try tools(for: language)
            let model = try ViewModelBuilder.build(plan: plan, kind: kind, formatter: formatter,
                                                   documentId: documentId(kind, plan: plan, language: language),
                                                   contentVersion: contentVersion(language), settings: settings)
            return try expander.expand(kind, model: model)
        }
    }

    /// Templating's errors as the facade's classes.
    private func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as TemplatingError {
            switch e {
            case .noOutcome:
                throw OsteoDocError.input(.plan([PlanIssue(path: "outcome", message: "missing: this document needs the procedure's outcome")]))
            case .missingString(let key, let locale): throw OsteoDocError.content(.missingString(key: key, locale: locale))
            case .missingProse(let id, let locale): throw OsteoDocError.content(.missingProse(unit: id, locale: locale))
            case .missingTemplate(let name): throw OsteoDocError.environment(.missingResource(path: "templates/\(name).mustache"))
            case .templateSyntax: throw OsteoDocError.content(.invalid(e.description))
            }
        }
    }

    /// The document tree of a document.
    public func document(_ kind: DocumentKind, plan: Plan, language: String, allowStale: Bool = false) throws -> Document {
        try document(kind, plan: plan, language: language, allowStale: allowStale, beside: nil)
    }

    /// - Parameter beside: the other language when the document is printed side by side with it.
    func document(_ kind: DocumentKind, plan: Plan, language: String, allowStale: Bool, beside: String?) throws -> Document {
        let stale = try translationState(kind, language: language, allowStale: allowStale)
        let text = try markdown(kind, plan: plan, language: language)
        let blocks: [Block]
        do { blocks = try MarkdownReader.read(text) } catch {
            // The text holds plan values: name the stage and the rule's first words only.
            let rule = String(describing: error).split(separator: ":").first.map(String.init) ?? "syntax"
            throw OsteoDocError.internal(stage: "Markdown", detail: "the expanded \(kind.rawValue) template does not parse (\(rule))")
        }
        // Beside the Italian text a translation needs no note naming its master: the two stand
        // side by side with equal standing (DPR 574/1988 art. 4). A stale one is still flagged.
        let nameMaster = beside != content.sourceTag
        return try wrap { try makeDocument(kind, plan: plan, language: language, blocks: blocks, stale: stale, nameMaster: nameMaster) }
    }

    /// Refuses a translation that is missing units this document needs, or stale ones unless allowed.
    /// Returns whether the document is printed from a stale translation.
    private func translationState(_ kind: DocumentKind, language: String, allowStale: Bool) throws -> Bool {
        guard language != content.sourceTag, let status = status(of: language) else { return false }
        let blocking = status.blocking(prosePrefix: kind.descriptor.proseFolder)
        let missing = blocking.filter { $0.state == .missing }
        let stale = blocking.filter { $0.state == .stale }
        if !missing.isEmpty {
            throw OsteoDocError.content(.incompleteTranslation(language: language, missing: missing.map(\.id), stale: stale.map(\.id)))
        }
        if !stale.isEmpty && !allowStale {
            throw OsteoDocError.content(.incompleteTranslation(language: language, missing: [], stale: stale.map(\.id)))
        }
        return !stale.isEmpty
    }

    private func makeDocument(_ kind: DocumentKind, plan: Plan, language: String, blocks: [Block], stale: Bool,
                              nameMaster: Bool) throws -> Document {
        let (expander, f) = try tools(for: language)
        var blocks = blocks
        if language != content.sourceTag {
            // Name the Italian master right under the title; warn visibly when the translation is behind it.
            var notes: [Block] = []
            if nameMaster {
                notes.append(.paragraph([.emphasis([.text(try f.format("notice.translation", ["version": f.isolate(contentVersion(content.sourceTag))]))])]))
            }
            if stale { notes.insert(.callout([.paragraph([.strong([.text(try f.string("notice.stale-translation"))])])]), at: 0) }
            let at = blocks.firstIndex { if case .heading = $0 { return true } else { return false } }.map { $0 + 1 } ?? 0
            blocks.insert(contentsOf: notes, at: at)
        }
        let locale = expander.locale
        let id = documentId(kind, plan: plan, language: language)
        let meta = DocumentMetadata(
            title: try f.string(kind.descriptor.titleKey),
            language: language,
            direction: locale.direction == .rightToLeft ? .rightToLeft : .leftToRight,
            documentId: id, contentVersion: contentVersion(language),
            runningHeader: [
                try f.format("format.full-name", ["given": f.isolate(plan.patient.givenName), "family": f.isolate(plan.patient.familyName)]),
                try f.format("header.birth", sex: plan.patient.sex, ["date": f.plainDate(plan.patient.birthDate)]),
                try f.format("header.mrn", ["mrn": f.isolate(plan.patient.mrn)]),
            ],
            pageLabel: try f.string("page.label"),
            footerNote: try f.format("footer.note", ["id": f.isolate(id), "version": f.isolate(contentVersion(language))]))
        return Document(metadata: meta, blocks: blocks)
    }

    /// Renders a document in the given output format.
    /// - Parameter pdf: PDF choices (creation date, large print); ignored for HTML.
    /// - Throws: ``OsteoDocError``, one of four classes (see ``OsteoDocError/Category``); never a plan value in its text.
    public func render(_ kind: DocumentKind, plan: Plan, language: String, format: OutputFormat,
                       allowStale: Bool = false, pdf: PDFOptions = PDFOptions()) throws -> [UInt8] {
        let doc = try document(kind, plan: plan, language: language, allowStale: allowStale)
        switch format {
        case .html: return Array(HTMLWriter.html(doc).utf8)
        case .pdf: return try renderPDF(doc, plan: plan, options: pdf)
        }
    }

    /// The version of the content a document in `language` is built from: the source catalog's
    /// declared version plus a digest of the templates, the Italian source and (for a translation)
    /// that locale's files. Computed on first use per locale.
    public func contentVersion(_ language: String) -> String {
        lock.lock()
        if let cached = versions[language] { lock.unlock(); return cached }
        lock.unlock()
        let version = ContentVersion.compute(language, templates: templates, repository: content)
        lock.lock(); defer { lock.unlock() }
        versions[language] = version
        return version
    }

    /// Renders a bilingual document: `language` and `second` side by side, section by section.
    public func renderBilingual(_ kind: DocumentKind, plan: Plan, language: String, second: String, format: OutputFormat,
                                allowStale: Bool = false, pdf: PDFOptions = PDFOptions()) throws -> [UInt8] {
        guard language != second else { throw OsteoDocError.input(.sameLanguageTwice) }
        let a = try document(kind, plan: plan, language: language, allowStale: allowStale, beside: second)
        let b = try document(kind, plan: plan, language: second, allowStale: allowStale, beside: language)
        switch format {
        case .html: return Array(HTMLWriter.bilingual(a, b).utf8)
        case .pdf: return try renderBilingualPDF(a, b, plan: plan, options: pdf)
        }
    }

    /// Deterministic document id from plan id, kind, language and content version.
    public func documentId(_ kind: DocumentKind, plan: Plan, language: String) -> String {
        let digest = Digest.fnv1a64("\(plan.planId)|\(kind.rawValue)|\(language)|\(contentVersion(language))")
        return "\(kind.descriptor.idPrefix)-\(plan.planId)-\(language)-\(String(digest, radix: 16, uppercase: true).suffix(8))"
    }

    /// Where a translation stands against the Italian source (computed once per locale).
    func status(of language: String) -> LocaleStatus? {
        lock.lock(); defer { lock.unlock() }
        if let cached = statuses[language] { return cached }
        let status = content.status(of: language)
        statuses[language] = status
        return status
    }

    /// The PDF pipeline, made on first use (fonts are loaded once per engine).
    func pdfPipeline() throws -> PDFPipeline {
        lock.lock(); defer { lock.unlock() }
        if let p = pipeline { return p }
        do {
            let p = try PDFPipeline(provider: provider)
            pipeline = p
            return p
        } catch let error as FontLoadingError {
            throw OsteoDocError.environment(.missingFont(path: error.path))
        } catch {
            throw OsteoDocError.internal(stage: "fonts", detail: String(describing: type(of: error)))
        }
    }

    /// The locale's content (read on first use), its template expander and formatter.
    func tools(for language: String) throws -> (TemplateExpander, LocaleFormatter) {
        let locale: LocaleContent
        do {
            guard let loaded = try content.load(language) else {
                throw OsteoDocError.input(.unavailableLanguage(requested: language, available: content.localeTags))
            }
            locale = loaded
        } catch let e as OsteoDocError { throw e } catch {
            throw OsteoDocError.content(.invalid(String(describing: error)))
        }
        lock.lock(); defer { lock.unlock() }
        let expander: TemplateExpander
        if let cached = expanders[language] {
            expander = cached
        } else {
            do { expander = try TemplateExpander(templates: templates, locale: locale) } catch {
                throw OsteoDocError.content(.invalid(String(describing: error)))
            }
            expanders[language] = expander
        }
        let formatter = formatters[language] ?? LocaleFormatter(content: locale)
        formatters[language] = formatter
        _ = formatter.nestedStrings  // built under the lock, read-only afterwards
        return (expander, formatter)
    }
}

/// Output formats, chosen from the output file's extension.
public enum OutputFormat: String, Sendable, CaseIterable {
    case html, pdf
    public init?(fileExtension: String) { self.init(rawValue: fileExtension.lowercased()) }
}
