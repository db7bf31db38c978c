import XCTest
@testable import Typesetting

final class ConcurrencyTests: XCTestCase {
    /// One typesetter shared by many threads gives the same lines as one thread.
    func testSharedTypesetterIsThreadSafe() throws {
        let typesetter = Typesetter(fonts: Fixtures.library)
        let jobs: [([TextSpan], ParagraphStyle, Double)] = Fixtures.italian.flatMap { text in
            [120.0, 240, 400].map { ([TextSpan(text)], Fixtures.style(), $0) }
        } + [
            ([TextSpan(Fixtures.arabicMixed)], Fixtures.style("ar", direction: .rightToLeft), 150),
            ([TextSpan("Krankenhaus Schmerzmittel Betäubung Krankenhaus")], Fixtures.style("de"), 70),
            ([TextSpan("anesthésie générale hôpital anesthésie")], Fixtures.style("fr"), 60),
        ]
        let expected = try jobs.map { try debugLog(Fixtures.typesetter.layout($0.0, style: $0.1, width: $0.2)) }
        let results = UnsafeMutableBufferPointer<String>.allocate(capacity: jobs.count * 4)
        results.initialize(repeating: "")
        defer { results.deallocate() }
        let resultsAddress = results.baseAddress!
        nonisolated(unsafe) let output = resultsAddress
        DispatchQueue.concurrentPerform(iterations: jobs.count * 4) { index in
            let job = jobs[index % jobs.count]
            output[index] = (try? debugLog(typesetter.layout(job.0, style: job.1, width: job.2))) ?? "error"
        }
        for index in 0..<jobs.count * 4 {
            XCTAssertEqual(results[index], expected[index % jobs.count])
        }
    }

    func testDegenerateMeasuresDoNotTrap() throws {
        for width in [0.0, 1, 5] {
            let layout = try Fixtures.typesetter.layout([TextSpan("Osteoplastica è")], style: Fixtures.style(indent: 20), width: width)
            XCTAssertFalse(layout.lines.isEmpty)
            let text = layout.lines.map { line in
                var text = line.logicalText
                if line.hyphenated { text.removeLast() }
                return text
            }.joined().replacingOccurrences(of: " ", with: "")
            XCTAssertEqual(text, "Osteoplasticaè")
            // Only single graphemes may be wider than such a measure.
            for line in layout.lines where line.width > width + 0.01 {
                XCTAssertEqual(line.runs.flatMap(\.glyphs).filter { !$0.text.isEmpty && $0.text != "-" }.count, 1)
            }
        }
    }
}
