import DocumentModel
import Foundation
import Layout
import PlanImport
import Templating
import XCTest
@testable import OsteoDoc

/// The PDF of the example documents, checked with the layout's own log and with poppler and qpdf.
final class PDFOutputTests: XCTestCase {
    private func plan() throws -> Plan { try OsteoDoc.plan(from: try examplePlanData()) }

    private func writePDF(_ kind: DocumentKind, language: String = "it") throws -> (URL, Document, LaidOutDocument) {
        let doc = try engine.document(kind, plan: try plan(), language: language)
        let laid = try engine.layout(doc)
        let url = try temporaryFolder().appendingPathComponent("\(kind.rawValue)-\(language).pdf")
        try Data(try engine.render(kind, plan: try plan(), language: language, format: .pdf)).write(to: url)
        return (url, doc, laid)
    }

    func testPopplerAndQpdfAcceptTheExampleDocuments() throws {
        for kind in DocumentKind.allCases {
            let (url, _, laid) = try writePDF(kind)
            let check = try tool("qpdf", ["--check", url.path])
            XCTAssertEqual(check.status, 0, check.output)
            XCTAssertTrue(check.output.contains("No syntax or stream encoding errors"), check.output)

            let info = try tool("pdfinfo", [url.path]).output
            XCTAssertTrue(info.contains("Page size:       595.28 x 841.89 pts (A4)"), info)
            XCTAssertTrue(info.contains("Pages:           \(laid.pages.count)\n"), info)
            XCTAssertFalse(info.contains("CreationDate"), "no creation date unless given")

            let fonts = try tool("pdffonts", [url.path]).output.split(separator: "\n").dropFirst(2)
            XCTAssertFalse(fonts.isEmpty)
            for line in fonts {
                let columns = line.split(separator: " ", omittingEmptySubsequences: true)
                XCTAssertTrue(line.contains("CID TrueType") && line.contains("Custom"), String(line))
                XCTAssertEqual(Array(columns.suffix(5).prefix(3)), ["yes", "yes", "yes"], "emb sub uni: \(line)")
                XCTAssertTrue(columns[0].dropFirst(6).hasPrefix("+"), "subset tag: \(line)")
            }
        }
    }

    /// pdftotext gives back every paragraph and heading of the document (modulo line breaks and hyphens).
    func testTextIsExtractable() throws {
        for kind in DocumentKind.allCases {
            let (url, doc, _) = try writePDF(kind)
            let raw = try tool("pdftotext", ["-enc", "UTF-8", url.path, "-"]).output
            XCTAssertTrue(normalize(raw).contains(normalize("cartella n. 0004471123")), "\(kind): running header")
            let text = normalize(withoutPageFurniture(raw, doc))
            var checked = 0
            for block in doc.blocks {
                for piece in textPieces(block) where piece.count > 3 {
                    XCTAssertTrue(text.contains(normalize(piece)), "\(kind): not found in PDF text: \(piece)")
                    checked += 1
                }
            }
            XCTAssertGreaterThan(checked, 20)
            let exacts: [DocumentKind: [String]] = [
                .consent: ["Nazionalità", "giovedì 3 dicembre 2026, ore 9:30", "perché"],
                .discharge: ["giovedì 3 dicembre 2026, ore 15:30", "venerdì 4 dicembre 2026", "finché"],
                .preparation: ["giovedì 3 dicembre 2026, ore 9:30", "sabato 28 novembre 2026", "Radiologia Interventistica, Ospedale San Martino"],
            ]
            for exact in exacts[kind] ?? [] {
                XCTAssertTrue(text.contains(normalize(exact)), "\(kind): \(exact)")
            }
        }
    }

    func testSameInputGivesByteIdenticalPDF() throws {
        let a = try engine.render(.consent, plan: try plan(), language: "it", format: .pdf)
        let b = try engine.render(.consent, plan: try plan(), language: "it", format: .pdf)
        XCTAssertEqual(a, b)
        XCTAssertLessThan(a.count, 120_000, "PDF size target")
    }

    /// A document's bytes do not depend on what the engine rendered before: first in a fresh
    /// engine (nothing cached), after another patient's document (the fixed prose now from the
    /// shared caches, this patient's paragraphs from the document's own memo), and after its
    /// own again (its paragraphs admitted to the shared caches by the second document that set them).
    func testTheBytesDoNotDependOnWhatTheEngineRenderedBefore() throws {
        let fresh = try OsteoDoc(resources: repositoryRoot)
        let example = String(decoding: try examplePlanData(), as: UTF8.self)
        XCTAssertTrue(example.contains("\"givenName\": \"Maria\""))
        let other = try OsteoDoc.plan(from: Data(example.replacingOccurrences(
            of: "\"givenName\": \"Maria\"", with: "\"givenName\": \"Giulia\"").utf8))
        for kind in DocumentKind.allCases {
            let first = try fresh.render(kind, plan: try plan(), language: "it", format: .pdf)
            let otherBytes = try fresh.render(kind, plan: other, language: "it", format: .pdf)
            XCTAssertNotEqual(first, otherBytes, "another patient")
            XCTAssertEqual(try fresh.render(kind, plan: try plan(), language: "it", format: .pdf), first, "\(kind), after another patient")
            XCTAssertEqual(try fresh.render(kind, plan: try plan(), language: "it", format: .pdf), first, "\(kind), third time")
            XCTAssertEqual(try engine.render(kind, plan: try plan(), language: "it", format: .pdf), first, "\(kind), the shared engine")
        }
    }

    /// No glyph id 0, no line wider than its measure, nothing below the bottom margin,
    /// no paragraph leaving a single line alone at the top or bottom of a page.
    func testLayoutInvariants() throws {
        for kind in DocumentKind.allCases {
            for language in ["it", "de", "uk"] {
                let doc = try engine.document(kind, plan: try plan(), language: language)
                let laid = try engine.layout(doc)
                for page in laid.pages {
                    for item in page.items {
                        if case .glyphs(_, _, let run) = item {
                            XCTAssertFalse(run.glyphs.contains { $0.id == 0 }, "notdef glyph")
                        }
                    }
                }
                try checkLog(laid.log, label: "\(kind) \(language)")
            }
        }
    }

    func testLayoutLogGolden() throws {
        let doc = try engine.document(.consent, plan: try plan(), language: "it")
        try assertGolden(try engine.layout(doc).log, "consent-it.layout")
    }

    // MARK: Helpers

    private func checkLog(_ log: String, label: String) throws {
        let contentHeight = LayoutOptions().pageHeight - LayoutOptions().marginTop - LayoutOptions().marginBottom
        var page = 0
        // paragraph number → [page: line count], and each paragraph's line total.
        var linesOnPage: [Int: [Int: Int]] = [:]
        var totals: [Int: Int] = [:]
        for line in log.split(separator: "\n") {
            if line.hasPrefix("page ") { page = Int(line.dropFirst(5))!; continue }
            if let w = line.range(of: "w=") {
                let widths = line[w.upperBound...].prefix { $0 != " " }.split(separator: "/")
                if widths.count == 2, let used = Double(widths[0]), let measure = Double(widths[1]) {
                    XCTAssertLessThanOrEqual(used, measure + 0.05, "\(label): overfull line: \(line)")
                }
            }
            if line.hasPrefix("  y="), let h = line.range(of: " h=") {
                let y = Double(line.dropFirst(4).prefix { $0 != " " })!
                let height = Double(line[h.upperBound...].prefix { $0 != " " })!
                XCTAssertLessThanOrEqual(y + height, contentHeight + 0.05, "\(label): below the bottom margin on page \(page): \(line)")
            }
            if let mark = line.range(of: "¶") {
                let rest = line[mark.upperBound...].split(separator: " ")
                let number = Int(rest[0])!
                let parts = rest[1].split(separator: "/")
                totals[number] = Int(parts[1])!
                linesOnPage[number, default: [:]][page, default: 0] += 1
            }
        }
        XCTAssertGreaterThan(totals.count, 20, label)
        for (number, pages) in linesOnPage where pages.count > 1 {
            for (p, count) in pages {
                XCTAssertGreaterThanOrEqual(count, 2, "\(label): paragraph \(number) leaves \(count) line alone on page \(p)")
            }
        }
    }

    private func normalize(_ s: String) -> String {
        // Join words hyphenated at line ends, then drop all white space (pdftotext breaks lines freely).
        let joined = s.replacingOccurrences(of: "-\n", with: "").replacingOccurrences(of: "\u{00A0}", with: " ")
        return String(joined.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
    }

    private func textPieces(_ block: Block) -> [String] {
        switch block {
        case .heading(_, _, let c), .paragraph(let c): return [Inline.plainText(c)]
        case .list(_, _, let items): return items.flatMap { $0.flatMap(textPieces) }
        case .callout(let blocks): return blocks.flatMap(textPieces)
        case .checklist(let items): return items.map(Inline.plainText)
        case .keepTogether(let blocks), .beside(let blocks): return blocks.flatMap(textPieces)
        case .choice(let prompt, let options): return [Inline.plainText(prompt)] + options.map(Inline.plainText)
        default: return []
        }
    }
}

/// Translated PDFs: the text comes back in logical order, right-to-left included.
final class TranslatedPDFTests: XCTestCase {
    private func extracted(_ kind: DocumentKind, _ language: String) throws -> (String, Document) {
        let plan = try OsteoDoc.plan(from: try examplePlanData())
        let url = try temporaryFolder().appendingPathComponent("\(language).pdf")
        try Data(try engine.render(kind, plan: plan, language: language, format: .pdf)).write(to: url)
        let doc = try engine.document(kind, plan: plan, language: language)
        let raw = withoutPageFurniture(try tool("pdftotext", ["-enc", "UTF-8", url.path, "-"]).output, doc)
        // poppler marks right-to-left lines with embedding controls; they carry no text.
        let text = String(raw.unicodeScalars.filter { !(0x200E...0x200F).contains($0.value) && !(0x202A...0x202E).contains($0.value)
            && !(0x2066...0x2069).contains($0.value) })
        return (text, doc)
    }

    /// Letters and digits only: poppler moves spaces around punctuation and numbers in
    /// right-to-left lines, but the characters themselves must come in logical order.
    private func words(_ s: String) -> [String] {
        [String(s.filter { $0.isLetter || $0.isNumber })]
    }

    /// Every heading and paragraph, word by word and in order, is found in the extracted text.
    private func assertParagraphsInOrder(_ kind: DocumentKind, _ language: String) throws {
        let (text, doc) = try extracted(kind, language)
        let haystack = words(text).joined(separator: " ")
        var checked = 0
        for block in doc.blocks {
            guard case .paragraph(let content) = block else { continue }
            let plain = String(Inline.plainText(content).unicodeScalars.filter { !(0x2066...0x2069).contains($0.value) })
            let needle = words(plain).joined(separator: " ")
            // Hyphenated line ends split words; and poppler regroups Latin words and units inside
            // right-to-left lines by position ("3.5 mm (" comes out "( mm 3.5"), so such paragraphs
            // are checked by the Latin-free ones around them.
            let latinInRTL = doc.metadata.direction == .rightToLeft && plain.unicodeScalars.contains { $0.properties.isAlphabetic && $0.value < 0x0250 }
            guard needle.count > 20, !plain.contains("-"), !latinInRTL else { continue }
            XCTAssertTrue(haystack.contains(needle), "\(language): not in logical order in the PDF text: \(plain)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 5, language)
    }

    func testArabicExtractsInLogicalOrder() throws {
        try assertParagraphsInOrder(.consent, "ar")
        let (text, _) = try extracted(.discharge, "ar")
        XCTAssertTrue(text.contains("+39 010 555 0134"), "phone number keeps its order inside Arabic text")
    }

    func testUkrainianExtracts() throws {
        try assertParagraphsInOrder(.consent, "uk")
    }
}

/// Extracted text without the running header and footer lines (identity, document note,
/// scan code, page label), which interrupt paragraphs that cross pages.
func withoutPageFurniture(_ text: String, _ doc: Document) -> String {
    func letters<S: StringProtocol>(_ s: S) -> String { String(s.filter { $0.isLetter }) }
    let label = letters(doc.metadata.pageLabel.replacingOccurrences(of: "{pages}", with: "").replacingOccurrences(of: "{page}", with: ""))
    return text.split(separator: "\n").filter { line in
        !line.contains(doc.metadata.documentId) && !line.contains("0004471123")
            && !(!letters(line).isEmpty && letters(line) == label)
            && !(!line.isEmpty && doc.metadata.footerNote.contains(line))
    }.joined(separator: "\n")
}
