import PlanImport
import XCTest
@testable import Templating

final class ViewModelTests: XCTestCase {
    func testExamplePlanValues() throws {
        let vm = try build(examplePlan())
        XCTAssertEqual(vm.procedure.scheduled, "giovedì 3 dicembre 2026, ore 9:30")
        XCTAssertEqual(vm.procedure.duration, "circa 75 minuti")
        XCTAssertEqual(vm.targets.map(\.needles), ["2 aghi da 11\u{A0}G", "1 ago da 13\u{A0}G"])
        XCTAssertEqual(vm.targets.map(\.cement), ["8,0\u{A0}mL", "3,5\u{A0}mL"])
        XCTAssertEqual(vm.patient.birthDate, "12 marzo 1951")
        XCTAssertEqual(vm.preparation.fastingText, "6 ore")
        XCTAssertEqual(vm.preparation.fastingFrom, "Stia a digiuno (niente cibo e niente bevande) da giovedì 3 dicembre 2026, ore 3:30.")
        XCTAssertEqual(vm.preparation.anticoagulants.first?.stop, "non lo prenda più a partire da sabato 28 novembre 2026.")
        XCTAssertEqual(vm.preparation.anticoagulants.first?.resume, "Lo riprenda venerdì 4 dicembre 2026, alla dose che Le ha prescritto il medico.")
        XCTAssertTrue(vm.is.sedation && vm.is.noDriving && vm.is.daySurgery && vm.is.pelvis && vm.is.acetabulum && vm.is.longBone)
        XCTAssertFalse(vm.is.sacrum || vm.is.vertebra || vm.is.general || vm.is.ablation)
    }

    func testPregnancyDeclarationOnlyForChildbearingAge() throws {
        var plan = examplePlan()
        XCTAssertFalse(try build(plan).is.childbearing, "75-year-old woman")
        plan.patient.birthDate = CalendarDate(year: 1986, month: 5, day: 1)
        XCTAssertTrue(try build(plan).is.childbearing, "40-year-old woman")
        plan.patient.sex = .male
        XCTAssertFalse(try build(plan).is.childbearing, "40-year-old man")
        plan.patient.sex = .unknown
        XCTAssertTrue(try build(plan).is.childbearing, "sex unknown: cannot be excluded")
        plan.patient.sex = .female
        // 55th birthday on the day before the procedure → still asked; 56th → not.
        plan.patient.birthDate = CalendarDate(year: 1971, month: 12, day: 2)
        XCTAssertTrue(try build(plan).is.childbearing)
        plan.patient.birthDate = CalendarDate(year: 1970, month: 12, day: 3)
        XCTAssertFalse(try build(plan).is.childbearing)
        plan.patient.birthDate = CalendarDate(year: 2014, month: 12, day: 4)
        XCTAssertFalse(try build(plan).is.childbearing, "11 years old the day before the 12th birthday")
    }

    func testInterpreterRepresentativeAndMinorBlocks() throws {
        var plan = examplePlan()
        var vm = try build(plan)
        XCTAssertFalse(vm.is.interpreter || vm.is.representative || vm.is.minor)
        plan.patient.interpreterRequired = true
        plan.patient.legalRepresentative = LegalRepresentative(name: "Anna Rossi", role: .supportAdministrator)
        plan.patient.birthDate = CalendarDate(year: 2010, month: 1, day: 1)
        vm = try build(plan)
        XCTAssertTrue(vm.is.interpreter && vm.is.representative && vm.is.minor)
        XCTAssertEqual(vm.patient.representativeName, "Anna Rossi")
        XCTAssertFalse(vm.patient.representativeRole.isEmpty)
    }

    func testSedationAndGeneralMeanNoDriving() throws {
        var plan = examplePlan()
        plan.procedure.anaesthesia = .local
        XCTAssertFalse(try build(plan).is.noDriving)
        plan.procedure.anaesthesia = .general
        XCTAssertTrue(try build(plan).is.noDriving)
    }

    func testDischargeNeedsOutcome() {
        var plan = examplePlan()
        plan.outcome = nil
        XCTAssertThrowsError(try build(plan, .discharge)) { XCTAssertEqual($0 as? TemplatingError, .noOutcome) }
    }

    func testDischargeTimelineHasConcreteDatesAndTimesInOrder() throws {
        let vm = try build(examplePlan(), .discharge)
        XCTAssertEqual(vm.timeline.map(\.when), [
            "giovedì 3 dicembre 2026, ore 10:51",
            "giovedì 3 dicembre 2026, ore 12:51",   // performedEnd + 2 h bed rest
            "giovedì 3 dicembre 2026, ore 15:30",   // dischargeAt
            "venerdì 4 dicembre 2026",              // warfarin again (no driving date: the acetabulum is in the pelvis)
            "sabato 5 dicembre 2026",               // dressing off
            "tra circa 2 giorni (settimana del 30 novembre 2026)",   // phone call after 2 days: an interval
            "tra circa 30 giorni (settimana del 28 dicembre 2026)",  // visit after 30 days
        ])
        XCTAssertEqual(vm.outcome?.targets.map(\.cement), ["7,5\u{A0}mL", "3,0\u{A0}mL"])
        XCTAssertEqual(vm.followUps.map(\.when), ["tra circa 2 giorni (settimana del 30 novembre 2026)",
                                                  "tra circa 30 giorni (settimana del 28 dicembre 2026)"])
    }

    /// Europe moves to summer time on 29 March 2026. Dates are calendar arithmetic in the
    /// plan's offset: they never slip by a day, whatever the offset before or after.
    func testDatesAroundDaylightSavingChange() throws {
        var plan = examplePlan()
        plan.procedure.scheduledStart = timestamp("2026-03-30T00:30:00+02:00")
        plan.preparation.anticoagulants = [Anticoagulant(drug: "apixaban", stopDaysBefore: 2, resume: .sameDay)]
        plan.preparation.fastingHours = 8
        plan.outcome = nil
        let vm = try build(plan)
        XCTAssertEqual(vm.preparation.anticoagulants[0].stop, "non lo prenda più a partire da sabato 28 marzo 2026.")
        XCTAssertEqual(vm.preparation.anticoagulants[0].resume, "Lo riprenda lunedì 30 marzo 2026, alla dose che Le ha prescritto il medico.")
        XCTAssertEqual(vm.procedure.scheduled, "lunedì 30 marzo 2026, ore 0:30")
        XCTAssertEqual(vm.preparation.fastingFrom, "Stia a digiuno (niente cibo e niente bevande) da domenica 29 marzo 2026, ore 16:30.")
        XCTAssertEqual(vm.followUps.map(\.when), ["tra circa 2 giorni (settimana del 30 marzo 2026)",
                                                  "tra circa 30 giorni (settimana del 27 aprile 2026)"])

        // Autumn: back to +01:00 on 25 October 2026.
        plan.procedure.scheduledStart = timestamp("2026-10-26T23:45:00+01:00")
        let autumn = try build(plan)
        XCTAssertEqual(autumn.preparation.anticoagulants[0].stop, "non lo prenda più a partire da sabato 24 ottobre 2026.")
        XCTAssertEqual(autumn.procedure.scheduled, "lunedì 26 ottobre 2026, ore 23:45")
    }

    func testVertebralLevelInSiteName() throws {
        var plan = examplePlan()
        plan.targets[0] = Target(id: "V", site: .vertebra, level: VertebralLevel("L2"), side: .midline, lesion: .myeloma,
                                 needles: 2, needleGauge: 11, plannedCementTenthsMl: 40, approach: nil)
        let vm = try build(plan)
        XCTAssertTrue(vm.targets[0].site.hasSuffix(", livello L2"), vm.targets[0].site)
        XCTAssertTrue(vm.is.vertebra)
    }
}
