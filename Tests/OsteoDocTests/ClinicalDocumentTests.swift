import Content
import Foundation
import Settings
import Templating
import XCTest
@testable import OsteoDoc

/// Issue 8's clinical points, end to end: the rendered documents in every language.
final class ClinicalDocumentTests: XCTestCase {
    static let languages = ["it", "de", "en", "fr", "ro", "uk", "ar"]

    private func html(_ kind: DocumentKind, _ json: [String: Any], _ lang: String, engine e: OsteoDoc = engine) throws -> String {
        String(decoding: try e.render(kind, plan: try OsteoDoc.plan(from: try data(json)), language: lang, format: .html), as: UTF8.self)
    }

    /// A catalog sentence of `lang` up to its first placeholder (what the document must contain).
    private func fragment(_ key: String, _ lang: String) -> String {
        let s = engine.content.locale(lang)!.string(key)!
        return String(s.prefix { $0 != "{" }).trimmingCharacters(in: .whitespaces)
    }

    private func sentence(_ key: String, _ lang: String) -> String { engine.content.locale(lang)!.string(key)! }

    private func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    /// The example plan without its pelvic target: only the humerus was treated.
    private func upperLimbPlan() throws -> [String: Any] {
        var json = try examplePlanJSON()
        json["targets"] = Array((json["targets"] as! [[String: Any]]).dropFirst())
        var outcome = json["outcome"] as! [String: Any]
        outcome["targets"] = Array((outcome["targets"] as! [[String: Any]]).dropFirst())
        json["outcome"] = outcome
        return json
    }

    // MARK: 1. Driving

    func testDrivingDateIsStatedTheSameWayInTimelineBoxAndProse() throws {
        for lang in Self.languages {
            let page = try html(.discharge, try upperLimbPlan(), lang)
            let statement = fragment("driving.not-before", lang)
            XCTAssertEqual(count(statement, in: page), 2, "\(lang): the box and the prose state the date")
            XCTAssertEqual(count(sentence("timeline.driving", lang), in: page), 1, "\(lang): one timeline row at that instant")
            for other in ["driving.physician", "driving.local", "driving.hours"] {
                XCTAssertFalse(page.contains(sentence(other, lang)), "\(lang): \(other) contradicts the date")
            }
        }
        let it = try html(.discharge, try upperLimbPlan(), "it")
        XCTAssertEqual(count("non prima di venerdì 4 dicembre 2026, ore 10:51", in: it), 2)
        XCTAssertTrue(it.contains("venerdì 4 dicembre 2026, ore 10:51"))
        XCTAssertFalse(it.contains("Chieda al medico quando"), "no “ask the doctor” beside a date")
        XCTAssertFalse(it.contains("fino a domani"), "24 hours, not “until tomorrow”")
    }

    func testPelvisOrLegMeansNoDrivingDateInAnyLanguage() throws {
        for lang in Self.languages {
            let page = try html(.discharge, try examplePlanJSON(), lang)   // acetabulum treated
            XCTAssertEqual(count(sentence("driving.physician", lang), in: page), 2, "\(lang): box and prose")
            XCTAssertFalse(page.contains(fragment("driving.not-before", lang)), lang)
            XCTAssertFalse(page.contains(sentence("timeline.driving", lang)), "\(lang): no driving date in the timeline")
        }
    }

    func testLocalAnaesthesiaAloneInTheDocuments() throws {
        var json = try upperLimbPlan()
        var procedure = json["procedure"] as! [String: Any]
        procedure["anaesthesia"] = "local"
        json["procedure"] = procedure
        for lang in Self.languages {
            let discharge = try html(.discharge, json, lang)
            XCTAssertEqual(count(sentence("driving.local", lang), in: discharge), 2, lang)
            XCTAssertFalse(discharge.contains(sentence("timeline.driving", lang)), lang)
            XCTAssertFalse(discharge.contains(sentence("discharge.driving.text", lang)), "\(lang): the 24-hour rules are for sedation")
            XCTAssertTrue(try html(.consent, json, lang).contains(sentence("driving.local", lang)), lang)
        }
    }

    // MARK: 2. Anticoagulants

    func testADrugThatIsNotStoppedIsNeverToldToStop() throws {
        var json = try examplePlanJSON()
        var prep = json["preparation"] as! [String: Any]
        prep["anticoagulants"] = [["drug": "aspirin", "stopDaysBefore": 0, "resume": "same-day"]]
        json["preparation"] = prep
        for lang in Self.languages {
            let consent = try html(.consent, json, lang)
            XCTAssertFalse(consent.contains(fragment("anticoagulant.advice.stop", lang)), "\(lang): no blanket “stop”")
            XCTAssertTrue(consent.contains(fragment("anticoagulant.advice.keep", lang)), lang)
            XCTAssertTrue(consent.contains(sentence("anticoagulant.stop.none", lang)), lang)
            let discharge = try html(.discharge, json, lang)
            XCTAssertTrue(discharge.contains(sentence("anticoagulant.resume.not-stopped", lang)), lang)
        }
        let it = try html(.consent, try examplePlanJSON(), "it")   // warfarin, stop 5 days before
        XCTAssertTrue(it.contains("Prima della cura deve sospendere warfarin."))
        XCTAssertTrue(it.contains("alla dose che Le ha prescritto il medico"))
    }

    // MARK: 3. Follow-ups

    func testFollowUpsAreIntervalsNotAppointments() throws {
        let it = try html(.discharge, try examplePlanJSON(), "it")
        XCTAssertFalse(it.contains("appuntament") && !it.contains("non appuntamenti già fissati"))
        XCTAssertFalse(it.contains("sabato 2 gennaio 2027"), "no weekday for the visit after 30 days")
        XCTAssertEqual(count("tra circa 30 giorni (settimana del 28 dicembre 2026)", in: it), 2, "timeline and table")
        XCTAssertTrue(it.contains("Ambulatorio di Oncologia La contatterà per fissare il giorno e l’ora."))
        for lang in Self.languages {
            let page = try html(.discharge, try examplePlanJSON(), lang)
            let template = sentence("follow-up.when", lang)
            let middle = String(template[template.range(of: "{days}")!.upperBound..<template.range(of: "{week}")!.lowerBound])
            XCTAssertEqual(count(middle, in: page), 4, "\(lang): two follow-ups, in timeline and table")
        }
    }

    // MARK: 4. Contacts

    func testOutOfHoursFromTheConfigurationOrTheEmergencyNumber() throws {
        let configured = try OsteoDoc(resources: repositoryRoot, settings: try FacilitySettings.load(
            contentsOf: repositoryRoot.appendingPathComponent("examples/osteodoc.toml")))
        for lang in Self.languages {
            let without = try html(.discharge, try examplePlanJSON(), lang)
            XCTAssertTrue(without.contains(fragment("contacts.no-out-of-hours", lang)), lang)
            XCTAssertFalse(without.contains("555 0100"), "\(lang): nothing invented")
            let with = try html(.discharge, try examplePlanJSON(), lang, engine: configured)
            XCTAssertTrue(with.contains("+39 010 555 0100"), lang)
            XCTAssertTrue(with.contains("lun–ven 8:30–16:30"), lang)
            XCTAssertTrue(with.contains(sentence("label.out-of-hours", lang)), lang)
        }
        XCTAssertTrue(try html(.discharge, try examplePlanJSON(), "it").contains("o se nessuno risponde, chiami il 112."))
    }

    // MARK: 6. Gendered forms

    func testGenderedFormsInEveryLanguage() throws {
        for (sex, suffix) in [("female", "|female"), ("male", "|male"), ("other", ""), ("unknown", "")] {
            var json = try examplePlanJSON()
            var patient = json["patient"] as! [String: Any]
            patient["sex"] = sex
            json["patient"] = patient
            let plan = try OsteoDoc.plan(from: try data(json))
            for lang in Self.languages {
                let page = try html(.consent, json, lang)
                XCTAssertTrue(page.contains(sentence("consent.signatures.patient" + suffix, lang)), "\(lang) \(sex)")
                XCTAssertTrue(page.contains(sentence("consent.declarations.information-all" + suffix, lang)), "\(lang) \(sex)")
                XCTAssertTrue(page.contains(sentence("consent.declarations.informed" + suffix, lang)), "\(lang) \(sex)")
                let header = try engine.document(.consent, plan: plan, language: lang).metadata.runningHeader.joined(separator: " ")
                XCTAssertTrue(header.contains(fragment("header.birth" + suffix, lang)), "\(lang) \(sex): \(header)")
            }
        }
        let italianWoman = try html(.consent, try examplePlanJSON(), "it")
        for both in ["nata/o", "La/il", "informata/o", "alla/al"] { XCTAssertFalse(italianWoman.contains(both), both) }
    }

    // MARK: 7. Signatures

    func testAMinorWithParentsHasRoomForBothAndOtherLanguagesAnInterpreter() throws {
        var json = try examplePlanJSON()
        var patient = json["patient"] as! [String: Any]
        patient["birthDate"] = "2012-06-01"
        patient["legalRepresentative"] = ["name": "Anna Rossi", "role": "parent"]
        json["patient"] = patient
        for lang in Self.languages {
            let page = try html(.consent, json, lang)
            XCTAssertTrue(page.contains(sentence("consent.signatures.parent-first", lang)), lang)
            XCTAssertTrue(page.contains(sentence("consent.signatures.parent-second", lang)), lang)
            XCTAssertTrue(page.contains(sentence("consent.signatures.parents-intro", lang)), lang)
            let interpreter = try html(.consent, try examplePlanJSON(), lang).contains(sentence("consent.signatures.interpreter", lang))
            XCTAssertEqual(interpreter, lang != "it", "\(lang): interpreter block whenever the language is not Italian")
        }
        patient["birthDate"] = "1951-03-12"
        patient["legalRepresentative"] = NSNull()
        patient["interpreterRequired"] = true
        json["patient"] = patient
        XCTAssertTrue(try html(.consent, json, "it").contains(sentence("consent.signatures.interpreter", "it")))
    }

    // MARK: 8. Approval

    func testUnapprovedContentSaysSoOnTheFirstPage() throws {
        let plan = try OsteoDoc.plan(from: try examplePlanData())
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (kind, lang) in [(DocumentKind.consent, "it"), (.discharge, "de"), (.consent, "ar")] {
            let pdf = folder.appendingPathComponent("\(kind.rawValue)-\(lang).pdf")
            try Data(try engine.render(kind, plan: plan, language: lang, format: .pdf)).write(to: pdf)
            let first = try tool("pdftotext", ["-f", "1", "-l", "1", pdf.path, "-"]).output
            let notice = sentence("notice.not-approved", lang)
            let draft = String(notice.prefix { $0 != "." })   // "BOZZA", "ENTWURF", "مسودة"
            XCTAssertTrue(first.contains(draft), "\(kind) \(lang): \(first.prefix(400))")
            XCTAssertTrue(try html(kind, try examplePlanJSON(), lang).contains(sentence("approval.none", lang)))
        }
    }

    func testAnApprovedContentVersionPrintsItsApprovalInstead() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for item in ["templates", "locales"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        try #"{"clinical": {"name": "Dr.ssa Anna Verdi", "role": "Radiologia"}, "legal": {"name": "Avv. Carlo Neri", "role": "Ufficio legale"}, "approvedOn": "2026-11-30", "nextReview": "2027-11-30"}"#
            .write(to: folder.appendingPathComponent("locales/it/approval.json"), atomically: true, encoding: .utf8)
        let approved = try OsteoDoc(resources: folder)
        let it = try html(.consent, try examplePlanJSON(), "it", engine: approved)
        XCTAssertTrue(it.contains("Testo italiano approvato da Dr.ssa Anna Verdi, Radiologia (parte clinica) e da Avv. Carlo Neri, Ufficio legale (parte legale) il 30 novembre 2026."))
        XCTAssertFalse(it.contains(sentence("notice.not-approved", "it")))
        let de = try html(.discharge, try examplePlanJSON(), "de", engine: approved)
        XCTAssertTrue(de.contains("Übersetzung vom 1. Dezember 2026."))
        XCTAssertFalse(de.contains(sentence("notice.not-approved", "de")))
    }

    // MARK: 9. Quotation marks: content only, never values

    /// The templates' own punctuation follows the language too: French puts a no-break space before a colon.
    func testTemplatePunctuationInFrench() throws {
        let fr = try html(.consent, try examplePlanJSON(), "fr")
        XCTAssertFalse(fr.contains("</strong>:"), "a bare colon after a bold name")
        XCTAssertTrue(fr.contains("</strong>\u{A0}:"))
        XCTAssertTrue(try html(.consent, try examplePlanJSON(), "it").contains("</strong>:"))
    }

    func testPlanValuesKeepTheirOwnQuotesAndApostrophes() throws {
        var json = try examplePlanJSON()
        var facility = json["facility"] as! [String: Any]
        facility["department"] = "Radiologia \"Sant'Anna\": piano 2?"
        json["facility"] = facility
        for lang in ["it", "fr", "de"] {
            let page = try html(.discharge, json, lang)
            XCTAssertTrue(page.contains("Radiologia &quot;Sant&#39;Anna&quot;: piano 2?"), "\(lang): the value is printed as given")
            XCTAssertFalse(page.contains("Sant’Anna"), lang)
            XCTAssertFalse(page.contains("«Sant") || page.contains("„Sant"), lang)
        }
    }

    // MARK: 4. --config on the command line

    func testRenderReadsTheConfigurationFileGivenWithConfig() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("d.html")
        let ok = try runCLI(["render", "discharge", "--plan", "examples/plan.json", "--config", "examples/osteodoc.toml", "--out", out.path])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(try String(contentsOf: out, encoding: .utf8).contains("+39 010 555 0100"))

        let bad = folder.appendingPathComponent("bad.toml")
        try "[facility]\nout-of-hours = \"1\"\n".write(to: bad, atomically: true, encoding: .utf8)
        let out2 = folder.appendingPathComponent("e.html")
        let failed = try runCLI(["render", "discharge", "--plan", "examples/plan.json", "--config", bad.path, "--out", out2.path])
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains("--config: bad.toml: facility.out-of-hours: unknown key"), failed.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out2.path), "no output on error")
    }
}
