// Catalog strings written into a template's text before it is parsed.
//
// A `{{t.consent.title}}` tag prints a catalog string: the same for every document of a
// language and wording (the patient's sex chooses gendered variants), unlike the plan's
// values. swift-mustache finds each name anew at every expansion, climbing the context
// stack and casting each frame to its protocols: some 28,000 instructions a tag, and the
// consent has 114 of its 211 tags of this kind (callgrind, 2 December 2026: 5 M of a
// 68 M consent). The expander therefore parses, once per wording, a copy of the template
// with each such tag replaced by the text swift-mustache would print for it — the string
// escaped for CommonMark — and expansion then looks up only the plan's values.
//
// Replacing a tag by its output is exact only where the text cannot mean anything else
// to the parser, so a tag is left as it is (and swift-mustache expands it as before) when:
// - its value is missing or not a string (swift-mustache prints nothing, or a dictionary);
// - its value has `{` or `}`: escaped as `\{`, a brace next to the template's own `{{`
//   could open a tag (`\{` + `{{x}}` reads `{{{x}}}`);
// - its value is empty or only white space: a line holding a section tag and this tag
//   would then be standalone, and swift-mustache would drop its line break.
// The escaped text never holds a line break (the escaper turns every line and paragraph
// separator into a space), so no line of the template is split. `TemplateChunksTests`
// compares the result with swift-mustache given the whole template, tags and all, for
// every kind, shipped language and wording.

enum CatalogInlining {
    /// The distinct catalog keys (`consent.title` for `{{t.consent.title}}`) of the
    /// template's plain variable tags, in order of first use, split at their dots.
    /// Tags with spaces, sections (`{{#t.…}}`) and anything after a delimiter change
    /// (`{{=`) are not listed: a template that changes delimiters lists nothing.
    static func keys(in source: String) -> [[String]] {
        let bytes = Array(source.utf8)
        if containsDelimiterChange(bytes) { return [] }
        var keys: [[String]] = []
        var seen: Set<String> = []
        forEachTag(in: bytes) { key, _ in
            if seen.insert(key).inserted { keys.append(key.split(separator: ".").map(String.init)) }
        }
        return keys
    }

    /// The catalog string at `key` in the nested catalog, as swift-mustache finds it from
    /// the root (a dictionary at every step but the last, a string at the last); nil otherwise.
    static func value(at key: [String], in strings: [String: Any]) -> String? {
        var node: [String: Any] = strings
        for part in key.dropLast() {
            guard let child = node[part] as? [String: Any] else { return nil }
            node = child
        }
        guard let last = key.last else { return nil }
        return node[last] as? String
    }

    /// `source` with the tag of each key whose value can be written in (see the file's
    /// comment) replaced by that value escaped for CommonMark. `values[i]` is the value
    /// of `keys[i]`, nil where there is none.
    static func inline(_ source: String, keys: [[String]], values: [String?]) -> String {
        var replacements: [String: String] = [:]
        for (key, value) in zip(keys, values) {
            guard let value, canInline(value) else { continue }
            replacements[key.joined(separator: ".")] = MarkdownEscaper.escape(value)
        }
        if replacements.isEmpty { return source }
        let bytes = Array(source.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        forEachTag(in: bytes) { key, range in
            guard let text = replacements[key] else { return }
            out += bytes[copied..<range.lowerBound]
            out += text.utf8
            copied = range.upperBound
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the value's escaped text stands in for its tag exactly (see the file's comment).
    static func canInline(_ value: String) -> Bool {
        !value.utf8.contains(UInt8(ascii: "{")) && !value.utf8.contains(UInt8(ascii: "}"))
            && value.contains { !$0.isWhitespace }
    }

    /// Calls `body` with the key and the byte range of every `{{t.KEY}}` tag, in order;
    /// KEY is letters, digits, `.`, `-` and `_` (the catalog's key syntax). Tags are read
    /// as swift-mustache reads them, from `{{` to the next `}}`: a `{{t.…` inside a comment
    /// is part of the comment.
    private static func forEachTag(in bytes: [UInt8], _ body: (String, Range<Int>) -> Void) {
        let brace = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == brace, bytes[index + 1] == brace else {
                index += 1
                continue
            }
            var end = index + 2
            while end + 1 < bytes.count && !(bytes[end] == close && bytes[end + 1] == close) { end += 1 }
            guard end + 1 < bytes.count else { return }  // an unclosed tag: the parser reports it
            let content = bytes[(index + 2)..<end]
            if content.count > 2, content.first == UInt8(ascii: "t"), content[content.startIndex + 1] == UInt8(ascii: "."),
               content.dropFirst(2).allSatisfy(isKeyByte), content.last != UInt8(ascii: ".") {
                body(String(decoding: content.dropFirst(2), as: UTF8.self), index..<(end + 2))
            }
            index = end + 2
        }
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    private static func containsDelimiterChange(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{"), bytes[index + 2] == UInt8(ascii: "=") {
                return true
            }
            index += 1
        }
        return false
    }
}
