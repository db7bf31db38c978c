import Foundation
import XCTest

/// The translator's loop, end to end through the command line on a copy of the content:
/// one Italian sentence changes → exactly that segment is stale in every language, with the
/// Italian before and after shown; a translator confirms or updates; status is clean again.
final class TranslatorLoopTests: XCTestCase {
    private let old = "Ogni cura può avere effetti indesiderati."
    private let new = "Ogni cura può avere effetti non voluti."

    private func copyOfContent() throws -> URL {
        let dir = try temporaryFolder()
        for name in ["templates", "locales"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        return dir
    }

    func testChangeOneSentenceConfirmOrUpdateStatusClean() throws {
        let dir = try copyOfContent()
        defer { try? FileManager.default.removeItem(at: dir) }
        let resources = ["--resources", dir.path]
        let risks = dir.appendingPathComponent("locales/it/consent/risks.md")
        let italian = try String(contentsOf: risks, encoding: .utf8)
        XCTAssertTrue(italian.contains(old))
        try italian.replacingOccurrences(of: old, with: new).write(to: risks, atomically: true, encoding: .utf8)

        // Exactly one segment of one unit is stale in each language, and the word diff is shown.
        let status = try runCLI(["locales", "status"] + resources)
        XCTAssertEqual(status.status, 0, status.stderr)
        let translations = ["ar", "de", "en", "fr", "ro", "uk"]
        for tag in translations {
            let line = status.stdout.split(separator: "\n").first { $0.hasPrefix("\(tag): ") } ?? ""
            XCTAssertTrue(line.contains(" complete, 1 stale, 0 missing"), status.stdout)
        }
        XCTAssertEqual(status.stdout.components(separatedBy: "stale     prose consent/risks").count - 1, 6, status.stdout)
        XCTAssertEqual(status.stdout.components(separatedBy: "1 segment(s)").count - 1, 6, status.stdout)
        XCTAssertEqual(status.stdout.components(separatedBy: "[-indesiderati.-] {+non voluti.+}").count - 1, 6, status.stdout)
        let hash = try XCTUnwrap(status.stdout.split(separator: "\n").first { $0.contains("segment ") && $0.contains("changed") }?
            .split(separator: " ").dropFirst().first.map(String.init))
        XCTAssertEqual(hash.count, 16)
        XCTAssertTrue(status.stdout.contains("locales/it/consent/risks.md:3"), status.stdout)
        XCTAssertEqual(try runCLI(["locales", "status", "--strict"] + resources).status, 1)

        // The German consent is refused until the translation is confirmed; the review page shows the diff.
        let out = dir.appendingPathComponent("de.html")
        let refused = try runCLI(["render", "consent", "--plan", "examples/plan.json", "--lang", "de", "--out", out.path] + resources)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("consent/risks"), refused.stderr)
        let review = dir.appendingPathComponent("review.html")
        XCTAssertEqual(try runCLI(["locales", "preview", "de", "--out", review.path] + resources).status, 0)
        let html = try String(contentsOf: review, encoding: .utf8)
        XCTAssertTrue(html.contains("<del>indesiderati.</del> <ins>non voluti.</ins>"), html)

        // French: the translator updates the sentence, then confirms; the others confirm as is.
        let french = dir.appendingPathComponent("locales/fr/consent/risks.md")
        let frenchText = try String(contentsOf: french, encoding: .utf8)
        try frenchText.replacingOccurrences(of: "des effets indésirables.", with: "des effets non voulus.")
            .write(to: french, atomically: true, encoding: .utf8)
        for tag in translations {
            let confirm = try runCLI(["locales", "confirm", tag, "consent/risks", String(hash.prefix(8))] + resources)
            XCTAssertEqual(confirm.status, 0, confirm.stderr)
        }
        let clean = try runCLI(["locales", "status", "--strict"] + resources)
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertFalse(clean.stdout.contains("stale     "), clean.stdout)
        let record = try String(contentsOf: dir.appendingPathComponent("locales/de/.source/consent/risks.md"), encoding: .utf8)
        XCTAssertTrue(record.contains(new) && !record.contains(old))
        XCTAssertEqual(try runCLI(["render", "consent", "--plan", "examples/plan.json", "--lang", "de", "--out", out.path] + resources).status, 0)
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("locales/fr/consent/risks.md"), encoding: .utf8).contains("non voulus"))

        // Confirming a segment that is not stale is refused.
        XCTAssertEqual(try runCLI(["locales", "confirm", "de", "consent/risks", String(hash.prefix(8))] + resources).status, 1)
    }

    func testWrongPluralFormsFailsTheCheck() throws {
        let dir = try copyOfContent()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = dir.appendingPathComponent("locales/uk/strings.po")
        let text = try String(contentsOf: catalog, encoding: .utf8)
        let wrong = text.replacingOccurrences(of: "n%10>=2 && n%10<=4", with: "n%10>=2 && n%10<=5")
        XCTAssertNotEqual(text, wrong)
        try wrong.write(to: catalog, atomically: true, encoding: .utf8)
        let check = try runCLI(["locales", "check", "uk", "--resources", dir.path])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("locales/uk/strings.po:1: Plural-Forms gives form 1 for n=5; CLDR's rules for uk give form 2"), check.stdout)
    }

    func testUnknownLocaleFailsTheCheck() throws {
        let r = try runCLI(["locales", "check", "xx"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("unknown locale xx"), r.stderr)
    }
}
