import Content
import DocumentModel
import Foundation
import HTMLExport
import Markdown
import PlanImport
import Settings
import Templating

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
/// of every page's footer (`QRCode`, the only user of libqrencode). The outside
/// world comes in here only: the resource folder (templates/, locales/) and,
/// for PDF, the font folder. Nothing reads the clock, so the same plan always
/// gives the same bytes.
public final class OsteoDoc: @unchecked Sendable {
    // @unchecked: all stored state is immutable after init except the expander
    // cache, which is guarded by `lock`.
    public let resources: URL
    public let content: ContentRepository
    private let templates: [String: String]
    /// Content version per locale tag: the catalog's declared version plus a digest of the templates,
    /// the Italian source and (for a translation) that locale's files.
    public let contentVersions: [String: String]
    private let lock = NSLock()
    private var expanders: [String: TemplateExpander] = [:]
    private var formatters: [String: LocaleFormatter] = [:]
    /// Translation status per locale: the content never changes after init, so it is computed once.
    private var statuses: [String: LocaleStatus] = [:]
    private var pipeline: PDFPipeline?
    /// Folder of the Noto fonts used for PDF output.
    public let fontDirectory: String
    /// The facility's configuration (osteodoc.toml's `[facility]`): out-of-hours number, ward hours.
    /// The library reads no file or environment variable for it: the caller passes it in.
    public let settings: FacilitySettings

    /// - Parameters:
    ///   - resources: the folder holding `templates/` and `locales/`.
    ///   - settings: the facility's configuration; unconfigured means the documents name only
    ///     the plan's emergency number for out of hours.
    public init(resources: URL, fontDirectory: String = OsteoDoc.defaultFontDirectory,
                settings: FacilitySettings = .unconfigured) throws {
        self.resources = resources
        self.fontDirectory = fontDirectory
        self.settings = settings
        do {
            self.content = try ContentRepository(root: resources)
        } catch {
            throw OsteoDocError.content(String(describing: error))
        }
        var templates: [String: String] = [:]
        for kind in DocumentKind.allCases {
            let url = resources.appendingPathComponent("templates/\(kind.rawValue).mustache")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw OsteoDocError.content("missing template templates/\(kind.rawValue).mustache")
            }
            templates[kind.rawValue] = text
        }
        self.templates = templates
        self.contentVersions = ContentVersion.compute(templates: templates, repository: content)
    }

    public typealias Error = OsteoDocError

    /// The facility's clock: the configured time zone (checked when the settings are read),
    /// Europe/Rome when none is configured.
    public var facilityTimeZone: TimeZone { TimeZone(identifier: settings.timeZone) ?? FacilityClock.defaultTimeZone }

    /// Decodes and validates a plan export.
    /// - Parameter timeZone: the facility's clock, on which date rules are judged (as the
    ///   documents are printed on it); `facilityTimeZone` of an engine with settings.
    public static func plan(from data: Data, timeZone: TimeZone = FacilityClock.defaultTimeZone) throws -> Plan {
        do { return try PlanDecoder.decode(data, timeZone: timeZone) } catch {
            throw OsteoDocError.invalidPlan(error)  // typed throws: always a PlanValidationError
        }
    }

    /// The locale a document will be written in: the requested tag, or the patient's
    /// language, resolved without ever falling back to another language.
    public func resolveLanguage(_ requested: String?, plan: Plan) throws -> String {
        let wanted = requested ?? plan.patient.language
        guard let tag = content.resolve(wanted) else {
            throw OsteoDocError.unavailableLanguage(wanted, available: content.localeTags)
        }
        return tag
    }

    /// The expanded CommonMark of a document (the stage before the document tree).
    public func markdown(_ kind: DocumentKind, plan: Plan, language: String) throws -> String {
        try wrap { try expandedMarkdown(kind, plan: plan, language: language) }
    }

    private func expandedMarkdown(_ kind: DocumentKind, plan: Plan, language: String) throws -> String {
        let (expander, formatter) = try tools(for: language)
        let model = try ViewModelBuilder.build(plan: plan, kind: kind, formatter: formatter,
                                               documentId: documentId(kind, plan: plan, language: language),
                                               contentVersion: contentVersion(language), settings: settings)
        return try expander.expand(kind, model: model)
    }

    private func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as TemplatingError { throw OsteoDocError.templating(e) }
    }

    /// The document tree of a document.
    public func document(_ kind: DocumentKind, plan: Plan, language: String, allowStale: Bool = false) throws -> Document {
        try document(kind, plan: plan, language: language, allowStale: allowStale, beside: nil)
    }

    /// - Parameter beside: the other language when the document is printed side by side with it.
    private func document(_ kind: DocumentKind, plan: Plan, language: String, allowStale: Bool, beside: String?) throws -> Document {
        let stale = try translationState(kind, language: language, allowStale: allowStale)
        let text = try markdown(kind, plan: plan, language: language)
        let blocks: [Block]
        do { blocks = try MarkdownReader.read(text) } catch {
            throw OsteoDocError.content(String(describing: error))
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
        let blocking = status.blocking(prosePrefix: kind.rawValue + "/")
        let missing = blocking.filter { $0.state == .missing }
        let stale = blocking.filter { $0.state == .stale }
        if !missing.isEmpty { throw OsteoDocError.incompleteTranslation(language, missing: missing.map(\.id), stale: stale.map(\.id)) }
        if !stale.isEmpty && !allowStale { throw OsteoDocError.incompleteTranslation(language, missing: [], stale: stale.map(\.id)) }
        return !stale.isEmpty
    }

    private func makeDocument(_ kind: DocumentKind, plan: Plan, language: String, blocks: [Block], stale: Bool,
                              nameMaster: Bool) throws -> Document {
        let (_, f) = try tools(for: language)
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
        let locale = content.locale(language)!
        let id = documentId(kind, plan: plan, language: language)
        let meta = DocumentMetadata(
            title: try f.string(kind == .consent ? "consent.title" : "discharge.title"),
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
    public func render(_ kind: DocumentKind, plan: Plan, language: String, format: OutputFormat,
                       allowStale: Bool = false) throws -> [UInt8] {
        let doc = try document(kind, plan: plan, language: language, allowStale: allowStale)
        switch format {
        case .html: return Array(HTMLWriter.html(doc).utf8)
        case .pdf: return try renderPDF(doc)
        }
    }

    /// The version of the content a document in `language` is built from.
    public func contentVersion(_ language: String) -> String { contentVersions[language] ?? "0" }

    /// Renders a bilingual document: `language` and `second` side by side, section by section.
    public func renderBilingual(_ kind: DocumentKind, plan: Plan, language: String, second: String, format: OutputFormat,
                                allowStale: Bool = false) throws -> [UInt8] {
        guard language != second else { throw OsteoDocError.content("--with names the same language as --lang") }
        let a = try document(kind, plan: plan, language: language, allowStale: allowStale, beside: second)
        let b = try document(kind, plan: plan, language: second, allowStale: allowStale, beside: language)
        switch format {
        case .html: return Array(HTMLWriter.bilingual(a, b).utf8)
        case .pdf: return try renderBilingualPDF(a, b)
        }
    }

    /// Deterministic document id from plan id, kind, language and content version.
    public func documentId(_ kind: DocumentKind, plan: Plan, language: String) -> String {
        let digest = Digest.fnv1a64("\(plan.planId)|\(kind.rawValue)|\(language)|\(contentVersion(language))")
        let prefix = kind == .consent ? "CI" : "DS"
        return "\(prefix)-\(plan.planId)-\(language)-\(String(digest, radix: 16, uppercase: true).suffix(8))"
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
            let p = try PDFPipeline(fontDirectory: fontDirectory)
            pipeline = p
            return p
        } catch {
            throw OsteoDocError.typesetting(String(describing: error))
        }
    }

    private func tools(for language: String) throws -> (TemplateExpander, LocaleFormatter) {
        guard let locale = content.locale(language) else {
            throw OsteoDocError.unavailableLanguage(language, available: content.localeTags)
        }
        lock.lock(); defer { lock.unlock() }
        let expander: TemplateExpander
        if let cached = expanders[language] {
            expander = cached
        } else {
            do { expander = try TemplateExpander(templates: templates, locale: locale) } catch {
                throw OsteoDocError.content(String(describing: error))
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

/// What can go wrong, as values; the CLI prints them and chooses the exit code.
public enum OsteoDocError: Error, CustomStringConvertible {
    case invalidPlan(PlanValidationError)
    case unavailableLanguage(String, available: [String])
    case content(String)
    case unsupportedFormat(String)
    case templating(TemplatingError)
    case typesetting(String)
    case incompleteTranslation(String, missing: [String], stale: [String])

    public var description: String {
        switch self {
        case .invalidPlan(let e): return e.description
        case .unavailableLanguage(let tag, let available):
            return "language \"\(tag)\" is not available; available: \(available.joined(separator: ", "))"
        case .content(let s): return "content: \(s)"
        case .unsupportedFormat(let f): return "output format \"\(f)\" is not supported; use .html or .pdf"
        case .templating(let e): return e.description
        case .typesetting(let s): return "typesetting: \(s)"
        case .incompleteTranslation(let tag, let missing, let stale):
            var lines = ["the \(tag) translation cannot be used for this document:"]
            if !missing.isEmpty { lines.append("  missing: " + missing.joined(separator: ", ")) }
            if !stale.isEmpty { lines.append("  stale (translated from an older Italian text): " + stale.joined(separator: ", ")) }
            if missing.isEmpty { lines.append("  (--allow-stale prints it anyway, with a visible notice)") }
            return lines.joined(separator: "\n")
        }
    }
}
