import Foundation
import XCTest
@testable import Content

/// Quotation marks and apostrophes per language in the content (never in plan values, which
/// the content never contains), and the approval record of the Italian source.
final class TypographyAndApprovalTests: XCTestCase {
    static let repository = try! ContentRepository(root: ItalianContentTests.root)

    /// Every piece of content text of a locale: prose outside Mustache tags, catalog strings
    /// (msgstr; for the source also msgid) except ICU date patterns, where ' quotes literal text.
    private func texts(_ tag: String) -> [(String, String)] {
        let locale = Self.repository.locale(tag)!
        var out: [(String, String)] = []
        for unit in locale.prose.values {
            let stripped = unit.text.replacingOccurrences(of: #"\{\{[^}]*\}\}"#, with: "", options: .regularExpression)
            for line in stripped.split(separator: "\n") { out.append((unit.path, String(line))) }
        }
        for entry in locale.strings.entries where !(entry.context ?? "").hasPrefix("format.") {
            for s in entry.strings + (tag == Self.repository.sourceTag ? [entry.id] : []) { out.append(("\(entry.file) \(entry.context ?? "")", s)) }
        }
        return out
    }

    func testNoTypewriterQuotesOrApostrophes() {
        for tag in Self.repository.localeTags {
            for (place, text) in texts(tag) {
                XCTAssertFalse(text.contains("'"), "\(place): straight apostrophe in \(text)")
                XCTAssertFalse(text.contains("\""), "\(place): straight quotation mark in \(text)")
            }
        }
    }

    func testQuotationMarksOfEachLanguage() {
        let wrong: [String: [String]] = ["it": ["„", "“", "”"], "de": ["«", "»", "”"], "fr": ["„", "“", "”"]]
        for (tag, marks) in wrong {
            for (place, text) in texts(tag) {
                for m in marks { XCTAssertFalse(text.contains(m), "\(place): \(m) is not a \(tag) quotation mark: \(text)") }
            }
        }
        XCTAssertTrue(Self.repository.locale("it")!.prose["consent/risks"]!.text.contains("«circa 2 su 100»"))
        XCTAssertTrue(Self.repository.locale("de")!.prose["consent/risks"]!.text.contains("„etwa 2 von 100“"))
    }

    /// French: « … » with no-break spaces inside, a no-break space before : and a narrow one before ; ? !
    func testFrenchSpacesBeforeHighPunctuation() {
        for (place, text) in texts("fr") {
            let scalars = Array(text.unicodeScalars)
            for (i, c) in scalars.enumerated() {
                switch c {
                case ":", ";", "?", "!":
                    guard i > 0, i + 1 == scalars.count || scalars[i + 1] == " " || scalars[i + 1] == "\u{A0}" else { continue }
                    XCTAssertTrue(["\u{A0}", "\u{202F}"].contains(scalars[i - 1]), "\(place): no no-break space before \(c): \(text)")
                case "«": XCTAssertEqual(i + 1 < scalars.count ? scalars[i + 1] : " ", "\u{A0}", "\(place): \(text)")
                case "»": XCTAssertEqual(i > 0 ? scalars[i - 1] : " ", "\u{A0}", "\(place): \(text)")
                default: break
                }
            }
        }
    }

    func testTheShippedApprovalRecordApprovesNothing() {
        let approval = Self.repository.locale("it")!.approval
        XCTAssertFalse(approval.isApproved, "nobody has approved this content: the record must say so")
        XCTAssertNil(approval.clinical)
        XCTAssertNil(approval.legal)
        XCTAssertEqual(Self.repository.locale("fr")!.approval, approval, "a translation carries the Italian record")
    }

    func testAnApprovalRecordIsReadAndChecked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-approval-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("locales/it"), withIntermediateDirectories: true)
        try "msgctxt \"a\"\nmsgid \"b\"\nmsgstr \"b\"\n".write(to: folder.appendingPathComponent("locales/it/strings.po"), atomically: true, encoding: .utf8)
        let record = folder.appendingPathComponent("locales/it/approval.json")
        try #"{"clinical": {"name": "Dr.ssa Anna Verdi", "role": "Radiologia"}, "legal": {"name": "Avv. Neri", "role": "Ufficio legale"}, "approvedOn": "2026-11-30", "nextReview": "2027-11-30"}"#
            .write(to: record, atomically: true, encoding: .utf8)
        let approval = try ContentRepository(root: folder).locale("it")!.approval
        XCTAssertTrue(approval.isApproved)
        XCTAssertEqual(approval.clinical?.name, "Dr.ssa Anna Verdi")

        try #"{"clinical": null, "legal": null, "approvedOn": "30/11/2026", "nextReview": null}"#.write(to: record, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ContentRepository(root: folder)) {
            XCTAssertEqual(String(describing: $0), "locales/it/approval.json: cannot be read: approvedOn: \"30/11/2026\" is not a date YYYY-MM-DD")
        }
        try #"{"clinical": {"name": "X", "role": "Y"}, "legal": null, "approvedOn": "2026-11-30", "nextReview": "2027-11-30"}"#
            .write(to: record, atomically: true, encoding: .utf8)
        XCTAssertFalse(try ContentRepository(root: folder).locale("it")!.approval.isApproved, "a legal approver is needed too")
    }
}
