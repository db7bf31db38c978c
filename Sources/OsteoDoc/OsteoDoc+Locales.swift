import Content
import DocumentModel
import HTMLExport
import Markdown

extension OsteoDoc {
    /// Translation status of every locale but the source.
    public func translationStatus() -> [LocaleStatus] {
        content.localeTags.filter { $0 != content.sourceTag }.compactMap { status(of: $0) }
    }

    /// Problems in every translation (tags, placeholders, structure, Markdown), with file and line.
    public func translationProblems(_ tags: [String]? = nil) -> [TranslationProblem] {
        (tags ?? content.localeTags.filter { $0 != content.sourceTag }).flatMap { TranslationCheck.check(content, tag: $0) }
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
                rows.append(ComparisonRow(id: unit.id, state: unit.state.rawValue, source: left, translation: right))
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
