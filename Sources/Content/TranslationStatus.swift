import Foundation

/// Where a translated unit stands against the Italian source.
public enum UnitState: String, Sendable, Equatable, CaseIterable {
    /// Present and translated from the current Italian text.
    case complete
    /// Present but translated from an older Italian text (or marked fuzzy): needs review.
    /// For prose, `UnitStatus.changes` lists the Italian segments that changed.
    case stale
    /// Absent, empty, or a catalog string copied from the Italian without a translator's
    /// confirmation (`ContentRepository.sameAsItalianComment`).
    case missing
}

/// One translatable unit: a prose file or a catalog string.
public struct UnitStatus: Sendable, Equatable {
    public enum Kind: String, Sendable { case prose, string }
    public var kind: Kind
    /// "consent/risks" for prose, the msgctxt key for strings.
    public var id: String
    public var state: UnitState
    /// Words of the Italian source unit (the translation workload).
    public var sourceWords: Int
    /// Words of the translation (0 when missing).
    public var words: Int
    /// For prose: the hash of the current Italian unit (the whole-file hash of osteodoc 0.2's
    /// `source-hash:` front matter, kept for `locales migrate`).
    public var sourceHash: String? = nil
    /// For stale prose: the Italian segments that changed since the translation was made.
    public var changes: [SegmentChange] = []
}

/// The state of a whole locale.
public struct LocaleStatus: Sendable {
    public var tag: String
    public var units: [UnitStatus]

    public func count(_ state: UnitState) -> Int { units.filter { $0.state == state }.count }
    /// Share of the source words whose units are complete, 0–100.
    public var percentComplete: Double {
        let total = units.reduce(0) { $0 + $1.sourceWords }
        guard total > 0 else { return 100 }
        let done = units.filter { $0.state == .complete }.reduce(0) { $0 + $1.sourceWords }
        return Double(done) * 100 / Double(total)
    }
    /// Units that keep a document from being printed: missing or stale ones whose id starts with one of `prefixes`
    /// (prose of that document) or any string.
    public func blocking(prosePrefix: String) -> [UnitStatus] {
        units.filter { $0.state != .complete && ($0.kind == .string || $0.id.hasPrefix(prosePrefix)) }
    }
}

extension ContentRepository {
    /// A translator comment that confirms a catalog string left identical to the Italian on purpose
    /// ("H:mm", "ml"): without it, msgstr == msgid in a translation counts as untranslated.
    public static let sameAsItalianComment = "# same as the Italian"

    /// The whole-file source hash of osteodoc 0.2 (FNV-1a 64 over the unit's UTF-8 text, 16 hex
    /// digits), still read from `source-hash:` front matter until `osteodoc locales migrate`
    /// replaces it with a segment record (`TranslationRecord`).
    public static func sourceHash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Every unit of the source locale, and where locale `tag` stands on each.
    public func status(of tag: String) -> LocaleStatus? {
        guard let source = locale(sourceTag), let target = locale(tag) else { return nil }
        var units: [UnitStatus] = []
        for (id, unit) in source.prose.sorted(by: { $0.key < $1.key }) {
            let words = Self.wordCount(unit.text)
            guard let translated = target.prose[id], !translated.text.allSatisfy(\.isWhitespace) else {
                units.append(UnitStatus(kind: .prose, id: id, state: .missing, sourceWords: words, words: 0,
                                        sourceHash: Self.sourceHash(unit.text))); continue
            }
            let changes: [SegmentChange]
            if tag == sourceTag {
                changes = []
            } else if let hash = translated.sourceHash {
                // 0.2 front matter (written after the record, or brought back by a merge, so it wins):
                // whole-file comparison until `locales migrate` turns it into a record.
                changes = hash == Self.sourceHash(unit.text) ? []
                    : TranslationRecord.changes(record: translated.record.map(ProseSegment.segments), current: ProseSegment.segments(unit.text))
            } else if let record = translated.record {
                changes = TranslationRecord.changes(record: ProseSegment.segments(record), current: ProseSegment.segments(unit.text))
            } else {
                changes = TranslationRecord.changes(record: nil, current: ProseSegment.segments(unit.text))
            }
            units.append(UnitStatus(kind: .prose, id: id, state: changes.isEmpty ? .complete : .stale,
                                    sourceWords: words, words: Self.wordCount(translated.text),
                                    sourceHash: Self.sourceHash(unit.text), changes: changes))
        }
        for entry in source.strings.entries {
            guard let key = entry.context else { continue }
            let words = Self.wordCount(entry.id)
            guard let t = target.strings.entry(context: key), !t.strings.isEmpty,
                  t.strings.allSatisfy({ !$0.isEmpty }) || tag == sourceTag,
                  tag == sourceTag || !Self.isCopyOfItalian(t) else {
                units.append(UnitStatus(kind: .string, id: key, state: .missing, sourceWords: words, words: 0)); continue
            }
            let stale = t.id != entry.id || t.idPlural != entry.idPlural || t.flags.contains("fuzzy")
            units.append(UnitStatus(kind: .string, id: key, state: stale ? .stale : .complete, sourceWords: words,
                                    words: Self.wordCount(t.strings.first ?? "")))
        }
        return LocaleStatus(tag: tag, units: units)
    }

    /// msgstr equal to msgid (every plural form equal to msgid or msgid_plural) with no
    /// `sameAsItalianComment`: a catalog copied from the Italian, not translated.
    static func isCopyOfItalian(_ entry: POEntry) -> Bool {
        let copied = entry.strings.allSatisfy { $0 == entry.id || $0 == entry.idPlural }
        return copied && !entry.comments.contains { $0.trimmingCharacters(in: .whitespaces) == sameAsItalianComment }
    }

    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).filter { word in
            !word.hasPrefix("{{") && word.contains(where: { $0.isLetter || $0.isNumber })
        }.count
    }
}
