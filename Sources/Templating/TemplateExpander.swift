import Content
import Foundation
import Mustache

/// Expands the document templates (`templates/<kind>.mustache`) over a view model
/// into CommonMark, with the locale's prose units as partials (`{{> consent/risks}}`).
///
/// A template and the prose units it names are parsed once, on the first expansion
/// of that template (a one-shot render of a consent parses neither the discharge
/// nor the preparation sheet: parsing is a third of a cold run's instructions);
/// expanding is then a pure function of the view model. The catalog strings a template
/// prints (`{{t.…}}`) are written into its text before parsing, once per wording of the
/// catalog (``CatalogInlining``), so that an expansion looks up only the plan's values.
/// Every template and prose unit is expanded with the MARKDOWN content type, so
/// `{{value}}` is always escaped for CommonMark; triple mustaches are refused in templates
/// and prose, when the expander is made (a value must never reach cmark unescaped).
public final class TemplateExpander: @unchecked Sendable {
    // @unchecked: immutable after init except `libraries`, `wordings` and `units`, guarded by `lock`
    // (MustacheLibrary is a Sendable value).
    public let locale: LocaleContent
    private let templates: [String: String]
    private let partialNames: Set<String>
    private let partialsByTemplate: [String: [String]]
    private let lock = NSLock()
    /// Parsed libraries by template name: the template (its tags as written) and its partials.
    private var libraries: [String: MustacheLibrary] = [:]
    /// The catalog keys each template prints, split at their dots (``CatalogInlining/keys(in:)``).
    private let catalogKeys: [String: [[String]]]
    /// Parsed libraries by template name with the catalog strings written in: one for each
    /// wording met (the values of `catalogKeys`), at most `wordingsPerTemplate`.
    private var wordings: [String: [(values: [String?], library: MustacheLibrary)]] = [:]
    /// A language has a neutral, a feminine and a masculine wording; a caller giving other
    /// catalogs beyond these gets the template with its tags (the same text, found by name).
    static let wordingsPerTemplate = 4
    /// Prose units parsed, by id: they have no catalog tags, so every wording shares them.
    private var units: [String: MustacheTemplate] = [:]
    /// Whether catalog strings are written in (off only for the test that compares both ways).
    private let inlinesCatalog: Bool

    private static let registerContentType: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()

    private static let header = "{{% CONTENT_TYPE: MARKDOWN}}"

    /// - Parameters:
    ///   - templates: template sources by name (`consent`, `discharge`).
    ///   - locale: the document language's content (prose units become partials).
    /// - Throws: ``TemplatingError/templateSyntax(_:_:)`` for unescaped output in a
    ///   template or unit (a syntax error in one is reported when it is first expanded,
    ///   or by ``parseAll()``).
    ///   - inlineCatalog: write catalog strings into the templates (``CatalogInlining``);
    ///     the output is the same either way.
    public init(templates: [String: String], locale: LocaleContent, inlineCatalog: Bool = true) throws {
        _ = Self.registerContentType
        for (name, source) in templates.sorted(by: { $0.key < $1.key }) {
            try Self.refuseUnescaped(source, name: name)
        }
        for (_, unit) in locale.prose.sorted(by: { $0.key < $1.key }) {
            try Self.refuseUnescaped(unit.text, name: unit.path)
        }
        self.templates = templates
        self.locale = locale
        self.partialNames = Set(locale.prose.keys)
        self.partialsByTemplate = templates.mapValues(Self.partials)
        self.catalogKeys = inlineCatalog ? templates.mapValues(CatalogInlining.keys) : [:]
        self.inlinesCatalog = inlineCatalog
    }

    /// Parses every template and the units each names, reporting the first syntax error.
    public func parseAll() throws {
        for name in templates.keys.sorted() { _ = try library(for: name) }
    }

    /// Expands the template for `kind` into CommonMark.
    public func expand(_ kind: DocumentKind, model: ViewModel) throws -> String {
        let name = kind.descriptor.template
        guard let partials = partialsByTemplate[name] else { throw TemplatingError.missingTemplate(name) }
        for partial in partials where !partialNames.contains(partial) {
            throw TemplatingError.missingProse(partial, locale: locale.tag)
        }
        guard let text = try library(for: name, strings: model.t).render(model, withTemplate: name) else {
            throw TemplatingError.missingTemplate(name)
        }
        // Several values forming one phrase ("name, title") become one isolate.
        return BidiIsolation.joinPhrases(text)
    }

    /// The parsed template `name` with the catalog strings of `strings` written in, parsed
    /// on first use of that wording.
    private func library(for name: String, strings: [String: Any]) throws -> MustacheLibrary {
        guard inlinesCatalog, let keys = catalogKeys[name], !keys.isEmpty else { return try library(for: name) }
        let values = keys.map { CatalogInlining.value(at: $0, in: strings) }
        return try lock.withLock {
            if let known = wordings[name]?.first(where: { Self.sameBytes($0.values, values) }) { return known.library }
            guard let source = templates[name] else { throw TemplatingError.missingTemplate(name) }
            guard wordings[name, default: []].count < Self.wordingsPerTemplate else { return try plainLibrary(name, source) }
            let library = try parse(name, CatalogInlining.inline(source, keys: keys, values: values))
            wordings[name, default: []].append((values, library))
            return library
        }
    }

    /// Whether two wordings are the same, byte for byte: String's `==` is canonical
    /// equivalence, and a template written in with one form would print it for the other.
    private static func sameBytes(_ a: [String?], _ b: [String?]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            switch (x, y) {
            case (nil, nil): true
            case let (x?, y?): sameBytes(x, y)
            default: false
            }
        }
    }

    /// By `memcmp` of the UTF-8 storage (`utf8.elementsEqual` walked the bytes one by one:
    /// 0.2 M instructions a consent for its 80 catalog values).
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return true }  // both empty
                return memcmp(p, q, x.count) == 0
            }
        }
    }

    /// The parsed template `name`, its tags as written, with the prose units it names.
    private func library(for name: String) throws -> MustacheLibrary {
        try lock.withLock {
            guard let source = templates[name] else { throw TemplatingError.missingTemplate(name) }
            return try plainLibrary(name, source)
        }
    }

    /// ``parse(_:_:)`` of the template as written, kept; call with `lock` held.
    private func plainLibrary(_ name: String, _ source: String) throws -> MustacheLibrary {
        if let parsed = libraries[name] { return parsed }
        let library = try parse(name, source)
        libraries[name] = library
        return library
    }

    /// `source` (the template `name`) parsed, with the prose units it names (each parsed
    /// once, for every wording and template); call with `lock` held.
    private func parse(_ name: String, _ source: String) throws -> MustacheLibrary {
        var library = MustacheLibrary()
        do {
            // In pieces (TemplateChunks: the parser's cost grows with tags × length),
            // joined by partial tags on one line, which insert each piece as it is.
            let pieces = TemplateChunks.split(source)
            if pieces.count == 1 {
                try library.register(Self.header + source, named: name)
            } else {
                for (index, piece) in pieces.enumerated() {
                    try library.register(Self.header + piece, named: Self.pieceName(name, index))
                }
                try library.register(pieces.indices.map { "{{> \(Self.pieceName(name, $0))}}" }.joined(), named: name)
            }
        } catch {
            throw TemplatingError.templateSyntax(name, String(describing: error))
        }
        for id in Set(partialsByTemplate[name] ?? []).sorted() {
            guard let unit = locale.prose[id] else { continue }  // reported by `expand`
            if let parsed = units[id] {
                library.register(parsed, named: id)
                continue
            }
            do {
                let parsed = try MustacheTemplate(string: Self.header + UnitSpacing.apply(unit.text))
                units[id] = parsed
                library.register(parsed, named: id)
            } catch {
                throw TemplatingError.templateSyntax(unit.path, String(describing: error))
            }
        }
        return library
    }

    /// The partial name of a template's piece: `?` is a character swift-mustache allows in
    /// partial names and no prose unit has (units are named by their path under `locales/<tag>/`).
    static func pieceName(_ template: String, _ index: Int) -> String { "\(template)?\(index)" }

    /// Names used in `{{> name}}` tags.
    static func partials(in source: String) -> [String] {
        var names: [String] = []
        var rest = Substring(source)
        while let open = rest.range(of: "{{>") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            names.append(rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return names
    }

    private static func refuseUnescaped(_ source: String, name: String) throws {
        // A byte scan: Foundation's `contains` cost a twentieth of a cold run here.
        let bytes = source.utf8
        var index = bytes.startIndex
        var braces = 0  // consecutive "{" just before `index`
        while index != bytes.endIndex {
            let byte = bytes[index]
            if braces >= 2 && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "&")) {
                throw TemplatingError.templateSyntax(name, "unescaped output ({{{…}}} or {{&…}}) is not allowed")
            }
            braces = byte == UInt8(ascii: "{") ? braces + 1 : 0
            bytes.formIndex(after: &index)
        }
    }
}
