// Readability of Italian prose: the Gulpease index.
//
// G = 89 + (300·F − 10·L) / P, with F sentences, L letters, P words
// (Lucisano & Piemontese, "GULPEASE: una formula per la predizione della difficoltà dei testi in
// lingua italiana", Scuola e città 3, 1988). 0–100, higher is easier: below 80 hard for readers with
// primary schooling, below 60 for lower-secondary schooling, below 40 for upper-secondary.
//
// Counting rules used here (the formula's authors count by hand; tools differ in details):
// - Mustache tags are removed; a line holding only tags vanishes (as Mustache renders it).
// - Markdown markup is ignored: heading marks, list markers ("-", "1."), emphasis, escapes.
// - A word is a run of letters and digits; anything else separates words, so the apostrophe of an
//   elision splits it ("dell'osso" = 2 words) and "2–3" = 2 words, but "1.000" and "2,4" are one
//   word each. L counts letters and digits.
// - A sentence ends at ". ! ? ; …" when the mark is not followed by a letter or digit
//   ("1.000" and "0,5" are not ends; "?!" is one end), and at the end of every heading, list item and
//   paragraph unless a mark already closed it.

public struct ReadabilityScore: Sendable, Equatable {
    public var sentences: Int
    public var words: Int
    public var letters: Int
    /// The Gulpease index; 0 when there are no words.
    public var gulpease: Double

    public init(sentences: Int, words: Int, letters: Int) {
        self.sentences = sentences
        self.words = words
        self.letters = letters
        gulpease = words == 0 ? 0 : 89 + (300 * Double(sentences) - 10 * Double(letters)) / Double(words)
    }

    /// Average words per sentence (0 when there are no sentences).
    public var wordsPerSentence: Double { sentences == 0 ? 0 : Double(words) / Double(sentences) }
}

public enum Readability {
    /// Gulpease index 89 + (300·sentences − 10·letters)/words (Lucisano & Piemontese 1988) over the
    /// prose of a Markdown unit: Mustache tags and Markdown markup removed; each heading, list item
    /// and paragraph end counts as a sentence end, plus . ! ? ; inside text.
    public static func gulpease(markdown: String) -> ReadabilityScore {
        var counter = Counter()
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = MustacheTag.strip(raw).trimmingWhiteSpace()
            if line.isEmpty {
                if !raw.contains("{{") { counter.endBlock() }  // a tag-only line is not a blank line
                continue
            }
            if let text = MarkdownLine.headingText(line) {
                counter.endBlock()
                counter.add(text)
                counter.endBlock()
            } else if let text = MarkdownLine.listItemText(line) {
                counter.endBlock()
                counter.add(text)
            } else {
                counter.add(line)
            }
        }
        counter.endBlock()
        return ReadabilityScore(sentences: counter.sentences, words: counter.words, letters: counter.letters)
    }

    private struct Counter {
        var sentences = 0, words = 0, letters = 0
        var wordsInSentence = 0

        static let terminators: Set<Character> = [".", "!", "?", ";", "…"]

        mutating func add(_ text: Substring) {
            var inWord = false
            var i = text.startIndex
            while i < text.endIndex {
                let c = text[i]
                let next = text.index(after: i)
                if c.isLetter || c.isNumber {
                    if !inWord { words += 1; wordsInSentence += 1; inWord = true }
                    letters += 1
                } else if inWord, c == "." || c == ",", i > text.startIndex, text[text.index(before: i)].isNumber,
                          next < text.endIndex, text[next].isNumber {
                    // "1.000", "2,4": one number, one word; the mark is not a letter.
                } else {
                    inWord = false
                    if Self.terminators.contains(c), wordsInSentence > 0 {
                        let following = next < text.endIndex ? text[next] : " "
                        if !(following.isLetter || following.isNumber || Self.terminators.contains(following)) {
                            sentences += 1
                            wordsInSentence = 0
                        }
                    }
                }
                i = next
            }
        }

        mutating func endBlock() {
            if wordsInSentence > 0 { sentences += 1; wordsInSentence = 0 }
        }
    }
}

/// Recognising the block starts of the Markdown subset used by prose units.
enum MarkdownLine {
    /// "## Title" → "Title" (ATX heading, levels 1–6, optional closing #s).
    static func headingText(_ line: Substring) -> Substring? {
        let marks = line.prefix { $0 == "#" }
        guard (1...6).contains(marks.count) else { return nil }
        let rest = line.dropFirst(marks.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingWhiteSpace()
        while text.last == "#" { text.removeLast() }
        return text.trimmingWhiteSpace()
    }

    /// "- item", "* item", "+ item", "1. item", "1) item" → "item".
    static func listItemText(_ line: Substring) -> Substring? {
        if let first = line.first, "-*+".contains(first) {
            let rest = line.dropFirst()
            return rest.first == " " || rest.first == "\t" ? rest.trimmingWhiteSpace() : nil
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count) else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")" else { return nil }
        let text = rest.dropFirst()
        return text.first == " " || text.first == "\t" ? text.trimmingWhiteSpace() : nil
    }
}
