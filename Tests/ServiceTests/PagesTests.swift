import Content
import Foundation
import OsteoDoc
import Registry
import Service
import XCTest

/// The staff pages (issue 11) over a live server: login by form, roles, the front desk's lists and
/// search, the patient page's print/download/scan, the ward, escaping of plan values, CSRF, the
/// interface catalogs. The browser itself (Selenium, axe-core, CUPS) is scripts/browser_check.py.
final class PagesTests: XCTestCase {
    /// The test clock's day in Rome: 2026-11-30 (1_796_000_000 s is 00:53 UTC).
    static let today = "2026-11-30"

    static func plan(day: String = today, family: String = "Rossi", mrn: String = "0004471123", planId: String = "PLN-2026-004217",
                     language: String = "it", outcome: Bool = true) throws -> Data {
        try examplePlan { json in
            json["planId"] = planId
            var patient = json["patient"] as? [String: Any] ?? [:]
            patient["familyName"] = family
            patient["mrn"] = mrn
            patient["language"] = language
            json["patient"] = patient
            var procedure = json["procedure"] as? [String: Any] ?? [:]
            procedure["scheduledStart"] = "\(day)T10:00:00+01:00"
            json["procedure"] = procedure
            if !outcome { json.removeValue(forKey: "outcome") }
        }
    }

    /// Logs in through the login page as `role`: the page's own token, then the form.
    static func pageLogin(_ c: Client, _ role: Role) async throws -> Client.Login {
        let form = try await c.page("/login")
        let token = try XCTUnwrap(form.cookie("osteodoc_login"))
        XCTAssertEqual(form.field("csrf"), token)
        let r = try await c.submit("/login", [("name", "user-\(role.rawValue)"), ("password", "password-\(role.rawValue)"),
                                              ("csrf", token), ("next", "")], cookies: ["osteodoc_login=\(token)"])
        XCTAssertEqual(r.status, .seeOther, r.text)
        let session = try XCTUnwrap(r.cookie("osteodoc_session"))
        let me = try await c.request(.get, "/api/v1/session", login: .init(cookie: session, csrf: ""))
        return .init(cookie: session, csrf: me.json["csrfToken"] as? String ?? "")
    }

    func testTheLoginFormNeedsItsOwnTokenAndLandsOnTheRolesPage() async throws {
        let s = try await TestService()
        try await s.test { c in
            let form = try await c.page("/login")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.text.contains("<label for=\"name\">Nome utente</label>"), form.text)
            let token = try XCTUnwrap(form.cookie("osteodoc_login"))
            let fields = [("name", "user-ward"), ("password", "password-ward"), ("csrf", token), ("next", "")]
            let noCookie = try await c.submit("/login", fields)
            XCTAssertEqual(noCookie.status, .forbidden, "a form from another site has no login cookie")
            XCTAssertNil(noCookie.cookie("osteodoc_session"))
            let wrong = try await c.submit("/login", [("name", "user-ward"), ("password", "nope"), ("csrf", token), ("next", "")],
                                           cookies: ["osteodoc_login=\(token)"])
            XCTAssertEqual(wrong.status, .unauthorized)
            XCTAssertTrue(wrong.text.contains("Nome utente o password errati."))
            XCTAssertTrue(wrong.text.contains("role=\"alert\""))
            for (role, home) in [(Role.frontDesk, "/desk"), (.ward, "/ward"), (.translator, "/translations"), (.administrator, "/admin")] {
                let f = try await c.page("/login")
                let t = try XCTUnwrap(f.cookie("osteodoc_login"))
                let ok = try await c.submit("/login", [("name", "user-\(role.rawValue)"), ("password", "password-\(role.rawValue)"),
                                                       ("csrf", t), ("next", "")], cookies: ["osteodoc_login=\(t)"])
                XCTAssertEqual(ok.status, .seeOther)
                XCTAssertEqual(ok.location, home)
                XCTAssertNotNil(ok.cookie("osteodoc_session"))
            }
            // `next` stays on this site.
            for next in ["//evil.example/x", "https://evil.example/", "/\\evil.example"] {
                let f = try await c.page("/login")
                let t = try XCTUnwrap(f.cookie("osteodoc_login"))
                let r = try await c.submit("/login", [("name", "user-front-desk"), ("password", "password-front-desk"), ("csrf", t), ("next", next)],
                                           cookies: ["osteodoc_login=\(t)"])
                XCTAssertEqual(r.location, "/desk", next)
            }
        }
    }

    func testPagesNeedASessionTheRightRoleAndTheFormsToken() async throws {
        let s = try await TestService()
        try await s.test { c in
            _ = try await c.postPlan(try Self.plan())
            let anonymous = try await c.page("/desk")
            XCTAssertEqual(anonymous.status, .seeOther)
            XCTAssertEqual(anonymous.location, "/login?next=/desk")
            let translator = try await Self.pageLogin(c, .translator)
            let forbidden = try await c.page("/patients/PLN-2026-004217", login: translator)
            XCTAssertEqual(forbidden.status, .forbidden)
            XCTAssertFalse(forbidden.text.contains("Rossi"), "no patient data for translators")
            let desk = try await Self.pageLogin(c, .frontDesk)
            let admin = try await c.page("/admin", login: desk)
            XCTAssertEqual(admin.status, .forbidden)
            let issue = [("kind", "consent"), ("lang", "it"), ("second", ""), ("printer", ""), ("action", "download")]
            let noToken = try await c.submit("/patients/PLN-2026-004217/documents", issue, login: desk, csrf: false)
            XCTAssertEqual(noToken.status, .forbidden)
            let wrongToken = try await c.submit("/patients/PLN-2026-004217/documents", issue + [("csrf", "0000")], login: desk, csrf: false)
            XCTAssertEqual(wrongToken.status, .forbidden)
            let documents = try await s.registry.documents(planId: "PLN-2026-004217")
            XCTAssertEqual(documents.count, 0, "nothing issued without the token")
            let page = try await c.page("/desk", login: desk)
            XCTAssertEqual(page.headers[.cacheControl], "no-store")
            XCTAssertTrue(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") ?? false)
        }
    }

    func testTheDeskListsTodayAndTomorrowAndFindsByNameRecordAndDate() async throws {
        let s = try await TestService()
        try await s.test { c in
            _ = try await c.postPlan(try Self.plan(family: "D'Àngelo-Quaglierini"))
            _ = try await c.postPlan(try Self.plan(day: "2026-12-01", family: "Müller", mrn: "MRN-77", planId: "PLN-B", language: "de", outcome: false))
            _ = try await c.postPlan(try Self.plan(day: "2026-12-09", family: "Bianchi", mrn: "MRN-88", planId: "PLN-C"))
            let desk = try await Self.pageLogin(c, .frontDesk)
            let page = try await c.page("/desk", login: desk)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("Oggi, lunedì 30 novembre 2026"), page.text)
            XCTAssertTrue(page.text.contains("Domani, martedì 1 dicembre 2026"))
            XCTAssertTrue(page.text.contains("D&#39;Àngelo-Quaglierini"), "plan values are HTML-escaped")
            XCTAssertFalse(page.text.contains("D'Àngelo"))
            XCTAssertTrue(page.text.contains("Müller"))
            XCTAssertFalse(page.text.contains("Bianchi"), "neither today nor tomorrow")
            XCTAssertTrue(page.text.contains("Tedesco"), "the patient's language by name")
            for (query, found) in [("mul", "Müller"), ("MÜLLER", "Müller"), ("d'àn", "Quaglierini"), ("MRN-88", "Bianchi"),
                                   ("09/12/2026", "Bianchi"), ("2026-12-09", "Bianchi")] {
                let r = try await c.submit("/desk", [("q", query)], login: desk)
                XCTAssertEqual(r.status, .ok)
                XCTAssertTrue(r.text.contains(found), "\(query) finds \(found)")
            }
            let none = try await c.submit("/desk", [("q", "zz%")], login: desk)
            XCTAssertTrue(none.text.contains("Nessun paziente trovato."))
            // The search travels in the form's body, never in a URL (history, proxy logs).
            XCTAssertTrue(page.text.contains("<form method=\"post\" action=\"/desk\""), "the search form posts")
            XCTAssertFalse(page.text.contains("method=\"get\""))
            let byURL = try await c.page("/desk?q=Bianchi", login: desk)
            XCTAssertEqual(byURL.status, .ok)
            XCTAssertFalse(byURL.text.contains("Bianchi"), "a query string is not a search: the day lists")
            let forged = try await c.submit("/desk", [("q", "Bianchi")], login: desk, csrf: false)
            XCTAssertEqual(forged.status, .forbidden, "a search without the session's token")
            XCTAssertFalse(forged.text.contains("Bianchi"))
            XCTAssertFalse(s.logs.lines.joined().contains("Quaglierini"), "no patient name in the logs")
            XCTAssertFalse(s.logs.lines.joined().contains("Müller"), "no search text in the logs")
            let german = try await c.page("/desk", login: desk, language: "de-AT,de;q=0.9")
            XCTAssertTrue(german.text.contains("<html lang=\"de\">"))
            XCTAssertTrue(german.text.contains("Heute, Montag, 30. November 2026"), german.text)
            XCTAssertTrue(german.text.contains("Deutsch"))
        }
    }

    func testThePatientPagePrintsDownloadsAndReprintsTheSameDocument() async throws {
        let spooler = RecordingSpooler()
        let s = try await TestService(spooler: spooler) { $0.printerConsent = "desk-printer" }
        try await s.test { c in
            _ = try await c.postPlan(try Self.plan(language: "de"))
            let desk = try await Self.pageLogin(c, .frontDesk)
            let page = try await c.page("/patients/PLN-2026-004217", login: desk)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("<option value=\"de\" selected>Tedesco</option>"), "preset to the patient's language")
            XCTAssertTrue(page.text.contains("<option value=\"desk-printer\" selected>"))
            XCTAssertTrue(page.text.contains("Il foglio di dimissione è emesso dal reparto."), "the front desk does not issue discharge sheets")
            let preview = try await c.submit("/patients/PLN-2026-004217/preview", [("kind", "consent"), ("lang", "de"), ("second", "it"), ("action", "preview")], login: desk)
            XCTAssertEqual(preview.status, .ok)
            XCTAssertTrue(preview.body.starts(with: Data("%PDF-".utf8)))
            let unposted = try await c.submit("/patients/PLN-2026-004217/preview", [("kind", "consent"), ("lang", "de"), ("action", "preview")], login: desk, csrf: false)
            XCTAssertEqual(unposted.status, .forbidden, "the preview form carries the token too")
            XCTAssertFalse(page.text.contains("formmethod=\"get\""), "no form token in a URL")
            let none = try await s.registry.documents(planId: "PLN-2026-004217")
            XCTAssertEqual(none.count, 0, "a preview issues nothing")

            let fields = [("kind", "consent"), ("lang", "de"), ("second", "it"), ("printer", "desk-printer")]
            let printed = try await c.submit("/patients/PLN-2026-004217/documents", fields + [("action", "print")], login: desk)
            XCTAssertEqual(printed.status, .seeOther)
            let documents = try await s.registry.documents(planId: "PLN-2026-004217")
            XCTAssertEqual(documents.count, 1)
            let id = try XCTUnwrap(documents.first?.id)
            XCTAssertEqual(documents.first?.key.languages, ["de", "it"])
            XCTAssertEqual(printed.location, "/patients/PLN-2026-004217?notice=printed&doc=\(id)", "the page opens at its top, where the notice is")
            XCTAssertEqual(spooler.jobs.map(\.printer), ["desk-printer"])
            XCTAssertEqual(spooler.jobs.first?.title, id)
            let stored = try await s.registry.documentBytes(id: id)
            XCTAssertEqual(spooler.jobs.first?.bytes, stored, "the archived bytes are what is printed")
            let after = try await c.page(try XCTUnwrap(printed.location), login: desk)
            XCTAssertTrue(after.text.contains("Consenso informato · Tedesco + Italiano: inviato alla stampante desk-printer, lavoro desk-printer-1."), after.text)
            XCTAssertTrue(after.text.contains("— stampato (stampante desk-printer, lavoro desk-printer-1) — user-front-desk"))

            let again = try await c.submit("/patients/PLN-2026-004217/documents", fields + [("action", "print")], login: desk)
            XCTAssertEqual(again.status, .seeOther)
            let reprinted = try await c.page(try XCTUnwrap(again.location), login: desk)
            XCTAssertTrue(reprinted.text.contains("Consenso informato · Tedesco + Italiano: ristampa inviata alla stampante desk-printer"), "the same document, printed again")
            let download = try await c.submit("/patients/PLN-2026-004217/documents", fields + [("action", "download")], login: desk)
            XCTAssertEqual(download.location, "/api/v1/documents/\(id).pdf")
            let count = try await s.registry.documents(planId: "PLN-2026-004217").count
            XCTAssertEqual(count, 1, "print, reprint and download: one document")
            let events = try await s.registry.events(documentId: id).map(\.type)
            XCTAssertEqual(events, [.issued, .printed, .reprinted])
        }
    }

    func testAPrinterThatIsDownIsSaidOnThePageAndRecorded() async throws {
        let s = try await TestService(spooler: RecordingSpooler(state: .down("stopped"))) { $0.printerConsent = "stopped-printer" }
        try await s.test { c in
            _ = try await c.postPlan(try Self.plan())
            let desk = try await Self.pageLogin(c, .frontDesk)
            let r = try await c.submit("/patients/PLN-2026-004217/documents",
                                       [("kind", "consent"), ("lang", "it"), ("second", ""), ("printer", "stopped-printer"), ("action", "print")], login: desk)
            XCTAssertEqual(r.status, .seeOther)
            XCTAssertTrue(r.location?.contains("notice=print-failed&why=down") ?? false, r.location ?? "")
            let page = try await c.page(try XCTUnwrap(r.location), login: desk)
            XCTAssertTrue(page.text.contains("Stampa non riuscita: la stampante stopped-printer è ferma"), page.text)
            XCTAssertTrue(page.text.contains("stampa non riuscita (stampante stopped-printer)"))
        }
    }

    func testTheSignedConsentUploadedOnThePatientPageIsReadAndShown() async throws {
        let s = try await TestService(spooler: RecordingSpooler())
        let planBytes = try Self.plan()
        let form = try ScanTests.engine.form(.consent, plan: try OsteoDoc.plan(from: planBytes), language: "it")
        let folder = s.folder.appendingPathComponent("scans")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try await s.test { c in
            _ = try await c.postPlan(planBytes)
            let desk = try await Self.pageLogin(c, .frontDesk)
            let download = try await c.submit("/patients/PLN-2026-004217/documents",
                                              [("kind", "consent"), ("lang", "it"), ("second", ""), ("printer", ""), ("action", "download")], login: desk)
            let pdfPath = try XCTUnwrap(download.location)
            let id = String(pdfPath.dropFirst("/api/v1/documents/".count).dropLast(4))
            let pdf = try await c.request(.get, pdfPath, login: desk).body
            let page = try await c.page("/patients/PLN-2026-004217", login: desk)
            XCTAssertTrue(page.text.contains("action=\"/documents/\(id)/scans\" enctype=\"multipart/form-data\""))
            // Every first box of a one-answer group ticked, every required signature: complete.
            var firsts = Set<Int>()
            let complete = try ScanTests.makeScan(pdf, form: form, tick: { f in f.oneAnswer && firsts.insert(f.group).inserted },
                                                  sign: \.required, pages: Array(1...form.pages.count), folder: folder)
            let wrongToken = try await c.upload("/documents/\(id)/scans", file: complete, field: "scan", filename: "scan.pdf",
                                                type: "application/pdf", login: desk, csrf: "0000")
            XCTAssertEqual(wrongToken.status, .forbidden)
            let text = try await c.upload("/documents/\(id)/scans", file: Data("hello".utf8), field: "scan", filename: "a.txt",
                                          type: "application/pdf", login: desk)
            XCTAssertEqual(text.status, .unsupportedMediaType, "the bytes decide, not the declared type")
            // The last page missing: flagged on the page.
            let partial = try ScanTests.makeScan(pdf, form: form, tick: { _ in false }, sign: { _ in false },
                                                 pages: Array(1..<form.pages.count), folder: folder)
            let second = try await c.upload("/documents/\(id)/scans", file: partial, field: "scan", filename: "p.pdf", type: "application/pdf", login: desk)
            let flagged = try await c.page(try XCTUnwrap(second.location), login: desk)
            XCTAssertTrue(flagged.text.contains("Manca la pagina \(form.pages.count)."), flagged.text)
            XCTAssertTrue(flagged.text.contains("Da ricontrollare a mano:"))
            let notYet = try await s.registry.signedDocuments(planId: "PLN-2026-004217")
            XCTAssertEqual(notYet, [], "a flagged scan does not sign the consent")
            let toCheck = try await c.page("/desk", login: desk)
            XCTAssertTrue(toCheck.text.contains(">scansione da ricontrollare<"), toCheck.text)
            let r = try await c.upload("/documents/\(id)/scans", file: complete, field: "scan", filename: "scan.pdf", type: "application/pdf", login: desk)
            XCTAssertEqual(r.status, .seeOther, r.text)
            let shown = try await c.page(try XCTUnwrap(r.location), login: desk)
            XCTAssertTrue(shown.text.contains("Completo: tutte le pagine"), shown.text)
            XCTAssertTrue(shown.text.contains("Scansione registrata"))
            XCTAssertTrue(shown.text.contains("copia firmata ricevuta"))
            let scans = try await s.registry.scans(documentId: id)
            XCTAssertEqual(scans.count, 2)
            let desk2 = try await c.page("/desk", login: desk)
            XCTAssertTrue(desk2.text.contains(">firmato<"), "the complete scan signed it")
        }
    }

    func testTheWardPrintsTheDischargeAndRecordsTheHandOver() async throws {
        let s = try await TestService(spooler: RecordingSpooler()) { $0.printerDischarge = "ward-printer" }
        try await s.test { c in
            _ = try await c.postPlan(try Self.plan())
            _ = try await c.postPlan(try Self.plan(family: "Verdi", mrn: "MRN-2", planId: "PLN-W", outcome: false))
            let ward = try await Self.pageLogin(c, .ward)
            let list = try await c.page("/ward", login: ward)
            XCTAssertTrue(list.text.contains("pronto da stampare"))
            XCTAssertTrue(list.text.contains("in attesa dell&#39;esito della procedura"), "Verdi has no outcome yet")
            let page = try await c.page("/patients/PLN-2026-004217", login: ward)
            XCTAssertTrue(page.text.contains("action=\"/patients/PLN-2026-004217/documents\""))
            XCTAssertTrue(page.text.contains("Questo documento è emesso dall&#39;accettazione."), "the ward does not issue consents")
            let printed = try await c.submit("/patients/PLN-2026-004217/documents",
                                             [("kind", "discharge"), ("lang", "it"), ("second", ""), ("printer", "ward-printer"), ("action", "print")], login: ward)
            XCTAssertEqual(printed.status, .seeOther)
            let stateAfterPrint = try await c.page("/ward", login: ward)
            XCTAssertTrue(stateAfterPrint.text.contains("stampato, da consegnare"))
            let sheets = try await s.registry.documents(planId: "PLN-2026-004217")
            let id = try XCTUnwrap(sheets.first?.id)
            let patient = try await c.page("/patients/PLN-2026-004217", login: ward)
            XCTAssertTrue(patient.text.contains("action=\"/documents/\(id)/handed-over\""))
            let handed = try await c.submit("/documents/\(id)/handed-over", [], login: ward)
            XCTAssertEqual(handed.status, .seeOther)
            let done = try await c.page("/ward", login: ward)
            XCTAssertTrue(done.text.contains(">consegnato<"), done.text)
            let events = try await s.registry.events(documentId: id).map(\.type)
            XCTAssertEqual(events, [.issued, .printed, .handedOver])
        }
    }

    func testTranslatorsSeeStatusAndPreviewsButNoPatient() async throws {
        let s = try await TestService()
        try await s.test { c in
            _ = try await c.postPlan(try Self.plan(family: "Quaglierini"))
            let translator = try await Self.pageLogin(c, .translator)
            let page = try await c.page("/translations", login: translator)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("/translations/de/example/consent.pdf"))
            XCTAssertTrue(page.text.contains("Pagine del personale"))
            let side = try await c.page("/translations/de", login: translator)
            XCTAssertEqual(side.status, .ok)
            let example = try await c.page("/translations/de/example/consent.pdf", login: translator)
            XCTAssertTrue(example.body.starts(with: Data("%PDF-".utf8)))
            for r in [page, side] { XCTAssertFalse(r.text.contains("Quaglierini")) }
            let desk = try await c.page("/desk", login: translator)
            XCTAssertEqual(desk.status, .forbidden)
        }
    }

    func testTheAdministratorCreatesAnAccountAndSeesPrintersAndSettings() async throws {
        let s = try await TestService(spooler: RecordingSpooler(state: .missing)) { $0.printerConsent = "gone" }
        try await s.test { c in
            let admin = try await Self.pageLogin(c, .administrator)
            let page = try await c.page("/admin", login: admin)
            XCTAssertTrue(page.text.contains("non esiste sul server di stampa"))
            XCTAssertTrue(page.text.contains("Europe/Rome"))
            let created = try await c.submit("/admin/accounts", [("name", "nurse.rossi"), ("role", "ward"), ("password", "a-long-password-1")], login: admin)
            XCTAssertEqual(created.location, "/admin?notice=account-created")
            let account = try await s.registry.account(name: "nurse.rossi")
            XCTAssertEqual(account?.role, .ward)
            let short = try await c.submit("/admin/accounts", [("name", "x"), ("role", "ward"), ("password", "short")], login: admin)
            XCTAssertEqual(short.status, .badRequest)
            let twice = try await c.submit("/admin/accounts", [("name", "nurse.rossi"), ("role", "ward"), ("password", "a-long-password-1")], login: admin)
            XCTAssertEqual(twice.status, .conflict)
            XCTAssertFalse(s.logs.lines.joined().contains("a-long-password-1"))
        }
    }

    func testTheLanguageSwitchStaysOnThisSite() async throws {
        let s = try await TestService()
        try await s.test { c in
            let r = try await c.submit("/language", [("lang", "de"), ("back", "//evil.example/")])
            XCTAssertEqual(r.location, "/")
            XCTAssertEqual(r.cookie("osteodoc_lang"), "de")
            let login = try await c.page("/login", cookies: ["osteodoc_lang=de"])
            XCTAssertTrue(login.text.contains("<h1>Anmeldung</h1>"))
            let unknown = try await c.submit("/language", [("lang", "xx"), ("back", "/login")])
            XCTAssertNil(unknown.cookie("osteodoc_lang"))
        }
    }

    /// Every key a template or the service asks for is in the Italian catalog, and German has them all, current.
    func testTheInterfaceCatalogsCoverEveryKeyOfThePages() throws {
        let catalogs = try InterfaceCatalog.load(locales: repositoryRoot.appendingPathComponent("locales"))
        let italian = try XCTUnwrap(catalogs.first { $0.tag == "it" })
        var keys = Set<String>()
        let pages = repositoryRoot.appendingPathComponent("web/pages")
        for name in try FileManager.default.contentsOfDirectory(atPath: pages.path) {
            let text = try String(contentsOf: pages.appendingPathComponent(name), encoding: .utf8)
            keys.formUnion(Self.matches(#"\{\{t\.([a-z_]+)\}\}"#, text))
        }
        let swift = repositoryRoot.appendingPathComponent("Sources/Service/Pages")
        for name in try FileManager.default.contentsOfDirectory(atPath: swift.path) {
            let text = try String(contentsOf: swift.appendingPathComponent(name), encoding: .utf8)
            keys.formUnion(Self.matches(#"\btext\[?\(?"([a-z_]+)"[\],]"#, text))
        }
        XCTAssertGreaterThan(keys.count, 100)
        for key in keys.sorted() { XCTAssertNotNil(italian.catalog.entry(context: key), "\(key) is not in locales/it/interface/staff.po") }
        let german = try XCTUnwrap(catalogs.first { $0.tag == "de" })
        let status = german.status(against: italian)
        XCTAssertEqual(status.units.filter { $0.state != .complete }.map(\.id), [])
        XCTAssertEqual(german.placeholderProblems(against: italian), [])
    }

    static func matches(_ pattern: String, _ text: String) -> [String] {
        let regex = try? NSRegularExpression(pattern: pattern)
        return regex?.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        } ?? []
    }
}

extension PagesTests {
    /// A registry filled before listings existed: the server lists its plans at start.
    func testPlansReceivedBeforeListingsAreListedAtStart() async throws {
        let s = try await TestService()
        let bytes = try Self.plan(family: "Vecchio")
        _ = try await s.registry.storePlan(NewPlanRevision(planId: "PLN-2026-004217", bytes: bytes, receivedAt: s.clock.now,
                                                           account: "planning-core", hasOutcome: true))
        let before = try await s.registry.listings(.day(Self.today), limit: 10)
        XCTAssertEqual(before, [])
        try await s.service.listUnlistedPlans()
        let after = try await s.registry.listings(.day(Self.today), limit: 10)
        XCTAssertEqual(after.map(\.familyName), ["Vecchio"])
        XCTAssertEqual(after.first?.procedureTime, "10:00")
        XCTAssertEqual(after.first?.revision, 1)
    }
}

extension PagesTests {
    /// A fresh data folder has no printer: Print says so (and the document can be downloaded).
    func testPrintWithoutAConfiguredPrinterSaysWhere() async throws {
        let s = try await TestService(spooler: RecordingSpooler())
        try await s.test { c in
            _ = try await c.postPlan(try Self.plan())
            let desk = try await Self.pageLogin(c, .frontDesk)
            let r = try await c.submit("/patients/PLN-2026-004217/documents",
                                       [("kind", "consent"), ("lang", "it"), ("second", ""), ("printer", ""), ("action", "print")], login: desk)
            XCTAssertTrue(r.location?.contains("why=unconfigured") ?? false, r.location ?? "")
            let page = try await c.page(try XCTUnwrap(r.location), login: desk)
            XCTAssertTrue(page.text.contains("nessuna stampante è configurata"), page.text)
        }
    }
}

extension PagesTests {
    func testTheAdministratorResetsAPasswordAndDisablesAnAccount() async throws {
        let s = try await TestService()
        try await s.test { c in
            let admin = try await Self.pageLogin(c, .administrator)
            let ward = try await Self.pageLogin(c, .ward)
            let reset = try await c.submit("/admin/accounts/user-ward", [("action", "password"), ("password", "a-new-ward-password")], login: admin)
            XCTAssertEqual(reset.location, "/admin?notice=password-set")
            let ended = try await c.page("/ward", login: ward)
            XCTAssertEqual(ended.status, .seeOther, "the old session ended with the new password")
            let f = try await c.page("/login")
            let t = try XCTUnwrap(f.cookie("osteodoc_login"))
            let newLogin = try await c.submit("/login", [("name", "user-ward"), ("password", "a-new-ward-password"), ("csrf", t), ("next", "")],
                                              cookies: ["osteodoc_login=\(t)"])
            XCTAssertEqual(newLogin.location, "/ward")
            let disabled = try await c.submit("/admin/accounts/user-ward", [("action", "disable")], login: admin)
            XCTAssertEqual(disabled.location, "/admin?notice=account-disabled")
            let g = try await c.page("/login")
            let u = try XCTUnwrap(g.cookie("osteodoc_login"))
            let refused = try await c.submit("/login", [("name", "user-ward"), ("password", "a-new-ward-password"), ("csrf", u), ("next", "")],
                                             cookies: ["osteodoc_login=\(u)"])
            XCTAssertEqual(refused.status, .unauthorized, "a disabled account cannot log in")
            let page = try await c.page("/admin", login: admin)
            XCTAssertTrue(page.text.contains("disattivato"))
            XCTAssertTrue(page.text.contains("value=\"enable\""))
            let yourself = try await c.submit("/admin/accounts/user-administrator", [("action", "disable")], login: admin)
            XCTAssertEqual(yourself.status, .conflict)
            let unknown = try await c.submit("/admin/accounts/nobody", [("action", "disable")], login: admin)
            XCTAssertEqual(unknown.status, .notFound)
            let desk = try await Self.pageLogin(c, .frontDesk)
            let forbidden = try await c.submit("/admin/accounts/user-ward", [("action", "enable")], login: desk)
            XCTAssertEqual(forbidden.status, .forbidden)
            XCTAssertFalse(s.logs.lines.joined().contains("a-new-ward-password"))
        }
    }
}
