import Content
import DocumentModel
import HTMLExport
import Markdown
import Templating

extension OsteoDoc {
    /// Translation status of every locale but the source.
    public func translationStatus() -> [LocaleStatus] {
        content.localeTags.filter { $0 != content.sourceTag }.compactMap { status(of: $0) }
    }

    /// Problems in every translation (tags, placeholders, structure, Markdown, Plural-Forms against
    /// CLDR), with file and line. The source catalog's Plural-Forms is checked too.
    public func translationProblems(_ tags: [String]? = nil) -> [TranslationProblem] {
        (tags ?? content.localeTags.filter { $0 != content.sourceTag }).flatMap { tag in
            let rules = PluralRules(language: tag)
            return TranslationCheck.check(content, tag: tag)
                + TranslationCheck.pluralFormsProblems(content, tag: tag, forms: rules.catalogOrder.count, expected: rules.catalogIndex)
        } + (tags == nil ? TranslationCheck.pluralFormsProblems(
            content, tag: content.sourceTag, forms: PluralRules(language: content.sourceTag).catalogOrder.count,
            expected: PluralRules(language: content.sourceTag).catalogIndex) : [])
    }

    /// The translator's review page for one locale: Italian and translation side by side, unit by unit.
    public func translationPreview(_ tag: String) throws -> String {
        guard let resolved = content.resolve(tag), let target = content.locale(resolved),
              let source = content.locale(content.sourceTag), let status = status(of: resolved) else {
            throw OsteoDocError.input(.unavailableLanguage(requested: tag, available: content.localeTags))
        }
        var rows: [ComparisonRow] = []
        for unit in status.units {
            switch unit.kind {
            case .prose:
                let left = (try? MarkdownReader.read(source.prose[unit.id]?.text ?? "")) ?? []
                let right = (try? MarkdownReader.read(target.prose[unit.id]?.text ?? "")) ?? []
                let changes = unit.changes.map { change in
                    ComparisonChange(
                        label: "Italian segment \(change.hash)" + (change.line.map { ", line \($0)" } ?? "")
                            + (change.before == nil ? " (new; no earlier text recorded)" : change.after == nil ? " (removed)" : ": before → after")
                            + " — when done: osteodoc locales confirm \(resolved) \(unit.id) \(change.hash.prefix(8))",
                        pieces: WordDiff.pieces(change.before ?? "", change.after ?? "").map {
                            switch $0 {
                            case .same(let t): .same(t)
                            case .removed(let t): .removed(t)
                            case .added(let t): .added(t)
                            }
                        })
                }
                rows.append(ComparisonRow(id: unit.id, state: unit.state.rawValue, source: left, translation: right, changes: changes))
            case .string:
                let left = source.strings.entry(context: unit.id).map { Self.catalogBlocks($0) } ?? []
                let right = target.strings.entry(context: unit.id).map { Self.catalogBlocks($0) } ?? []
                rows.append(ComparisonRow(id: unit.id, state: unit.state.rawValue, source: left, translation: right))
            }
        }
        let summary = "\(resolved): \(status.count(.complete)) complete, \(status.count(.stale)) stale, "
            + "\(status.count(.missing)) missing; \(Int(status.percentComplete.rounded()))% of the source words"
        return HTMLWriter.comparison(title: "osteodoc — \(content.sourceTag) → \(resolved)", sourceLanguage: content.sourceTag,
                                     language: resolved, direction: target.direction == .rightToLeft ? .rightToLeft : .leftToRight,
                                     summary: summary, rows: rows)
    }

    /// A catalog entry as plain paragraphs (never parsed as Markdown): every plural form on its own line.
    private static func catalogBlocks(_ entry: POEntry) -> [Block] {
        let texts = entry.strings.contains(where: { !$0.isEmpty }) ? entry.strings : [entry.id]
        return texts.enumerated().map { i, text in
            .paragraph([.text(texts.count > 1 ? "[\(i)] \(text)" : text)])
        }
    }
}
