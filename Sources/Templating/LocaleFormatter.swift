import Content
import Foundation
import PlanImport

/// Localized strings, plurals, dates, times and numbers for one document language.
///
/// Every string comes from the locale's catalog; a missing key is an error, never
/// a fallback to another language. Date patterns are catalog strings too
/// (`format.date`, `format.time`, …), so translators control them.
public final class LocaleFormatter: @unchecked Sendable {
    // @unchecked: the only mutable state, the date-formatter cache, is guarded by `lock`;
    // one formatter serves every document of its language, from any thread.
    public let content: LocaleContent
    public let plurals: PluralRules
    private let locale: Locale
    private var formatters: [String: DateFormatter] = [:]
    private let lock = NSLock()
    /// Catalog strings by key with ``UnitSpacing`` applied: a pure function of the catalog,
    /// which never changes under a formatter, and 17,000 instructions a string (a consent asks
    /// for some 75). Bounded by the catalog's keys.
    private var spacedStrings: [String: String] = [:]
    /// The catalog nested by the dots of its keys (`t.consent.title` in templates), built once;
    /// neutral wording wherever a key has gendered variants.
    public private(set) lazy var nestedStrings: [String: Any] = ViewModelBuilder.nest(content)
    private var gendered: [Sex: [String: Any]] = [:]

    /// The nested catalog with each key's variant for the patient's sex (`key|female`,
    /// `key|male`) where the locale has one; `other` and `unknown` keep the neutral key.
    public func nestedStrings(for sex: Sex) -> [String: Any] {
        guard let suffix = Self.variantSuffix(sex) else { return nestedStrings }
        lock.lock()
        if let cached = gendered[sex] { lock.unlock(); return cached }
        lock.unlock()
        var nested = nestedStrings
        for entry in content.strings.entries {
            guard let key = entry.context, key.hasSuffix(suffix), let value = content.string(key) else { continue }
            ViewModelBuilder.insert(UnitSpacing.apply(value), at: String(key.dropLast(suffix.count)).split(separator: ".").map(String.init)[...],
                                    into: &nested, replacing: true)
        }
        lock.lock(); gendered[sex] = nested; lock.unlock()
        return nested
    }

    /// The catalog string for `key`, in its variant for the patient's sex when the locale has one.
    public func string(_ key: String, sex: Sex) throws -> String {
        if let suffix = Self.variantSuffix(sex), let s = spacedString(key + suffix) { return s }
        return try string(key)
    }

    /// ``format(_:_:)`` of the variant for the patient's sex.
    public func format(_ key: String, sex: Sex, _ values: [String: String] = [:]) throws -> String {
        fill(try string(key, sex: sex), values)
    }

    /// The msgctxt suffix of a gendered variant: `|female`, `|male`; nil for neutral wording.
    static func variantSuffix(_ sex: Sex) -> String? {
        switch sex {
        case .female: return "|female"
        case .male: return "|male"
        case .other, .unknown: return nil
        }
    }

    /// The facility's time zone: every time of a document is shown on this one clock,
    /// whatever offset the plan wrote it with (a plan may mix `+01:00` and `Z`).
    public let timeZone: TimeZone
    private var zoned: [String: LocaleFormatter] = [:]

    public init(content: LocaleContent, timeZone: TimeZone = FacilityClock.defaultTimeZone) {
        self.content = content
        self.plurals = PluralRules(language: content.tag)
        self.locale = Locale(identifier: content.tag)
        self.timeZone = timeZone
    }

    /// This formatter on another clock (made once per zone and kept).
    public func with(timeZone zone: TimeZone) -> LocaleFormatter {
        if zone == timeZone { return self }
        lock.lock(); defer { lock.unlock() }
        if let made = zoned[zone.identifier] { return made }
        let made = LocaleFormatter(content: content, timeZone: zone)
        zoned[zone.identifier] = made
        return made
    }

    /// The catalog string for `key`.
    public func string(_ key: String) throws -> String {
        guard let s = spacedString(key) else { throw TemplatingError.missingString(key, locale: content.tag) }
        return s
    }

    /// The catalog string for `key` with unit spacing, nil when the catalog has none or an empty one.
    private func spacedString(_ key: String) -> String? {
        lock.lock()
        if let known = spacedStrings[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        guard let s = content.string(key), !s.isEmpty else { return nil }
        let spaced = UnitSpacing.apply(s)
        lock.lock()
        spacedStrings[key] = spaced
        lock.unlock()
        return spaced
    }

    /// The catalog string for `key` with `{name}` placeholders filled in.
    public func format(_ key: String, _ values: [String: String] = [:]) throws -> String {
        fill(try string(key), values)
    }

    /// The plural form of `key` for `count`, with `{count}` and other placeholders filled in.
    public func plural(_ key: String, count: Int, _ values: [String: String] = [:]) throws -> String {
        guard let entry = content.strings.entry(context: key) else {
            throw TemplatingError.missingString(key, locale: content.tag)
        }
        let index = plurals.catalogIndex(count)
        let forms = entry.strings
        var chosen = index < forms.count ? forms[index] : ""
        if chosen.isEmpty { // the source catalog may leave msgstr empty: msgid / msgid_plural
            chosen = (index == 0 ? entry.id : entry.idPlural) ?? entry.id
        }
        chosen = UnitSpacing.apply(chosen)
        var all = values
        all["count"] = integer(count)
        return fill(chosen, all)
    }

    /// Fills `{name}` placeholders of a catalog pattern in one left-to-right pass over the
    /// pattern: each placeholder is replaced by its value, and the values are never scanned
    /// again, so a plan value containing `{version}` prints literally, whatever the order
    /// of `values`. A `{…}` that names no value stays as it is (a catalog check reports it).
    static func fill(_ pattern: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, pattern.utf8.contains(UInt8(ascii: "{")) else { return pattern }
        var out = ""
        out.reserveCapacity(pattern.utf8.count + 32)
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(where: { $0 == "}" || $0 == "{" }), rest[close] == "}",
               let value = values[String(rest[afterOpen..<close])] {
                out += value
                rest = rest[rest.index(after: close)...]
            } else {
                out.append("{")
                rest = rest[afterOpen...]
            }
        }
        out += rest
        return out
    }

    private func fill(_ pattern: String, _ values: [String: String]) -> String { Self.fill(pattern, values) }

    // MARK: Direction

    /// A value from the plan (a name, a phone number, a code) made safe to put into a
    /// sentence of this language: its explicit bidi controls removed, and isolated (UAX #9
    /// BD8) so that it keeps its own direction and never reorders the text around it.
    /// See `BidiIsolation.isolate` for which values get which isolate.
    public func isolate(_ value: String) -> String {
        BidiIsolation.isolate(value, rightToLeft: content.direction == .rightToLeft)
    }

    // MARK: Numbers

    public func integer(_ n: Int) -> String { String(n) }

    /// A quantity in tenths, with one decimal and the locale's decimal separator ("7,5").
    public func tenths(_ t: Int) -> String {
        let sep = locale.decimalSeparator ?? "."
        return "\(t / 10)\(sep)\(t % 10)"
    }

    // MARK: Dates and times

    /// `zone`: `nil` for date-only values (formatted at noon UTC, see `CalendarMath.noonUTC`).
    private func formatter(_ pattern: String, zone: TimeZone?) -> DateFormatter {
        let key = "\(pattern)|\(zone?.identifier ?? "")"
        lock.lock(); defer { lock.unlock() }
        if let f = formatters[key] { return f }
        let f = DateFormatter()
        f.locale = locale
        f.calendar = Calendar(identifier: .gregorian)
        f.timeZone = zone ?? TimeZone(secondsFromGMT: 0)
        f.dateFormat = pattern
        formatters[key] = f
        return f
    }

    /// "giovedì 3 dicembre 2026"
    public func longDate(_ d: CalendarDate) throws -> String {
        formatter(try string("format.date"), zone: nil).string(from: CalendarMath.noonUTC(d))
    }

    /// "12 marzo 1951" (no weekday: birth dates)
    public func plainDate(_ d: CalendarDate) throws -> String {
        formatter(try string("format.date-plain"), zone: nil).string(from: CalendarMath.noonUTC(d))
    }

    /// "9:30", on the facility's clock (`timeZone`).
    public func time(_ t: Timestamp) throws -> String {
        formatter(try string("format.time"), zone: timeZone).string(from: t.date)
    }

    /// "giovedì 3 dicembre 2026, ore 9:30", on the facility's clock.
    public func dateTime(_ t: Timestamp) throws -> String {
        try format("format.datetime", ["date": try longDate(localDate(t)), "time": try time(t)])
    }

    /// The calendar date of an instant on the facility's clock.
    public func localDate(_ t: Timestamp) -> CalendarDate { CalendarMath.localDate(t, in: timeZone) }

    /// "a, b e c"
    public func list(_ items: [String]) throws -> String {
        guard let last = items.last else { return "" }
        if items.count == 1 { return last }
        let head = items.dropLast().joined(separator: try string("format.list-separator"))
        return try format("format.list-last", ["a": head, "b": last])
    }
}

/// Errors of the templating stage: content or template problems, never patient data.
public enum TemplatingError: Error, CustomStringConvertible, Equatable {
    case missingString(String, locale: String)
    case missingProse(String, locale: String)
    case missingTemplate(String)
    case templateSyntax(String, String)
    case noOutcome

    public var description: String {
        switch self {
        case .missingString(let key, let locale): return "locale \(locale): missing string \"\(key)\""
        case .missingProse(let id, let locale): return "locale \(locale): missing text unit \"\(id)\""
        case .missingTemplate(let name): return "template \"\(name)\" not found"
        case .templateSyntax(let name, let detail): return "template \"\(name)\": \(detail)"
        case .noOutcome: return "outcome: the plan has no outcome yet; a discharge sheet needs the procedure's outcome"
        }
    }
}
