import Content
import Foundation
import Mustache

/// The staff pages' templates (`web/pages/*.mustache`, HTML-escaped by swift-mustache) and their
/// strings (`locales/<tag>/interface/staff.po`, Italian first): loaded once when the service starts.
public struct StaffPages: Sendable {
    let library: MustacheLibrary
    /// By language tag; Italian is always there.
    let catalogs: [String: InterfaceCatalog]
    /// The interface languages, Italian first.
    public let languages: [String]
    /// The stylesheet, served as `/static/staff.css`.
    let stylesheet: String

    public static let sourceLanguage = "it"

    /// - Parameter resources: the folder with `web/` and `locales/`.
    public init(resources: URL) throws {
        let folder = resources.appendingPathComponent("web/pages")
        var templates: [String: MustacheTemplate] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
        }
        library = MustacheLibrary(templates: templates)
        let loaded = try InterfaceCatalog.load(locales: resources.appendingPathComponent("locales"), sourceTag: Self.sourceLanguage)
        catalogs = Dictionary(uniqueKeysWithValues: loaded.map { ($0.tag, $0) })
        languages = loaded.map(\.tag)
        stylesheet = try String(contentsOf: resources.appendingPathComponent("web/static/staff.css"), encoding: .utf8)
    }

    /// The strings of `tag` (Italian where it has none).
    func strings(_ tag: String) -> [String: String] {
        (catalogs[tag] ?? catalogs[Self.sourceLanguage])?.strings ?? [:]
    }

    /// A page: the template `name` with `context` (its `t` is the strings of the page's language).
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// The interface language for a request: the cookie's choice, else the browser's first
    /// Accept-Language that has a catalog, else Italian.
    func language(cookie: String?, acceptLanguage: String?) -> String {
        if let cookie, languages.contains(cookie) { return cookie }
        for item in (acceptLanguage ?? "").split(separator: ",") {
            let tag = item.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            if languages.contains(primary) { return primary }
        }
        return Self.sourceLanguage
    }
}

/// The strings of one page's language, with `{name}` placeholders filled in.
struct PageText {
    let tag: String
    let strings: [String: String]

    subscript(_ key: String) -> String { strings[key] ?? key }

    /// One pass over the string: an inserted value (a patient's name) is never read for placeholders.
    func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        var out = "", name: String?
        for c in self[key] {
            if c == "{" {
                if let pending = name { out += "{" + pending }
                name = ""
            } else if c == "}", let pending = name {
                out += values[pending] ?? "{\(pending)}"
                name = nil
            } else if name != nil {
                name?.append(c)
            } else {
                out.append(c)
            }
        }
        if let pending = name { out += "{" + pending }
        return out
    }

    /// A language's name in the page's language ("tedesco", "Deutsch" for de in de).
    func languageName(_ code: String) -> String {
        let name = Locale(identifier: tag).localizedString(forIdentifier: code) ?? code
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}
