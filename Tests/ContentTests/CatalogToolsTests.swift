import Foundation
import XCTest
@testable import Content

/// The translators' gettext side: templates, msgfmt, untranslated copies, Plural-Forms.
final class CatalogToolsTests: XCTestCase {
    private var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    func testCommittedTemplatesAreCurrent() throws {
        let templates = POTemplate.templates(try ContentRepository(root: root))
        XCTAssertEqual(templates.map(\.path), ["locales/strings.pot", "locales/codes.pot"])
        for (path, text) in templates {
            XCTAssertEqual(try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8), text,
                           "\(path) is not current: run osteodoc locales pot")
        }
    }

    /// msgfmt -c accepts every catalog, and a translation merged with the template (msgmerge
    /// --previous, as a translator would) keeps every string translated.
    func testMsgfmtChecksEveryCatalogAndTheTemplatesMerge() throws {
        let locales = root.appendingPathComponent("locales")
        for tag in try FileManager.default.contentsOfDirectory(atPath: locales.path).sorted() where !tag.contains(".") {
            // The staff pages' catalog too, where a language has one (its template: locales/staff.pot).
            let staff = FileManager.default.fileExists(atPath: locales.appendingPathComponent("\(tag)/interface/staff.po").path)
            for name in ["strings.po", "codes.po"] + (staff ? ["interface/staff.po"] : []) {
                let path = locales.appendingPathComponent("\(tag)/\(name)").path
                let result = try run("msgfmt", ["-c", "--statistics", "-o", "/dev/null", path])
                XCTAssertEqual(result.status, 0, "\(path): \(result.stderr)")
                XCTAssertTrue(result.stderr.contains(" translated message"), result.stderr)
                XCTAssertFalse(result.stderr.contains("untranslated") || result.stderr.contains("fuzzy"), "\(path): \(result.stderr)")
                let merged = FileManager.default.temporaryDirectory.appendingPathComponent("merged-\(UUID().uuidString).po")
                defer { try? FileManager.default.removeItem(at: merged) }
                let pot = locales.appendingPathComponent(name == "interface/staff.po" ? "staff.pot" : name + "t").path
                XCTAssertEqual(try run("msgmerge", ["--previous", "-q", "-o", merged.path, path, pot]).status, 0)
                let after = try run("msgfmt", ["-c", "--statistics", "-o", "/dev/null", merged.path])
                XCTAssertEqual(after.status, 0, after.stderr)
                XCTAssertEqual(Self.translatedCount(after.stderr), Self.translatedCount(result.stderr), "\(tag)/\(name) after msgmerge")
            }
        }
    }

    /// `cp -r it pt`: every string is untranslated, every prose unit stale (no record).
    func testACopyOfTheItalianIsUntranslated() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("locales"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent("locales/it"), to: dir.appendingPathComponent("locales/it"))
        try FileManager.default.copyItem(at: root.appendingPathComponent("locales/it"), to: dir.appendingPathComponent("locales/pt"))
        let status = try XCTUnwrap(try ContentRepository(root: dir).status(of: "pt"))
        XCTAssertEqual(status.count(.complete), 0)
        XCTAssertEqual(status.units.filter { $0.kind == .string }.map(\.state), Array(repeating: .missing, count: status.units.filter { $0.kind == .string }.count))
        XCTAssertEqual(status.percentComplete, 0)
    }

    func testPluralFormsAreParsedAndCompared() throws {
        let ar = try XCTUnwrap(PluralForms("nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"))
        XCTAssertEqual([0, 1, 2, 3, 10, 11, 99, 100, 102, 111].map(ar.index), [0, 1, 2, 3, 3, 4, 4, 5, 5, 4])
        let uk = try XCTUnwrap(PluralForms("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2);"))
        XCTAssertEqual([1, 2, 5, 11, 12, 21, 22, 25].map(uk.index), [0, 1, 2, 2, 2, 0, 1, 2])
        XCTAssertEqual(try XCTUnwrap(PluralForms("nplurals=2; plural=!(n == 1);")).index(1), 0)
        XCTAssertNil(PluralForms("nplurals=2; plural=(n !! 1);"))
        XCTAssertNil(PluralForms("nplurals=2;"))
    }

    private static func translatedCount(_ statistics: String) -> Int? {
        Int(statistics.split(separator: "\n").last?.split(separator: " ").first ?? "")
    }

    private func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let err = Pipe()
        process.standardError = err
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
