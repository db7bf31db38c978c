import PlanImport

/// What can go wrong, as values, in four classes a caller can act on without reading
/// the text: the request (``InputProblem``, HTTP 422), the content the request needs
/// (``ContentProblem``, 409), the installation (``EnvironmentProblem``, 503) and
/// osteodoc itself (``internal(stage:detail:)``, 500).
///
/// No message carries a value of the plan: input problems name JSON paths and rules,
/// content problems name locales and units, environment problems name files of the
/// installation. The CLI prints ``description``; a server maps ``category``.
public enum OsteoDocError: Error, CustomStringConvertible, Sendable {
    case input(InputProblem)
    case content(ContentProblem)
    case environment(EnvironmentProblem)
    /// A stage failed on input that passed every check: a bug. `detail` names rules, never values.
    case `internal`(stage: String, detail: String)

    /// The four classes of ``OsteoDocError``.
    public enum Category: String, Sendable, CaseIterable {
        case input, content, environment, `internal`

        /// The HTTP status a service answers with: 422, 409, 503, 500.
        public var httpStatus: Int {
            switch self {
            case .input: 422
            case .content: 409
            case .environment: 503
            case .internal: 500
            }
        }
    }

    public var category: Category {
        switch self {
        case .input: .input
        case .content: .content
        case .environment: .environment
        case .internal: .internal
        }
    }

    /// The plan issues (JSON path and rule) when the input is at fault; empty otherwise.
    public var issues: [PlanIssue] {
        if case .input(.plan(let issues)) = self { return issues }
        if case .input(.unprintable(let paths)) = self {
            return paths.map { PlanIssue(path: $0, message: "contains characters that no installed font can print") }
        }
        return []
    }

    public var description: String {
        switch self {
        case .input(let p): p.description
        case .content(let p): "content: " + p.description
        case .environment(let p): "environment: " + p.description
        case .internal(let stage, let detail): "internal error in \(stage): \(detail)"
        }
    }
}

/// The request cannot be served as given.
public enum InputProblem: Sendable, Equatable, CustomStringConvertible {
    /// The plan breaks the contract: every violation, with its JSON path.
    case plan([PlanIssue])
    /// Printed plan fields (JSON paths) hold characters none of the fonts covers.
    case unprintable([String])
    /// No locale for the requested language. `requested` is the caller's tag (`--lang`),
    /// nil when the language came from the plan (`patient.language`, never quoted).
    case unavailableLanguage(requested: String?, available: [String])
    /// A bilingual document was asked for with the same language twice.
    case sameLanguageTwice
    /// The output format is not one osteodoc writes.
    case unsupportedFormat(String)

    public var description: String {
        switch self {
        case .plan(let issues): return issues.map(\.description).joined(separator: "\n")
        case .unprintable(let paths):
            return paths.map { "\($0): contains characters that no installed font can print" }.joined(separator: "\n")
        case .unavailableLanguage(let requested, let available):
            let what = requested.map { "language \"\($0)\"" } ?? "patient.language: the patient's language"
            return "\(what) is not available; available: \(available.joined(separator: ", "))"
        case .sameLanguageTwice: return "--with names the same language as --lang"
        case .unsupportedFormat(let f): return "output format \"\(f)\" is not supported; use .html or .pdf"
        }
    }
}

/// The content (templates, catalogs, prose) cannot make the requested document.
public enum ContentProblem: Sendable, Equatable, CustomStringConvertible {
    /// The translation lacks units this document needs, or has stale ones (without `allowStale`).
    case incompleteTranslation(language: String, missing: [String], stale: [String])
    /// A catalog key the templates use is missing in a locale.
    case missingString(key: String, locale: String)
    /// A prose unit a template includes is missing in a locale.
    case missingProse(unit: String, locale: String)
    /// A template, catalog or prose file does not parse (file and rule).
    case invalid(String)

    public var description: String {
        switch self {
        case .incompleteTranslation(let tag, let missing, let stale):
            var lines = ["the \(tag) translation cannot be used for this document:"]
            if !missing.isEmpty { lines.append("  missing: " + missing.joined(separator: ", ")) }
            if !stale.isEmpty { lines.append("  stale (translated from an older Italian text): " + stale.joined(separator: ", ")) }
            if missing.isEmpty { lines.append("  (--allow-stale prints it anyway, with a visible notice)") }
            return lines.joined(separator: "\n")
        case .missingString(let key, let locale): return "locale \(locale): missing string \"\(key)\""
        case .missingProse(let unit, let locale): return "locale \(locale): missing text unit \"\(unit)\""
        case .invalid(let detail): return detail
        }
    }
}

/// The installation lacks something osteodoc needs.
public enum EnvironmentProblem: Sendable, Equatable, CustomStringConvertible {
    /// A font file is missing or unreadable.
    case missingFont(path: String)
    /// The hyphenation dictionary of a language is missing.
    case missingDictionary(language: String, path: String)
    /// A resource (templates/, locales/, a template file) is missing or unreadable.
    case missingResource(path: String)

    public var description: String {
        switch self {
        case .missingFont(let path): "cannot load font file \(path) (missing or not a font; on Debian install fonts-noto-core)"
        case .missingDictionary(let language, let path):
            "no hyphenation dictionary for \(language) at \(path) (on Debian install the hyphen-* packages)"
        case .missingResource(let path): "\(path): missing or unreadable"
        }
    }
}
