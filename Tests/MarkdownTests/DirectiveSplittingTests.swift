// Directive lines and cells cut over bytes (DirectiveSplitting) against the cut by Characters
// it replaced: on every kind of neighbour the grapheme rules treat apart, and on random rows.
import TestSupport
import XCTest
@testable import Markdown

final class DirectiveSplittingTests: XCTestCase {
    /// The cut by Characters, as MarkdownReader did it before: the reference.
    private func referenceCells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in line {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" { current.append(ch); escaped = true; continue }
            if ch == "|" { cells.append(current); current = ""; continue }
            current.append(ch)
        }
        cells.append(current)
        return cells.map { $0.trimmingWhitespace() }
    }

    private func referenceLines(_ body: String) -> [String] {
        body.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// Scalars around `|`, `\` and line feeds that join them into a larger Character, or do not.
    private let neighbours: [String] = [
        "a", " ", "\t", "\r", "\n", "|", "\\", "é", "e\u{301}", "\u{301}", "\u{200D}", "\u{0903}", "\u{0600}",
        "\u{110BD}", "\u{1F1EE}\u{1F1F9}", "\u{1F600}", "\u{0627}\u{0644}", "\u{00A0}", "\u{FE0F}", "\u{0E33}", "中",
    ]

    func testEveryNeighbourClassCutsAsByCharacters() {
        var compared = 0
        for before in neighbours {
            for mark in ["|", "\\", "\\|", "|\\", "\n", "\r\n"] {
                for after in neighbours {
                    let line = "x" + before + mark + after + "y|z"
                    XCTAssertEqual(DirectiveSplitting.cells(line), referenceCells(line), line.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
                    XCTAssertEqual(DirectiveSplitting.lines(line), referenceLines(line), line.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
                    compared += 1
                }
            }
        }
        XCTAssertEqual(compared, neighbours.count * neighbours.count * 6)
        XCTAssertEqual(DirectiveSplitting.cells(" a \\| b | c\u{301} |"), ["a \\| b", "c\u{301}", ""])
        XCTAssertEqual(DirectiveSplitting.cells("|\u{301} a"), ["|\u{301} a"], "a `|` with a combining mark is not a separator")
        XCTAssertEqual(DirectiveSplitting.lines("\n\na\r\nb\n\nc"), ["a\r\nb", "c"])
    }

    func testRandomRowsCutAsByCharacters() {
        var random = SplitMix64(state: 0x5EED_D1EC)
        let pieces = neighbours + ["Sede", " | ", "\\.", "\\\\", "L1", "\u{2069}", "\u{2068}"]
        for _ in 0..<3_000 {
            let line = (0..<Int.random(in: 1...14, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            XCTAssertEqual(DirectiveSplitting.cells(line), referenceCells(line), line.debugDescription)
            XCTAssertEqual(DirectiveSplitting.lines(line), referenceLines(line), line.debugDescription)
        }
    }
}
