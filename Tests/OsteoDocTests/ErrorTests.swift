import Foundation
import PlanImport
import XCTest
@testable import OsteoDoc

/// Every error the facade raises belongs to one of four classes a server maps without reading
/// the text (422, 409, 503, 500), and no message carries a value of the plan.
final class ErrorTests: XCTestCase {
    /// Values a leaked message would show: names, dates (in every spelling), codes.
    private let secrets = ["Zebedeo", "Quarantotti", "1951", "17/03", "03-17", "17.03", "MRN7734", "QRNZBD51C17D969D",
                           "PLN-SECRET-9", "Lucrezia Borgia", "warfarinx", "张伟", "\u{2D30}\u{2D31}"]

    private func secretPlan(_ edit: (inout [String: Any]) -> Void = { _ in }) throws -> [String: Any] {
        var json = try examplePlanJSON()
        json["planId"] = "PLN-SECRET-9"
        var patient = json["patient"] as! [String: Any]
        patient["givenName"] = "Zebedeo"
        patient["familyName"] = "Quarantotti"
        patient["birthDate"] = "1951-03-17"
        patient["mrn"] = "MRN7734"
        patient["fiscalCode"] = "QRNZBD51C17D969D"
        patient["legalRepresentative"] = ["name": "Lucrezia Borgia", "role": "guardian"]
        json["patient"] = patient
        var preparation = json["preparation"] as! [String: Any]
        preparation["anticoagulants"] = [["drug": "warfarinx", "stopDaysBefore": 5, "resume": "next-day"]]
        json["preparation"] = preparation
        edit(&json)
        return json
    }

    private func plan(_ edit: (inout [String: Any]) -> Void = { _ in }) throws -> Plan {
        try OsteoDoc.plan(from: try data(try secretPlan(edit)))
    }

    /// A copy of templates/ and locales/ to break.
    private func resourceCopy() throws -> URL {
        let dir = try temporaryFolder()
        for folder in ["templates", "locales"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(folder), to: dir.appendingPathComponent(folder))
        }
        return dir
    }

    private func caught(_ body: () throws -> Any) -> OsteoDocError? {
        do { _ = try body(); XCTFail("no error"); return nil } catch let e as OsteoDocError { return e } catch {
            XCTFail("not an OsteoDocError: \(type(of: error))"); return nil
        }
    }

    func testEveryErrorCaseIsTypedAndCarriesNoPlanValue() throws {
        var cases: [(String, OsteoDocError?, OsteoDocError.Category)] = []

        // Input: contract violations (several at once), with their JSON paths.
        let broken = try secretPlan { json in
            var patient = json["patient"] as! [String: Any]
            patient["birthDate"] = "1951-03-17T00:00"
            patient["givenName"] = "Zebedeo<b>\u{7}"
            patient["sex"] = "Quarantotti"
            json["patient"] = patient
            var targets = json["targets"] as! [[String: Any]]
            targets[1]["side"] = "midline"
            targets[0]["site"] = "MRN7734"
            json["targets"] = targets
        }
        let invalid = caught { try OsteoDoc.plan(from: try data(broken)) }
        XCTAssertTrue(invalid?.issues.map(\.path).contains("targets[1].side") ?? false, "\(invalid?.issues ?? [])")
        cases.append(("invalid plan", invalid, .input))
        cases.append(("not JSON", caught { try OsteoDoc.plan(from: Data("{\"planId\": \"PLN-SECRET-9\", ".utf8)) }, .input))

        // Input: a discharge sheet needs the outcome.
        let noOutcome = try plan { $0["outcome"] = NSNull() }
        let missingOutcome = caught { try engine.render(.discharge, plan: noOutcome, language: "it", format: .html) }
        XCTAssertEqual(missingOutcome?.issues.map(\.path), ["outcome"])
        cases.append(("no outcome", missingOutcome, .input))

        // Input: a language osteodoc does not have, asked by the caller or by the plan.
        let portuguese = try plan { json in
            var patient = json["patient"] as! [String: Any]
            patient["language"] = "pt-BR"
            json["patient"] = patient
        }
        cases.append(("language from the plan", caught { try engine.resolveLanguage(nil, plan: portuguese) }, .input))
        cases.append(("language asked", caught { try engine.resolveLanguage("zz", plan: portuguese) }, .input))
        cases.append(("same language twice", caught {
            try engine.renderBilingual(.consent, plan: try self.plan(), language: "it", second: "it", format: .html)
        }, .input))

        // Input: a name no installed font can print (Tifinagh) — named by its path, never by its characters.
        let tifinagh = try plan { json in
            var patient = json["patient"] as! [String: Any]
            patient["givenName"] = "\u{2D30}\u{2D31}"  // Tifinagh: no installed font (CJK has a fallback)
            json["patient"] = patient
        }
        let unprintable = caught { try engine.render(.consent, plan: tifinagh, language: "it", format: .pdf) }
        XCTAssertEqual(unprintable?.issues.map(\.path), ["patient.givenName"])
        XCTAssertEqual(try engine.unprintableFields(tifinagh), ["patient.givenName"])
        cases.append(("unprintable name", unprintable, .input))

        // Content: a translation missing a unit, and one behind the Italian.
        let missingUnit = try resourceCopy()
        try FileManager.default.removeItem(at: missingUnit.appendingPathComponent("locales/de/consent/risks.md"))
        let missingEngine = try OsteoDoc(resources: missingUnit)
        cases.append(("missing translation", caught { try missingEngine.render(.consent, plan: try self.plan(), language: "de", format: .html) }, .content))
        let stale = try resourceCopy()
        let risks = stale.appendingPathComponent("locales/it/consent/risks.md")
        try (try String(contentsOf: risks, encoding: .utf8) + "\nUna frase in più.\n").write(to: risks, atomically: true, encoding: .utf8)
        let staleEngine = try OsteoDoc(resources: stale)
        let staleError = caught { try staleEngine.render(.consent, plan: try self.plan(), language: "fr", format: .html) }
        XCTAssertTrue(staleError?.description.contains("consent/risks") ?? false, staleError?.description ?? "")
        cases.append(("stale translation", staleError, .content))
        // Content: a catalog string a template uses is gone.
        let noString = try resourceCopy()
        let strings = noString.appendingPathComponent("locales/it/strings.po")
        let catalog = try String(contentsOf: strings, encoding: .utf8)
        try catalog.replacingOccurrences(of: "msgctxt \"page.label\"", with: "msgctxt \"page.label-gone\"")
            .write(to: strings, atomically: true, encoding: .utf8)
        cases.append(("missing string", caught { try OsteoDoc(resources: noString).render(.consent, plan: try self.plan(), language: "it", format: .html) }, .content))

        // Environment: fonts, dictionaries, templates missing.
        let empty = try temporaryFolder().path
        let noFonts = try OsteoDoc(provider: ResourceProvider(resources: repositoryRoot, fontDirectory: empty))
        cases.append(("fonts missing", caught { try noFonts.render(.consent, plan: try self.plan(), language: "it", format: .pdf) }, .environment))
        let noDictionaries = try OsteoDoc(provider: ResourceProvider(resources: repositoryRoot, hyphenationDirectory: empty))
        cases.append(("dictionary missing", caught { try noDictionaries.render(.consent, plan: try self.plan(), language: "it", format: .pdf) }, .environment))
        cases.append(("preload without dictionary", caught { try noDictionaries.preload(languages: ["de"]) }, .environment))
        let noTemplates = try resourceCopy()
        try FileManager.default.removeItem(at: noTemplates.appendingPathComponent("templates"))
        cases.append(("templates missing", caught { try OsteoDoc(resources: noTemplates) }, .environment))
        cases.append(("resources missing", caught { try OsteoDoc(resources: URL(fileURLWithPath: empty)) }, .environment))

        for (name, error, category) in cases {
            guard let error else { XCTFail("\(name): no error"); continue }
            XCTAssertEqual(error.category, category, "\(name): \(error)")
            let message = error.description
            XCTAssertFalse(message.isEmpty, name)
            for secret in secrets {
                XCTAssertFalse(message.contains(secret), "\(name) leaks \(secret): \(message)")
            }
        }
        XCTAssertEqual(OsteoDocError.Category.allCases.map(\.httpStatus), [422, 409, 503, 500])
    }

    /// A render reads only Italian and the languages it needs: a broken French catalog
    /// does not stop an Italian or German document, and fails (as content) when French is asked.
    func testLanguagesAreReadOnFirstUse() throws {
        let dir = try resourceCopy()
        try Data("msgid \"unterminated\n".utf8).write(to: dir.appendingPathComponent("locales/fr/strings.po"))
        let lazy = try OsteoDoc(resources: dir)
        XCTAssertFalse(try lazy.render(.consent, plan: try plan(), language: "it", format: .html).isEmpty)
        XCTAssertFalse(try lazy.render(.consent, plan: try plan(), language: "de", format: .html).isEmpty)
        let french = caught { try lazy.render(.consent, plan: try self.plan(), language: "fr", format: .html) }
        XCTAssertEqual(french?.category, .content)
        XCTAssertTrue(french?.description.contains("locales/fr/strings.po") ?? false, french?.description ?? "")
        XCTAssertEqual(caught { try lazy.preload(languages: ["fr"], pdf: false) }?.category, .content)
    }

    func testPreloadReadsOnlyWhatItIsAsked() throws {
        let fresh = try OsteoDoc(resources: repositoryRoot)
        try fresh.preload(languages: ["de-AT", "ar"], pdf: false)
        XCTAssertThrowsError(try fresh.preload(languages: ["zz"])) {
            XCTAssertEqual(($0 as? OsteoDocError)?.category, .input)
        }
    }
}
