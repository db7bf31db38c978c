import Content
import Foundation
import Mustache

/// Expands the document templates (`templates/<kind>.mustache`) over a view model
/// into CommonMark, with the locale's prose units as partials (`{{> consent/risks}}`).
///
/// Templates and prose are parsed once, when the expander is made; expanding is
/// then a pure function of the view model. Every template and prose unit is
/// expanded with the MARKDOWN content type, so `{{value}}` is always escaped for
/// CommonMark; triple mustaches are refused in templates and prose (a value must
/// never reach cmark unescaped).
public final class TemplateExpander: @unchecked Sendable {
    // @unchecked: immutable after init; MustacheLibrary is a Sendable value.
    public let locale: LocaleContent
    private let library: MustacheLibrary
    private let partialNames: Set<String>
    private let partialsByTemplate: [String: [String]]

    private static let registerContentType: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()

    /// - Parameters:
    ///   - templates: template sources by name (`consent`, `discharge`).
    ///   - locale: the document language's content (prose units become partials).
    public init(templates: [String: String], locale: LocaleContent) throws {
        _ = Self.registerContentType
        var library = MustacheLibrary()
        let header = "{{% CONTENT_TYPE: MARKDOWN}}"
        for (name, source) in templates.sorted(by: { $0.key < $1.key }) {
            try Self.refuseUnescaped(source, name: name)
            do { try library.register(header + source, named: name) } catch {
                throw TemplatingError.templateSyntax(name, String(describing: error))
            }
        }
        for (id, unit) in locale.prose.sorted(by: { $0.key < $1.key }) {
            try Self.refuseUnescaped(unit.text, name: unit.path)
            do { try library.register(header + UnitSpacing.apply(unit.text), named: id) } catch {
                throw TemplatingError.templateSyntax(unit.path, String(describing: error))
            }
        }
        self.library = library
        self.locale = locale
        self.partialNames = Set(locale.prose.keys)
        self.partialsByTemplate = templates.mapValues(Self.partials)
    }

    /// Expands the template for `kind` into CommonMark.
    public func expand(_ kind: DocumentKind, model: ViewModel) throws -> String {
        let name = kind.descriptor.template
        guard let partials = partialsByTemplate[name] else { throw TemplatingError.missingTemplate(name) }
        for partial in partials where !partialNames.contains(partial) {
            throw TemplatingError.missingProse(partial, locale: locale.tag)
        }
        guard let text = library.render(model, withTemplate: name) else { throw TemplatingError.missingTemplate(name) }
        // Several values forming one phrase ("name, title") become one isolate.
        return BidiIsolation.joinPhrases(text)
    }

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
        if source.contains("{{{") || source.contains("{{&") {
            throw TemplatingError.templateSyntax(name, "unescaped output ({{{…}}} or {{&…}}) is not allowed")
        }
    }
}
