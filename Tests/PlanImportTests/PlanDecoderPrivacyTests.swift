import Foundation
import XCTest
@testable import PlanImport

/// Messages name the path and the rule, never the patient's values.
final class PlanDecoderPrivacyTests: XCTestCase {
    func testNoPatientValueAppearsInAnyIssue() {
        let secrets: [(original: String, secret: String, needle: String)] = [
            ("\"Maria\"", "\"Ma<ria1\"", "Ma<ria1"),
            ("\"Rossi\"", "\"Ros$i\"", "Ros$i"),
            ("\"0004471123\"", "\"MRN_SECRET_42\"", "SECRET"),
            ("\"1951-03-12\"", "\"1951-02-30\"", "1951"),
            ("\"female\"", "\"femmina\"", "femmina"),
            ("\"RSSMRA51C52D969I\"", "\"RSSMRA51C52D969J\"", "RSSMRA"),
            ("\"language\": \"it\"", "\"language\": \"Klingon-tlhIngan\"", "Klingon"),
            ("\"warfarin\"", "\"warfarin\\u0007\"", "warfarin"),
            ("\"posterolaterale\"", "\"postero\\nlaterale\"", "postero"),
            ("\"paracetamolo 1 g fino a 3 volte al giorno per 3 giorni\"", "\"paracetamolo\\t1 g\"", "paracetamolo"),
            ("\"Ambulatorio di Oncologia\"", "\"Ambulatorio\\r\"", "Ambulatorio"),
            ("\"anaesthesia\": \"local-with-sedation\"", "\"anaesthesia\": \"hypnosis-by-Dr-Secret\"", "hypnosis"),
            ("\"plannedCementMl\": 8.0", "\"plannedCementMl\": 8.12345", "8.12345"),
            ("\"generatedAt\": \"2026-11-20T10:15:00+01:00\"", "\"generatedAt\": \"2026-11-20T10:15:00\"", "10:15"),
        ]
        let found = issues(example(secrets.map { ($0.original, $0.secret) }))
        XCTAssertEqual(found.count, secrets.count, "one issue per planted value: \(found)")
        for issue in found {
            for planted in secrets {
                XCTAssertFalse(issue.description.contains(planted.needle),
                               "«\(issue)» repeats the planted value «\(planted.needle)»")
            }
        }
    }

    func testGivenNameIsNotEchoed() {
        let found = issues(example(("\"Maria\"", "\"Ma<ria1\"")))
        XCTAssertEqual(found, [PlanIssue(
            path: "patient.givenName",
            message: "may contain only letters, combining marks, spaces, apostrophes and hyphens")])
        XCTAssertFalse(found[0].description.contains("Ma<ria1"))
    }

    func testUnsupportedSchemaValueIsNotEchoed() {
        let found = issues(example(("\"cementoplasty-plan/1\"", "\"Maria Rossi 1951\"")))
        XCTAssertFalse(found.description.contains("Maria"))
    }
}

private extension Array where Element == PlanIssue {
    var description: String { map(\.description).joined(separator: "\n") }
}
