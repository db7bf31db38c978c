import Foundation

/// What an Italian segment looked like when a translation was made from it, and how it
/// looks now: one entry per segment a translator has to look at.
public struct SegmentChange: Sendable, Equatable {
    /// The segment's id: the hash of the current Italian segment (of the old one when it was removed).
    public var hash: String
    /// Line of the current Italian segment in its unit's text (nil when it was removed).
    public var line: Int?
    /// The Italian the translation was made from (nil: a new segment, or no record).
    public var before: String?
    /// The current Italian (nil: the segment was removed from the Italian).
    public var after: String?

    /// Words to review: of the new text, else of the removed one.
    public var words: Int { ContentRepository.wordCount(after ?? before ?? "") }
    /// The change as a word diff, `[-removed-]{+added+}` (the notation of wdiff and git --word-diff=plain).
    public var wordDiff: String { WordDiff.plain(before ?? "", after ?? "") }
}

/// The record of what each translated prose unit was translated from: for
/// `locales/<tag>/<unit>.md`, the file `locales/<tag>/.source/<unit>.md` holds the Italian
/// segments (see `ProseSegment`) the translation currently corresponds to, one per block,
/// separated by blank lines.
///
/// Why a per-locale file rather than hashes alone or git history: to show a translator what
/// changed in the Italian (before → after, word by word), the old Italian text must be at hand
/// — in a checkout without history, in the installed program, in a tarball sent to a
/// translation agency. A plain Markdown file also works with stock tools:
/// `diff locales/de/.source/consent/risks.md locales/it/consent/risks.md`, or `wdiff`.
/// Segment hashes are computed from it, never stored, so the two cannot disagree.
public enum TranslationRecord {
    /// The folder, inside each translation's locale folder, holding the records.
    public static let folder = ".source"

    /// The changes between the Italian a translation was made from (`record`'s segments) and
    /// the current Italian (`current`): segments are matched by hash along the longest common
    /// subsequence, and each run of unmatched segments is paired up in order.
    public static func changes(record: [ProseSegment]?, current: [ProseSegment]) -> [SegmentChange] {
        alignment(record: record ?? [], current: current).compactMap { pair in
            switch pair {
            case .same: return nil
            case .changed(let old, let new):
                return SegmentChange(hash: new?.hash ?? old?.hash ?? "", line: new?.line, before: old?.text, after: new?.text)
            }
        }
    }

    /// The record after a translator confirms the change with id `hash` (every change when nil):
    /// that segment now stands in the record as in the current Italian (or leaves it, when it was removed).
    public static func confirming(_ hash: String?, record: [ProseSegment]?, current: [ProseSegment]) -> String {
        var kept: [String] = []
        for pair in alignment(record: record ?? [], current: current) {
            switch pair {
            case .same(let new): kept.append(new.text)
            case .changed(let old, let new):
                let id = new?.hash ?? old?.hash
                if hash == nil || id == hash {
                    if let new { kept.append(new.text) }
                } else if let old {
                    kept.append(old.text)
                }
            }
        }
        return kept.isEmpty ? "" : kept.joined(separator: "\n\n") + "\n"
    }

    /// A record for a translation that is current with the whole Italian text.
    public static func record(of italian: String) -> String {
        confirming(nil, record: [], current: ProseSegment.segments(italian))
    }

    /// A translation file without its legacy `source-hash:` front-matter line (the whole-file hash
    /// of osteodoc 0.2, replaced by the record). Nil when the file has no such line.
    public static func removingLegacyHash(_ file: String) -> String? {
        guard file.hasPrefix("---\n"), let close = file.range(of: "\n---\n") else { return nil }
        let header = file[..<close.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        let kept = header.filter { !$0.hasPrefix("source-hash:") }
        guard kept.count < header.count else { return nil }
        return kept.joined(separator: "\n") + String(file[close.lowerBound...])
    }

    private enum Pair {
        case same(ProseSegment)
        /// At least one of the two is there (`alignment` never pairs two absent segments).
        case changed(old: ProseSegment?, new: ProseSegment?)
    }

    private static func alignment(record: [ProseSegment], current: [ProseSegment]) -> [Pair] {
        let a = record.map(\.hash), b = current.map(\.hash)
        // Longest common subsequence table, from the end.
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pairs: [Pair] = []
        var oldRun: [ProseSegment] = [], newRun: [ProseSegment] = []
        func flushRuns() {
            for k in 0..<max(oldRun.count, newRun.count) {
                pairs.append(.changed(old: k < oldRun.count ? oldRun[k] : nil, new: k < newRun.count ? newRun[k] : nil))
            }
            oldRun = []; newRun = []
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                flushRuns(); pairs.append(.same(current[j])); i += 1; j += 1
            } else if j < b.count, i == a.count || table[i][j + 1] >= table[i + 1][j] {
                newRun.append(current[j]); j += 1
            } else {
                oldRun.append(record[i]); i += 1
            }
        }
        flushRuns()
        return pairs
    }
}

/// Word-level differences (longest common subsequence of white-space separated words).
public enum WordDiff {
    public enum Piece: Sendable, Equatable {
        case same(String), removed(String), added(String)
    }

    public static func pieces(_ before: String, _ after: String) -> [Piece] {
        let a = before.split(whereSeparator: \.isWhitespace).map(String.init)
        let b = after.split(whereSeparator: \.isWhitespace).map(String.init)
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pieces: [Piece] = []
        func add(_ piece: Piece) {
            switch (pieces.last, piece) {
            case (.same(let x)?, .same(let y)): pieces[pieces.count - 1] = .same(x + " " + y)
            case (.removed(let x)?, .removed(let y)): pieces[pieces.count - 1] = .removed(x + " " + y)
            case (.added(let x)?, .added(let y)): pieces[pieces.count - 1] = .added(x + " " + y)
            default: pieces.append(piece)
            }
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] { add(.same(a[i])); i += 1; j += 1 }
            else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] { add(.removed(a[i])); i += 1 }
            else { add(.added(b[j])); j += 1 }
        }
        return pieces
    }

    /// `same [-removed-] {+added+} same`.
    public static func plain(_ before: String, _ after: String) -> String {
        pieces(before, after).map { piece in
            switch piece {
            case .same(let s): s
            case .removed(let s): "[-\(s)-]"
            case .added(let s): "{+\(s)+}"
            }
        }.joined(separator: " ")
    }
}
