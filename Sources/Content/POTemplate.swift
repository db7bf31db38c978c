/// `osteodoc locales pot`: the gettext templates (`locales/strings.pot`, `locales/codes.pot`)
/// made from the Italian catalogs — every entry with its context, Italian msgid, extracted
/// comments, references and flags, and empty msgstr — for `msgmerge --previous`, `msginit`,
/// Poedit ("Update from POT file") and Weblate. No creation date, so the same catalog gives
/// the same bytes and a test can tell whether the committed template is current.
public enum POTemplate {
    /// The template of each Italian catalog: path of the template ("locales/strings.pot") → text.
    public static func templates(_ repository: ContentRepository) -> [(path: String, text: String)] {
        guard let source = repository.locale(repository.sourceTag) else { return [] }
        return source.catalogHeaders.map { catalog in
            let name = catalog.path.split(separator: "/").last.map(String.init) ?? catalog.path
            let entries = source.strings.entries.filter { $0.file == catalog.path }
            return ("locales/" + name.replacingOccurrences(of: ".po", with: ".pot"),
                    text(entries, header: catalog.header, from: catalog.path))
        }
    }

    static func text(_ entries: [POEntry], header: [String: String], from path: String) -> String {
        var out = "# osteodoc: template of \(path), made by `osteodoc locales pot` — do not edit;\n"
        out += "# change the Italian catalog and run the command again (locales/README.md).\n"
        out += "#, fuzzy\nmsgid \"\"\nmsgstr \"\"\n"
        let fields = [
            ("Project-Id-Version", header["Project-Id-Version"] ?? "osteodoc-content"),
            ("Language", ""),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=UTF-8"),
            ("Content-Transfer-Encoding", "8bit"),
            ("Plural-Forms", "nplurals=INTEGER; plural=EXPRESSION;"),
        ]
        for (key, value) in fields { out += quoted("\(key): \(value)\n") + "\n" }
        for entry in entries {
            out += "\n"
            for comment in entry.comments where comment.hasPrefix("#.") { out += comment + "\n" }
            if !entry.references.isEmpty { out += "#: " + entry.references.joined(separator: " ") + "\n" }
            let flags = entry.flags.filter { $0 != "fuzzy" }
            if !flags.isEmpty { out += "#, " + flags.joined(separator: ", ") + "\n" }
            if let context = entry.context { out += "msgctxt " + quoted(context) + "\n" }
            out += "msgid " + quoted(entry.id) + "\n"
            if let plural = entry.idPlural {
                out += "msgid_plural " + quoted(plural) + "\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n"
            } else {
                out += "msgstr \"\"\n"
            }
        }
        return out
    }

    /// A PO string literal: backslash, quote, newline and tab escaped; a text with line breaks is
    /// written as gettext does, "" then one line per literal.
    static func quoted(_ text: String) -> String {
        func escape(_ s: Substring) -> String {
            var r = "\""
            for c in s {
                switch c {
                case "\\": r += "\\\\"
                case "\"": r += "\\\""
                case "\n": r += "\\n"
                case "\t": r += "\\t"
                default: r.append(c)
                }
            }
            return r + "\""
        }
        guard let newline = text.firstIndex(of: "\n"), text.index(after: newline) < text.endIndex else {
            return escape(Substring(text))
        }
        var lines: [Substring] = []
        var rest = Substring(text)
        while let n = rest.firstIndex(of: "\n") {
            lines.append(rest[...n]); rest = rest[rest.index(after: n)...]
        }
        if !rest.isEmpty { lines.append(rest) }
        return "\"\"\n" + lines.map(escape).joined(separator: "\n")
    }
}
