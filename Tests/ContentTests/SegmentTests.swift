import Foundation
import XCTest
@testable import Content

/// Segments of the Markdown prose, their SHA-256 identity, and the record-based staleness.
final class SegmentTests: XCTestCase {
    private var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    func testSHA256KnownAnswers() {
        XCTAssertEqual(SHA256.hex(Array("".utf8)), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testSegmentsAreHeadingsParagraphsItemsAndRows() {
        let text = """
        ## Titolo

        Prima riga
        seconda riga.
        - voce uno
          continua
        - voce due
        {{/is.x}}

        | a | b |
        | c | d |
        1. primo
        """
        let segments = ProseSegment.segments(text)
        XCTAssertEqual(segments.map(\.text), ["## Titolo", "Prima riga\nseconda riga.", "- voce uno\n  continua",
                                              "- voce due\n{{/is.x}}", "| a | b |", "| c | d |", "1. primo"])
        XCTAssertEqual(segments.map(\.line), [1, 3, 5, 7, 10, 11, 12])
        XCTAssertEqual(ProseSegment.hash("Prima riga\n  seconda   riga. "), ProseSegment.hash("Prima riga seconda riga."))
    }

    /// The documented shell pipeline gives the same hash for every segment of a real unit.
    func testHashIsReproducibleWithCoreutils() throws {
        let text = try String(contentsOf: root.appendingPathComponent("locales/it/consent/risks.md"), encoding: .utf8)
        for segment in ProseSegment.segments(text).prefix(6) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", #"printf '%s' "$SEGMENT" | tr -s ' \t\n' ' ' | sed 's/^ //; s/ $//' | tr -d '\n' | sha256sum | cut -c1-16"#]
            process.environment = ["SEGMENT": segment.text, "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let hash = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(hash.trimmingCharacters(in: .whitespacesAndNewlines), segment.hash, segment.text)
        }
    }

    func testOnlyTheChangedSegmentIsStaleWithBeforeAndAfter() {
        let old = "## T\n\nUno due tre.\n\nQuattro cinque.\n\n- sei\n- sette\n"
        let new = "## T\n\nUno due tre.\n\nQuattro cinque sei.\n\n- sei\n- otto\n- sette\n"
        let changes = TranslationRecord.changes(record: ProseSegment.segments(old), current: ProseSegment.segments(new))
        XCTAssertEqual(changes.map(\.before), ["Quattro cinque.", nil])
        XCTAssertEqual(changes.map(\.after), ["Quattro cinque sei.", "- otto"])
        XCTAssertEqual(changes[0].wordDiff, "Quattro [-cinque.-] {+cinque sei.+}")
        // Confirming one leaves the other.
        let once = TranslationRecord.confirming(changes[0].hash, record: ProseSegment.segments(old), current: ProseSegment.segments(new))
        XCTAssertEqual(TranslationRecord.changes(record: ProseSegment.segments(once), current: ProseSegment.segments(new)).map(\.after), ["- otto"])
        let all = TranslationRecord.confirming(nil, record: ProseSegment.segments(once), current: ProseSegment.segments(new))
        XCTAssertTrue(TranslationRecord.changes(record: ProseSegment.segments(all), current: ProseSegment.segments(new)).isEmpty)
        // A segment removed from the Italian is a change too, until confirmed.
        let removed = TranslationRecord.changes(record: ProseSegment.segments(new), current: ProseSegment.segments(old))
        XCTAssertEqual(removed.filter { $0.after == nil }.map(\.before), ["- otto"])
    }

    func testLegacyHashLineIsDropped() {
        XCTAssertEqual(TranslationRecord.removingLegacyHash("---\nsource: a.md\nsource-hash: 0123\n---\n## X\n"), "---\nsource: a.md\n---\n## X\n")
        XCTAssertNil(TranslationRecord.removingLegacyHash("---\nsource: a.md\n---\n## X\n"))
    }

    func testEveryTranslationHasACurrentRecordAndNoLegacyHash() throws {
        let repo = try ContentRepository(root: root)
        for tag in repo.localeTags where tag != repo.sourceTag {
            for (id, unit) in try XCTUnwrap(repo.locale(tag)).prose {
                XCTAssertNotNil(unit.record, "\(tag)/\(id): no record (run osteodoc locales migrate)")
                XCTAssertNil(unit.sourceHash, "\(tag)/\(id): legacy source-hash left (run osteodoc locales migrate)")
            }
        }
    }
}
