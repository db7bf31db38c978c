import Foundation
import XCTest
@testable import PlanImport

final class PlanDecoderExampleTests: XCTestCase {
    func testExampleDecodesToTheExpectedValues() throws {
        let plan = try XCTUnwrap(decoded(Data(exampleText.utf8)))

        XCTAssertEqual(plan.schema, "cementoplasty-plan/1")
        XCTAssertEqual(plan.planId, "PLN-2026-004217")
        // 2026-11-20T10:15:00+01:00 = 09:15 UTC
        XCTAssertEqual(plan.generatedAt.offsetSeconds, 3600)
        XCTAssertEqual(plan.generatedAt.date, Self.utc("2026-11-20T09:15:00Z"))
        XCTAssertEqual(plan.generator, Generator(name: "planning-core", version: "3.2.0"))

        XCTAssertEqual(plan.facility.name, "Ospedale San Martino")
        XCTAssertEqual(plan.facility.phone, "+39 010 555 0134")
        XCTAssertEqual(plan.facility.emergencyNumber, "112")
        XCTAssertEqual(plan.facility.address, "Largo Rosanna Benzi 10, 16132 Genova")

        let patient = plan.patient
        XCTAssertEqual(patient.mrn, "0004471123")
        XCTAssertEqual(patient.givenName, "Maria")
        XCTAssertEqual(patient.familyName, "Rossi")
        XCTAssertEqual(patient.birthDate, CalendarDate(year: 1951, month: 3, day: 12))
        XCTAssertEqual(patient.sex, .female)
        XCTAssertEqual(patient.fiscalCode, "RSSMRA51C52D969I")
        XCTAssertEqual(patient.language, "it")
        XCTAssertFalse(patient.interpreterRequired)
        XCTAssertNil(patient.legalRepresentative)

        let procedure = plan.procedure
        XCTAssertEqual(procedure.type, .cementoplasty)
        XCTAssertEqual(procedure.indication, .painfulMetastasis)
        XCTAssertEqual(procedure.scheduledStart.offsetSeconds, 3600)
        XCTAssertEqual(procedure.scheduledStart.date, Self.utc("2026-12-03T08:30:00Z"))
        XCTAssertEqual(procedure.expectedDurationMinutes, 75)
        XCTAssertEqual(procedure.setting, .daySurgery)
        XCTAssertEqual(procedure.anaesthesia, .localWithSedation)
        XCTAssertEqual(procedure.guidance, [.ct, .fluoroscopy])
        XCTAssertEqual(procedure.operator, Operator(name: "Luca Bianchi", title: "Radiologo interventista"))
        XCTAssertNil(procedure.combinedWithAblation)

        XCTAssertEqual(plan.targets, [
            Target(id: "T1", site: .acetabulum, level: nil, side: .right, lesion: .osteolyticMetastasis,
                   needles: 2, needleGauge: 11, plannedCementTenthsMl: 80, approach: "posterolaterale"),
            Target(id: "T2", site: .humerusProximal, level: nil, side: .left, lesion: .osteolyticMetastasis,
                   needles: 1, needleGauge: 13, plannedCementTenthsMl: 35, approach: nil),
        ])

        XCTAssertEqual(plan.preparation, Preparation(
            fastingHours: 6,
            anticoagulants: [Anticoagulant(drug: "warfarin", stopDaysBefore: 5, resume: .nextDay)],
            allergies: [.iodinatedContrast],
            labTests: [.bloodCount, .coagulation, .creatinine]))

        XCTAssertEqual(plan.followUp, [
            FollowUp(kind: .phoneCall, afterDays: 2, with: "Radiologia Interventistica"),
            FollowUp(kind: .visit, afterDays: 30, with: "Ambulatorio di Oncologia"),
        ])

        let outcome = try XCTUnwrap(plan.outcome)
        XCTAssertEqual(outcome.performedStart.date, Self.utc("2026-12-03T08:42:00Z"))
        XCTAssertEqual(outcome.performedEnd.date, Self.utc("2026-12-03T09:51:00Z"))
        XCTAssertEqual(outcome.dischargeAt.date, Self.utc("2026-12-03T14:30:00Z"))
        XCTAssertEqual(outcome.dischargeAt.offsetSeconds, 3600)
        XCTAssertEqual(outcome.targets, [
            TargetOutcome(id: "T1", treated: true, cementTenthsMl: 75, leakage: .minorAsymptomatic),
            TargetOutcome(id: "T2", treated: true, cementTenthsMl: 30, leakage: Leakage.none),
        ])
        XCTAssertEqual(outcome.complications, [])
        XCTAssertEqual(outcome.analgesia, "paracetamolo 1 g fino a 3 volte al giorno per 3 giorni")
    }

    /// An instant from a UTC literal, through Foundation's own parser.
    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!
    }
}
