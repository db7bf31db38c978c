import Content
import PlanImport
import Settings
import XCTest
@testable import Templating

/// The clinical rules of issue 8, computed once in the view model.
final class ClinicalRulesTests: XCTestCase {
    /// The example plan with only the humerus target (no pelvis, no lower limb).
    private func upperLimbPlan() -> Plan {
        var plan = examplePlan()
        plan.targets.removeFirst()
        plan.outcome!.targets.removeFirst()
        return plan
    }

    private func timelineRow(_ vm: ViewModel, _ text: String) -> TimelineEntry? {
        vm.timeline.first { $0.what == text }
    }

    // MARK: Driving

    func testDrivingAfterSedationIsAtLeast24HoursFromTheEndOfTheProcedure() throws {
        let vm = try build(upperLimbPlan(), .discharge)
        // performedEnd 2026-12-03T10:51+01:00 → not before 4 December, 10:51 (not "tomorrow", not a bare date).
        XCTAssertEqual(vm.driving.notBefore, "venerdì 4 dicembre 2026, ore 10:51")
        XCTAssertEqual(vm.driving.statement,
                       "Non guidi per almeno 24 ore dopo la fine della procedura: non prima di venerdì 4 dicembre 2026, ore 10:51.")
        let row = try XCTUnwrap(timelineRow(vm, try italianFormatter().string("timeline.driving")))
        XCTAssertEqual(row.when, vm.driving.notBefore, "the timeline states the same instant")
        XCTAssertTrue(vm.is.drivingDate && !vm.is.drivingPhysician)
    }

    func testGeneralAnaesthesiaCountsFromPerformedEndToo() throws {
        var plan = upperLimbPlan()
        plan.procedure.anaesthesia = .general
        plan.outcome!.performedEnd = timestamp("2026-12-03T23:10:00+01:00")
        XCTAssertEqual(try build(plan, .discharge).driving.notBefore, "venerdì 4 dicembre 2026, ore 23:10")
    }

    func testPelvisOrLowerLimbMeansNoDateThePhysicianDecides() throws {
        let f = italianFormatter()
        let pelvis = try build(examplePlan(), .discharge)   // acetabulum
        XCTAssertEqual(pelvis.driving.statement, try f.string("driving.physician"))
        XCTAssertEqual(pelvis.driving.notBefore, "")
        XCTAssertNil(timelineRow(pelvis, try f.string("timeline.driving")), "no date in the timeline")
        XCTAssertTrue(pelvis.is.drivingPhysician && !pelvis.is.drivingDate)

        var femur = upperLimbPlan()
        femur.targets[0].site = .femurShaft
        XCTAssertEqual(try build(femur, .discharge).driving.statement, try f.string("driving.physician"))
        XCTAssertEqual(try build(femur, .consent).driving.statement, try f.string("driving.physician"))
    }

    func testAnUntreatedPelvicTargetDoesNotCount() throws {
        var plan = examplePlan()
        plan.outcome!.targets[0].treated = false   // acetabulum planned but not treated
        XCTAssertEqual(try build(plan, .discharge).driving.notBefore, "venerdì 4 dicembre 2026, ore 10:51")
        XCTAssertEqual(try build(plan, .consent).driving.statement, try italianFormatter().string("driving.physician"),
                       "before the procedure the planned targets count")
    }

    func testLocalAnaesthesiaAloneMeansNoDrivingHomeAndNoDate() throws {
        var plan = upperLimbPlan()
        plan.procedure.anaesthesia = .local
        let f = italianFormatter()
        let vm = try build(plan, .discharge)
        XCTAssertEqual(vm.driving.statement, try f.string("driving.local"))
        XCTAssertEqual(vm.driving.notBefore, "")
        XCTAssertNil(timelineRow(vm, try f.string("timeline.driving")))
        XCTAssertEqual(try build(plan, .consent).driving.statement, try f.string("driving.local"))
    }

    func testConsentStatesTheRuleWithoutADate() throws {
        let vm = try build(upperLimbPlan(), .consent)
        XCTAssertEqual(vm.driving.statement,
                       "Dopo la sedazione o l’anestesia generale non guidi per almeno 24 ore dalla fine della procedura.")
    }

    // MARK: Anticoagulants

    func testAnticoagulantProseFollowsEachDrugsInstruction() throws {
        var plan = examplePlan()
        plan.preparation.anticoagulants = [Anticoagulant(drug: "aspirina", stopDaysBefore: 0, resume: .sameDay)]
        var vm = try build(plan)
        XCTAssertEqual(vm.preparation.anticoagulantAdvice,
                       "Non sospenda aspirina: continui a prenderlo come sempre. Non sospenda nessun farmaco per il sangue se il medico non glielo ha detto.")
        XCTAssertFalse(vm.preparation.anticoagulantAdvice.contains("deve sospendere"))
        XCTAssertEqual(vm.preparation.anticoagulants[0].resume,
                       "Continui a prenderlo come sempre, alla dose che Le ha prescritto il medico.")
        XCTAssertFalse(vm.is.anticoagulantsStopped)
        XCTAssertFalse(try build(plan, .discharge).timeline.contains { $0.what.contains("aspirina") },
                       "a drug that is not stopped is not restarted")

        plan.preparation.anticoagulants.append(Anticoagulant(drug: "warfarin", stopDaysBefore: 5, resume: .nextDay))
        vm = try build(plan)
        XCTAssertTrue(vm.preparation.anticoagulantAdvice.hasPrefix("Prima della cura deve sospendere warfarin."))
        XCTAssertTrue(vm.preparation.anticoagulantAdvice.contains("Non sospenda aspirina"))
        XCTAssertTrue(vm.is.anticoagulantsStopped)

        plan.preparation.anticoagulants = []
        XCTAssertEqual(try build(plan).preparation.anticoagulantAdvice, "")
    }

    // MARK: Follow-ups

    func testFollowUpsAreIntervalsWithWhoContactsThePatient() throws {
        let vm = try build(examplePlan(), .discharge)
        XCTAssertEqual(vm.followUps.map(\.contact), [
            "Radiologia Interventistica La chiamerà al telefono.",
            "Ambulatorio di Oncologia La contatterà per fissare il giorno e l’ora.",
        ])
        let weekdays = ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"]
        for fu in vm.followUps { XCTAssertFalse(weekdays.contains { fu.when.contains($0) }, fu.when) }
    }

    // MARK: Contacts

    func testOutOfHoursComesFromTheFacilitySettingsOrTheEmergencyNumber() throws {
        let none = try build(examplePlan(), .discharge)
        XCTAssertEqual(none.contacts.outOfHoursAdvice, "Fuori dagli orari del reparto, o se nessuno risponde, chiami il 112.")
        XCTAssertFalse(none.is.outOfHours || none.is.wardHours)
        XCTAssertEqual(none.contacts.outOfHoursPhone, "")

        let settings = FacilitySettings(outOfHoursPhone: "+39 010 555 0000", wardHours: "lun–ven 8:30–16:30")
        let vm = try ViewModelBuilder.build(plan: examplePlan(), kind: .discharge, formatter: italianFormatter(),
                                            documentId: "DS-TEST", contentVersion: "1", settings: settings)
        XCTAssertEqual(vm.contacts.outOfHoursAdvice,
                       "Fuori dagli orari del reparto chiami il +39 010 555 0000. In caso di emergenza chiami il 112.")
        XCTAssertEqual(vm.contacts.wardHours, "lun–ven 8:30–16:30")
        XCTAssertTrue(vm.is.outOfHours && vm.is.wardHours)
    }

    // MARK: Gendered forms

    func testGenderedFormsFollowThePatientsSex() throws {
        var plan = examplePlan()
        func patient(_ sex: Sex) throws -> (String, String) {
            plan.patient.sex = sex
            let t = try build(plan).t
            let signatures = ((t["consent"] as! [String: Any])["signatures"] as! [String: Any])
            let f = italianFormatter()
            return (signatures["patient"] as! String, try f.format("header.birth", sex: sex, ["date": "1"]))
        }
        XCTAssertEqual(try patient(.female).0, "La paziente")
        XCTAssertEqual(try patient(.female).1, "nata il 1")
        XCTAssertEqual(try patient(.male).0, "Il paziente")
        XCTAssertEqual(try patient(.male).1, "nato il 1")
        for sex in [Sex.other, .unknown] {
            XCTAssertEqual(try patient(sex).0, "Paziente")
            XCTAssertEqual(try patient(sex).1, "data di nascita 1")
        }
    }

    /// No catalog string about the patient prints both genders ("nata/o", "La/il", "né(e)",
    /// "născut(ă)", "прочитав(-ла)") any more: the view model picks one, or neutral wording.
    func testNoBothGenderNotationInAnyCatalog() {
        let patterns = [#"\b\w+[ao]/[ao]\b"#, #"\b(La/il|la/il|alla/al)\b"#, #"\w\((e|ă|ă)\)"#, #"\w\(-\w+\)"#,
                        #"Patientin / der Patient"#, "المريض / المريضة", "المريض أو المريضة", "пацієнт / пацієнтка"]
        for tag in shippedContent.localeTags {
            for entry in shippedContent.locale(tag)!.strings.entries {
                for s in entry.strings {
                    for p in patterns {
                        XCTAssertNil(s.range(of: p, options: [.regularExpression, .caseInsensitive]), "\(tag) \(entry.context ?? ""): \(s)")
                    }
                }
            }
        }
    }

    // MARK: Signatures

    func testBothParentsSignForAMinorAndTheInterpreterForAnotherLanguage() throws {
        var plan = examplePlan()
        plan.patient.birthDate = CalendarDate(year: 2012, month: 6, day: 1)
        plan.patient.legalRepresentative = LegalRepresentative(name: "Anna Rossi", role: .parent)
        XCTAssertTrue(try build(plan).is.parents)
        plan.patient.legalRepresentative = LegalRepresentative(name: "Anna Rossi", role: .guardian)
        XCTAssertFalse(try build(plan).is.parents, "a guardian signs alone")

        plan = examplePlan()
        XCTAssertFalse(try build(plan).is.interpreter, "Italian document, no interpreter requested")
        let german = LocaleFormatter(content: shippedContent.locale("de")!)
        let vm = try ViewModelBuilder.build(plan: plan, kind: .consent, formatter: german, documentId: "CI", contentVersion: "1")
        XCTAssertTrue(vm.is.interpreter, "the document language is not Italian")
    }

    // MARK: Approval

    func testMissingApprovalIsADraftAndAnApprovalIsPrinted() throws {
        let vm = try build(examplePlan())
        XCTAssertTrue(vm.is.draft)
        XCTAssertEqual(vm.doc.approval, try italianFormatter().string("approval.none"))

        var content = shippedContent.locale("it")!
        content.approval = ContentApproval(clinical: .init(name: "Dr.ssa Anna Verdi", role: "Direttrice UOC Radiologia"),
                                           legal: .init(name: "Avv. Carlo Neri", role: "Ufficio legale"),
                                           approvedOn: "2026-11-30", nextReview: "2027-11-30")
        let approved = try ViewModelBuilder.build(plan: examplePlan(), kind: .consent, formatter: LocaleFormatter(content: content),
                                                  documentId: "CI", contentVersion: "1")
        XCTAssertFalse(approved.is.draft)
        XCTAssertEqual(approved.doc.approval,
                       "Testo italiano approvato da Dr.ssa Anna Verdi, Direttrice UOC Radiologia (parte clinica) e da Avv. Carlo Neri, Ufficio legale (parte legale) il 30 novembre 2026. Prossima revisione entro il 30 novembre 2027.")
    }

    func testATranslationCarriesItsDate() throws {
        let de = shippedContent.locale("de")!
        XCTAssertEqual(de.translationDate, "2026-12-01")
        let vm = try ViewModelBuilder.build(plan: examplePlan(), kind: .consent, formatter: LocaleFormatter(content: de),
                                            documentId: "CI", contentVersion: "1")
        XCTAssertTrue(vm.doc.approval.hasSuffix("Übersetzung vom 1. Dezember 2026."), vm.doc.approval)
    }
}
