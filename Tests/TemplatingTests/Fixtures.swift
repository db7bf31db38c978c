import Content
import Foundation
import PlanImport
@testable import Templating

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The shipped content, read once.
let shippedContent: ContentRepository = try! ContentRepository(root: repositoryRoot)

func italianFormatter() -> LocaleFormatter { LocaleFormatter(content: shippedContent.locale("it")!) }

func timestamp(_ text: String) -> Timestamp {
    // "2026-12-03T09:30:00+01:00"
    let offsetPart = text.suffix(6)
    let sign = offsetPart.first == "-" ? -1 : 1
    let h = Int(offsetPart.dropFirst().prefix(2))!, m = Int(offsetPart.suffix(2))!
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return Timestamp(date: f.date(from: text)!, offsetSeconds: sign * (h * 3600 + m * 60))
}

/// The example plan of the contract, as values (independent of the decoder).
func examplePlan() -> Plan {
    Plan(schema: "cementoplasty-plan/1", planId: "PLN-2026-004217", generatedAt: timestamp("2026-11-20T10:15:00+01:00"),
         generator: Generator(name: "planning-core", version: "3.2.0"),
         facility: Facility(name: "Ospedale San Martino", department: "Radiologia Interventistica", phone: "+39 010 555 0134",
                            emergencyNumber: "112", address: "Largo Rosanna Benzi 10, 16132 Genova"),
         patient: Patient(mrn: "0004471123", givenName: "Maria", familyName: "Rossi",
                          birthDate: CalendarDate(year: 1951, month: 3, day: 12), sex: .female,
                          fiscalCode: "RSSMRA51C52D969I", language: "it", interpreterRequired: false, legalRepresentative: nil),
         procedure: Procedure(type: .cementoplasty, indication: .painfulMetastasis,
                              scheduledStart: timestamp("2026-12-03T09:30:00+01:00"), expectedDurationMinutes: 75,
                              setting: .daySurgery, anaesthesia: .localWithSedation, guidance: [.ct, .fluoroscopy],
                              operator: Operator(name: "Luca Bianchi", title: "Radiologo interventista"), combinedWithAblation: nil),
         targets: [
            Target(id: "T1", site: .acetabulum, level: nil, side: .right, lesion: .osteolyticMetastasis, needles: 2,
                   needleGauge: 11, plannedCementTenthsMl: 80, approach: "posterolaterale"),
            Target(id: "T2", site: .humerusProximal, level: nil, side: .left, lesion: .osteolyticMetastasis, needles: 1,
                   needleGauge: 13, plannedCementTenthsMl: 35, approach: nil),
         ],
         preparation: Preparation(fastingHours: 6, anticoagulants: [Anticoagulant(drug: "warfarin", stopDaysBefore: 5, resume: .nextDay)],
                                  allergies: [.iodinatedContrast], labTests: [.bloodCount, .coagulation, .creatinine]),
         followUp: [FollowUp(kind: .phoneCall, afterDays: 2, with: "Radiologia Interventistica"),
                    FollowUp(kind: .visit, afterDays: 30, with: "Ambulatorio di Oncologia")],
         outcome: Outcome(performedStart: timestamp("2026-12-03T09:42:00+01:00"), performedEnd: timestamp("2026-12-03T10:51:00+01:00"),
                          targets: [TargetOutcome(id: "T1", treated: true, cementTenthsMl: 75, leakage: .minorAsymptomatic),
                                    TargetOutcome(id: "T2", treated: true, cementTenthsMl: 30, leakage: .none)],
                          complications: [], dischargeAt: timestamp("2026-12-03T15:30:00+01:00"),
                          analgesia: "paracetamolo 1 g fino a 3 volte al giorno per 3 giorni"))
}

func build(_ plan: Plan, _ kind: DocumentKind = .consent) throws -> ViewModel {
    try ViewModelBuilder.build(plan: plan, kind: kind, formatter: italianFormatter(), documentId: "CI-TEST", contentVersion: "1.0-test")
}
