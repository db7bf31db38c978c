import DocumentModel
import Templating
import XCTest
@testable import OsteoDoc

final class DocumentTests: XCTestCase {
    func testExampleConsentMarkdownGolden() throws {
        let plan = try OsteoDoc.plan(from: try examplePlanData())
        try assertGolden(try engine.markdown(.consent, plan: plan, language: "it"), "consent-it.md")
    }

    func testExampleDischargeMarkdownGolden() throws {
        let plan = try OsteoDoc.plan(from: try examplePlanData())
        try assertGolden(try engine.markdown(.discharge, plan: plan, language: "it"), "discharge-it.md")
    }

    func testExampleConsentTreeGolden() throws {
        let plan = try OsteoDoc.plan(from: try examplePlanData())
        try assertGolden(try engine.document(.consent, plan: plan, language: "it").dump(), "consent-it.tree")
    }

    func testDischargeWithoutOutcomeIsRefused() throws {
        var json = try examplePlanJSON()
        json["outcome"] = NSNull()
        let plan = try OsteoDoc.plan(from: try data(json))
        XCTAssertThrowsError(try engine.render(.discharge, plan: plan, language: "it", format: .html)) { error in
            XCTAssertTrue(String(describing: error).contains("outcome"), String(describing: error))
        }
    }

    /// Values from the plan reach the page literally: never as Markdown, HTML or template syntax.
    func testInjectedMarkupAppearsLiterally() throws {
        var json = try examplePlanJSON()
        var facility = json["facility"] as! [String: Any]
        facility["name"] = "Ospedale <script>x</script> *Santa* {{y}}"
        json["facility"] = facility
        var targets = json["targets"] as! [[String: Any]]
        targets[0]["approach"] = "**bold** _x_ [link](http://e.x) | cell # h `c` <b>"
        json["targets"] = targets
        let plan = try OsteoDoc.plan(from: try data(json))
        let html = String(decoding: try engine.render(.consent, plan: plan, language: "it", format: .html), as: UTF8.self)
        XCTAssertTrue(html.contains("Ospedale &lt;script&gt;x&lt;/script&gt; *Santa* {{y}}"), "facility name printed literally")
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("**bold** _x_ [link](http://e.x) | cell # h `c` &lt;b&gt;"), "approach printed literally")
        XCTAssertFalse(html.contains("<strong>bold</strong>"))
        XCTAssertFalse(html.contains("<a "))
    }

    func testSameInputGivesIdenticalBytes() throws {
        let plan = try OsteoDoc.plan(from: try examplePlanData())
        let a = try engine.render(.consent, plan: plan, language: "it", format: .html)
        let b = try engine.render(.consent, plan: plan, language: "it", format: .html)
        XCTAssertEqual(a, b)
    }

    func testDocumentIdIsDeterministicAndDistinct() throws {
        let plan = try OsteoDoc.plan(from: try examplePlanData())
        let c = engine.documentId(.consent, plan: plan, language: "it")
        XCTAssertEqual(c, engine.documentId(.consent, plan: plan, language: "it"))
        XCTAssertNotEqual(c, engine.documentId(.discharge, plan: plan, language: "it"))
        XCTAssertNotEqual(c, engine.documentId(.consent, plan: plan, language: "de"))
        XCTAssertTrue(c.hasPrefix("CI-PLN-2026-004217-it-"))
    }

    func testUnknownLanguageIsRefusedNamingTheAvailableOnes() throws {
        let plan = try OsteoDoc.plan(from: try examplePlanData())
        XCTAssertThrowsError(try engine.resolveLanguage("pt-BR", plan: plan)) { error in
            XCTAssertTrue(String(describing: error).contains("available: "), String(describing: error))
            XCTAssertTrue(String(describing: error).contains("it"))
        }
        XCTAssertEqual(try engine.resolveLanguage("it-CH", plan: plan), "it")
        XCTAssertEqual(try engine.resolveLanguage(nil, plan: plan), "it")
    }

    /// The consent carries every element of the checklist that the plan supports (sections A–E).
    func testConsentHasTheChecklistElements() throws {
        let plan = try OsteoDoc.plan(from: try examplePlanData())
        let text = try engine.document(.consent, plan: plan, language: "it").dump()
        for needle in ["Ospedale San Martino", "Radiologia Interventistica", "Largo Rosanna Benzi 10", "Codice del documento",
                       "Versione dei contenuti", "Rossi Maria", "12 marzo 1951", "Luogo di nascita", "0004471123",
                       "Nazionalità", "Lingua parlata", "Lingua di questo documento", "Luca Bianchi",
                       "Radiologo interventista", "giovedì 3 dicembre 2026, ore 9:30", "circa 75 minuti",
                       "2 aghi da 11\u{A0}G", "1 ago da 13\u{A0}G", "8,0\u{A0}mL", "3,5\u{A0}mL", "posterolaterale", "warfarin",
                       "sabato 28 novembre 2026", "CONSENTO", "NON CONSENTO", "Firma", "Testimone",
                       "Etichetta con codice a barre", "Note del medico", "Se cambia idea", "copia"] {
            XCTAssertTrue(text.localizedCaseInsensitiveContains(needle), "consent lacks \(needle)")
        }
        XCTAssertFalse(text.contains("Interprete o mediatore culturale"), "no interpreter block when not required")
        XCTAssertFalse(text.contains("Gravidanza"), "no pregnancy declaration for a 75-year-old")
    }
}

/// The example plan renders in every shipped language, alone and side by side with Italian.
final class LanguageRenderingTests: XCTestCase {
    func testEveryLanguageRendersBothDocumentsInBothFormats() throws {
        let plan = try OsteoDoc.plan(from: try examplePlanData())
        for language in engine.content.localeTags {
            for kind in DocumentKind.allCases {
                let html = String(decoding: try engine.render(kind, plan: plan, language: language, format: .html), as: UTF8.self)
                XCTAssertTrue(html.contains("<html lang=\"\(language)\""), language)
                let pdf = try engine.render(kind, plan: plan, language: language, format: .pdf)
                XCTAssertTrue(pdf.starts(with: Array("%PDF-1.7".utf8)), language)
            }
        }
    }

    func testBilingualDocuments() throws {
        let plan = try OsteoDoc.plan(from: try examplePlanData())
        for (a, b) in [("ar", "it"), ("de", "it")] {
            let html = String(decoding: try engine.renderBilingual(.consent, plan: plan, language: a, second: b, format: .html), as: UTF8.self)
            XCTAssertTrue(html.contains("<div class=\"column\" lang=\"\(a)\" dir=\"\(a == "ar" ? "rtl" : "ltr")\">"), a)
            XCTAssertTrue(html.contains("<div class=\"column\" lang=\"\(b)\" dir=\"ltr\">"), b)
            let url = try temporaryFolder().appendingPathComponent("\(a)-\(b).pdf")
            try Data(try engine.renderBilingual(.consent, plan: plan, language: a, second: b, format: .pdf)).write(to: url)
            XCTAssertEqual(try tool("qpdf", ["--check", url.path]).status, 0)
            let text = try tool("pdftotext", ["-enc", "UTF-8", url.path, "-"]).output
            XCTAssertTrue(text.contains("Consenso informato"), "\(a)+\(b): Italian column present")
            XCTAssertTrue(text.contains(a == "de" ? "Einwilligung" : "الموافقة"), "\(a)+\(b): \(a) column present")
            // Beside the Italian text the translation carries no "translated from the Italian" note.
            let single = try engine.document(.consent, plan: plan, language: a)
            let note = Inline.plainText(single.blocks.compactMap { block -> [Inline]? in
                if case .paragraph(let c) = block, case .emphasis = c.first { return c } else { return nil }
            }.first ?? [])
            XCTAssertFalse(note.isEmpty, "\(a): the single-language translation names its master")
            XCTAssertFalse(html.contains(note), "\(a)+\(b): no master note beside the Italian")
        }
    }
}

/// A change of wording changes the version of exactly the documents it reaches.
final class ContentVersionTests: XCTestCase {
    func testVersionFollowsTheContentOfEachLanguage() throws {
        let dir = try temporaryFolder()
        for folder in ["templates", "locales"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(folder), to: dir.appendingPathComponent(folder))
        }
        let before = try OsteoDoc(resources: dir)
        for tag in before.content.localeTags { _ = before.contentVersion(tag) }  // languages are read on first use
        XCTAssertEqual(before.contentVersion("it"), engine.contentVersion("it"))
        XCTAssertTrue(before.contentVersion("it").hasPrefix("1.0-"))

        let wound = dir.appendingPathComponent("locales/de/discharge/wound.md")
        try (try String(contentsOf: wound, encoding: .utf8) + "\nNoch ein Satz.\n").write(to: wound, atomically: true, encoding: .utf8)
        let after = try OsteoDoc(resources: dir)
        XCTAssertEqual(after.contentVersion("it"), before.contentVersion("it"), "Italian documents unchanged")
        XCTAssertEqual(after.contentVersion("fr"), before.contentVersion("fr"), "other translations unchanged")
        XCTAssertNotEqual(after.contentVersion("de"), before.contentVersion("de"))

        let template = dir.appendingPathComponent("templates/discharge.mustache")
        try (try String(contentsOf: template, encoding: .utf8) + "\n").write(to: template, atomically: true, encoding: .utf8)
        let changedTemplate = try OsteoDoc(resources: dir)
        XCTAssertNotEqual(changedTemplate.contentVersion("it"), after.contentVersion("it"), "templates reach every language")
        XCTAssertNotEqual(changedTemplate.contentVersion("fr"), after.contentVersion("fr"))
    }
}
