import Content
import PlanImport

/// Readability of one prose file.
public struct ReadabilityRow: Sendable {
    public var path: String
    public var sentences: Int, words: Int, letters: Int
    public var gulpease: Double
}

extension OsteoDoc {
    /// The contract's bound on a plan export's size (1 MiB).
    public static var maximumPlanSize: Int { PlanDecoder.maximumSize }

    /// Gulpease index of every prose unit of the source (Italian) locale, sorted by file.
    public func readabilityReport() -> [ReadabilityRow] {
        guard let source = content.locale(content.sourceTag) else { return [] }
        return source.prose.values.sorted { $0.path < $1.path }.map { unit in
            let s = Readability.gulpease(markdown: unit.text)
            return ReadabilityRow(path: unit.path, sentences: s.sentences, words: s.words, letters: s.letters,
                                  gulpease: s.gulpease)
        }
    }
}
