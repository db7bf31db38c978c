import Foundation
import XCTest
@testable import Content

/// Changing one Italian sentence makes exactly its translations stale.
final class StalenessTests: XCTestCase {
    private var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    private func copyOfLocales() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-stale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent("locales"), to: dir.appendingPathComponent("locales"))
        return dir
    }

    func testShippedTranslationsAreCompleteAndCurrent() throws {
        let repo = try ContentRepository(root: root)
        let translations = repo.localeTags.filter { $0 != repo.sourceTag }
        XCTAssertEqual(Set(translations), ["ar", "de", "en", "fr", "ro", "uk"])
        for tag in translations {
            let status = try XCTUnwrap(repo.status(of: tag))
            XCTAssertEqual(status.count(.missing), 0, tag)
            XCTAssertEqual(status.count(.stale), 0, tag)
            XCTAssertTrue(TranslationCheck.check(repo, tag: tag).isEmpty, "\(tag): \(TranslationCheck.check(repo, tag: tag))")
        }
    }

    func testChangingOneItalianSentenceMakesExactlyItsTranslationsStale() throws {
        let dir = try copyOfLocales()
        defer { try? FileManager.default.removeItem(at: dir) }
        let risks = dir.appendingPathComponent("locales/it/consent/risks.md")
        let text = try String(contentsOf: risks, encoding: .utf8)
        let sentence = try XCTUnwrap(text.range(of: "Capita"))
        try text.replacingCharacters(in: sentence, with: "Succede").write(to: risks, atomically: true, encoding: .utf8)

        let strings = dir.appendingPathComponent("locales/it/strings.po")
        let po = try String(contentsOf: strings, encoding: .utf8)
        let changed = po.replacingOccurrences(of: "msgid \"Scelga una sola casella.\"", with: "msgid \"Scelga una casella sola.\"")
        XCTAssertNotEqual(po, changed)
        try changed.write(to: strings, atomically: true, encoding: .utf8)

        let repo = try ContentRepository(root: dir)
        for tag in repo.localeTags where tag != repo.sourceTag {
            let stale = try XCTUnwrap(repo.status(of: tag)).units.filter { $0.state != .complete }
            XCTAssertEqual(stale.map(\.id), ["consent/risks", "consent.decision.intro"], tag)
            XCTAssertEqual(Set(stale.map(\.state)), [.stale], tag)
        }
    }

    func testRemovedTranslationUnitIsMissing() throws {
        let dir = try copyOfLocales()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("locales/de/discharge/wound.md"))
        let repo = try ContentRepository(root: dir)
        let open = try XCTUnwrap(repo.status(of: "de")).units.filter { $0.state != .complete }
        XCTAssertEqual(open.map(\.id), ["discharge/wound"])
        XCTAssertEqual(open.first?.state, .missing)
    }
}
