import TestSupport
import XCTest
import PlanImport
@testable import Templating

/// Isolates joined into phrases over bytes (BidiIsolation.joinPhrases) against the join by scalars.
final class PhraseJoiningTests: XCTestCase {
    /// The join by Unicode scalars, as BidiIsolation did it before: the reference.
    private func referenceJoin(_ text: String) -> String {
        let lri: Unicode.Scalar = "\u{2066}", rli: Unicode.Scalar = "\u{2067}", fsi: Unicode.Scalar = "\u{2068}", pdi: Unicode.Scalar = "\u{2069}"
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(pdi) else { return text }
        var out = String.UnicodeScalarView()
        var opener: [Unicode.Scalar] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == lri || scalar == fsi || scalar == rli {
                opener.append(scalar)
                out.append(scalar)
            } else if scalar == pdi, let kind = opener.last {
                var next = index + 1
                while next < scalars.count, BidiIsolation.isPhraseSeparator(scalars[next]) { next += 1 }
                if opener.count == 1, next < scalars.count, scalars[next] == kind {
                    out.append(contentsOf: scalars[(index + 1)..<next])
                    index = next + 1
                    continue
                }
                opener.removeLast()
                out.append(scalar)
            } else {
                out.append(scalar)
            }
            index += 1
        }
        return String(out)
    }

    /// The join over bytes against the join by scalars, on random texts of isolate marks, every
    /// phrase separator, near misses (U+2065, U+206A, U+2011, U+00B6) and letters of three scripts.
    func testJoiningOverBytesIsTheJoinByScalars() {
        let pieces = ["\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", " ", "\u{A0}", "\u{202F}", "\\", ",", ".", ":", "-",
                      "\u{2010}", "\u{2013}", "\u{2014}", "/", "\u{B7}", "\u{2065}", "\u{206A}", "\u{2011}", "\u{B6}",
                      "a", "Rossi", "é", "مريم", "中", "\n", "\u{1F600}",
                      "\u{2068}Rossi\u{2069}", "\u{2068}مريم\u{2069}", "\u{2066}12\u{2069}", "\u{2067}ا\u{2069}", ", ", " · "]
        var random = SplitMix64(state: 0xB1D1)
        var joined = 0
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...16, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            let expected = referenceJoin(text)
            XCTAssertEqual(BidiIsolation.joinPhrases(text).unicodeScalars.map(\.value), expected.unicodeScalars.map(\.value), text.debugDescription)
            if expected != text { joined += 1 }
        }
        XCTAssertGreaterThan(joined, 100, "the random texts join often enough to test the join")
    }
}


/// Issue 14 items 2 and 3, issue 8 point 2: plan values never reorder, expand or
/// re-expand the text around them.
final class ValueIsolationTests: XCTestCase {
    private let lri = "\u{2066}", fsi = "\u{2068}", pdi = "\u{2069}"

    func testEmbeddedBidiControlsAreRemovedAndTheValueIsolated() {
        let hostile = "Radiologia\u{202E} Interventistica\u{2069}\u{202B}x\u{202C}\u{2067}"
        for rtl in [false, true] {
            let isolated = BidiIsolation.isolate(hostile, rightToLeft: rtl)
            let inner = isolated.unicodeScalars.filter { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
            // Only our own isolate (in RTL documents) remains: one initiator and one PDI at the ends.
            XCTAssertEqual(inner.count, rtl ? 2 : 0, "\(rtl)")
            XCTAssertTrue(isolated.contains("Radiologia Interventisticax"))
        }
    }

    func testValuesWithRightToLeftLettersAreIsolatedEverywhere() {
        XCTAssertEqual(BidiIsolation.isolate("محمد", rightToLeft: false), fsi + "محمد" + pdi)
        XCTAssertEqual(BidiIsolation.isolate("محمد", rightToLeft: true), fsi + "محمد" + pdi)
        XCTAssertEqual(BidiIsolation.isolate("שרה כהן", rightToLeft: false), fsi + "שרה כהן" + pdi)
        // A phone number in right-to-left text reads left to right (no strong character: LRI, not FSI).
        XCTAssertEqual(BidiIsolation.isolate("+39 010 555 0134", rightToLeft: true), lri + "+39 010 555 0134" + pdi)
        // Left-to-right values in left-to-right text cannot reorder anything: left as they are.
        XCTAssertEqual(BidiIsolation.isolate("Maria Rossi", rightToLeft: false), "Maria Rossi")
        // A right-to-left mark is a right-to-left character: the value is isolated.
        XCTAssertEqual(BidiIsolation.isolate("Dept\u{200F}", rightToLeft: false), fsi + "Dept\u{200F}" + pdi)
        XCTAssertEqual(BidiIsolation.isolate("", rightToLeft: true), "")
    }

    func testAdjacentIsolatesOfOnePhraseAreJoined() {
        let name = lri + "Luca Bianchi" + pdi, title = lri + "Radiologo interventista" + pdi
        XCTAssertEqual(BidiIsolation.joinPhrases("الطبيب | \(name)\\, \(title)\n"),
                       "الطبيب | \(lri)Luca Bianchi\\, Radiologo interventista\(pdi)\n")
        let provenance = "من الخطة \(lri)PLN\\-1\(pdi) \\(\(lri)planning\\-core\(pdi) \(lri)3\\.2\\.0\(pdi)\\)"
        XCTAssertEqual(BidiIsolation.joinPhrases(provenance),
                       "من الخطة \(lri)PLN\\-1\(pdi) \\(\(lri)planning\\-core 3\\.2\\.0\(pdi)\\)")
        // Not across a line, a bracket, Arabic text, or into an isolate of another kind.
        for text in ["\(name)\n\(title)", "\(name) (\(title)", "\(name) و \(title)", "\(name) \(fsi)محمد\(pdi)"] {
            XCTAssertEqual(BidiIsolation.joinPhrases(text), text)
        }
    }

    func testCatalogPlaceholdersAreFilledInOnePass() {
        // A value that looks like a placeholder is printed as it is, whatever the order of the dictionary.
        let values = ["generator": "{version}", "version": "3.2.0", "plan": "{plan}{generator}"]
        for _ in 0..<20 {
            XCTAssertEqual(LocaleFormatter.fill("{plan} ({generator} {version})", values), "{plan}{generator} ({version} 3.2.0)")
        }
        XCTAssertEqual(LocaleFormatter.fill("{a}{b}", ["a": "{", "b": "b}"]), "{b}")
        XCTAssertEqual(LocaleFormatter.fill("{unknown} {a}", ["a": "x"]), "{unknown} x")
        XCTAssertEqual(LocaleFormatter.fill("{{a}}", ["a": "x"]), "{x}")
        XCTAssertEqual(LocaleFormatter.fill("no placeholders", ["a": "x"]), "no placeholders")
    }

    func testPlanValuesInTheViewModelAreNotReexpanded() throws {
        var plan = examplePlan()
        plan.generator = Generator(name: "{version}{datetime}", version: "{plan}")
        plan.planId = "{generator}"
        let first = try build(plan).doc.provenance
        XCTAssertTrue(first.contains("{generator} ({version}{datetime} {plan})"), first)
        for _ in 0..<10 { XCTAssertEqual(try build(plan).doc.provenance, first) }
    }
}
