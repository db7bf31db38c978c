import Foundation
import Registry
import Service
import XCTest

final class PlanAndDocumentTests: XCTestCase {
    func testPlanPostIsIdempotentOnIdenticalBytesAndNewBytesMakeARevision() async throws {
        let s = try await TestService()
        let withoutOutcomeBytes = try examplePlan(withoutOutcome)
        let full = try examplePlan()
        try await s.test { c in
            let first = try await c.postPlan(withoutOutcomeBytes)
            XCTAssertEqual(first.status, .created, first.text)
            XCTAssertEqual(first.json["revision"] as? Int, 1)
            XCTAssertEqual(first.json["hasOutcome"] as? Bool, false)
            let again = try await c.postPlan(withoutOutcomeBytes)
            XCTAssertEqual(again.status, .ok)
            XCTAssertEqual(again.json["revision"] as? Int, 1)
            XCTAssertEqual(again.json["created"] as? Bool, false)
            let second = try await c.postPlan(full)
            XCTAssertEqual(second.status, .created)
            XCTAssertEqual(second.json["revision"] as? Int, 2)
            XCTAssertEqual(second.json["hasOutcome"] as? Bool, true)
        }
        let stored = try await s.registry.planRevision(planId: "PLN-2026-004217", revision: 1)
        XCTAssertEqual(stored?.bytes, withoutOutcomeBytes, "the exact bytes")
    }

    func testAnInvalidPlanGets422WithEveryViolationAndNothingIsStored() async throws {
        let s = try await TestService()
        let bad = try examplePlan { json in
            var targets = json["targets"] as! [[String: Any]]
            targets[1]["side"] = "midline"
            json["targets"] = targets
            var patient = json["patient"] as! [String: Any]
            patient["birthDate"] = "1951-13-45"
            json["patient"] = patient
        }
        try await s.test { c in
            let r = try await c.postPlan(bad)
            XCTAssertEqual(r.status, .unprocessableContent)
            let violations = r.json["violations"] as? [[String: String]] ?? []
            XCTAssertEqual(Set(violations.compactMap { $0["path"] }), ["patient.birthDate", "targets[1].side"], r.text)
            XCTAssertTrue(violations.allSatisfy { !($0["rule"] ?? "").isEmpty })
            XCTAssertFalse(r.text.contains("Rossi"))
        }
        let none = try await s.registry.planRevision(planId: "PLN-2026-004217", revision: nil)
        XCTAssertNil(none)
    }

    func testIssuingAConsentStoresThePDFAndItsEventsAndVerifyRegeneratesTheSameBytes() async throws {
        let s = try await TestService()
        let plan = try examplePlan()
        try await s.test { c in
            _ = try await c.postPlan(plan)
            let desk = try await c.login(.frontDesk)
            let issued = try await c.issue(desk)
            XCTAssertEqual(issued.status, .created, issued.text)
            let id = try XCTUnwrap(issued.json["id"] as? String)
            XCTAssertTrue(id.hasPrefix("CI-PLN-2026-004217-it-") && id.hasSuffix("-1"), id)
            XCTAssertEqual(issued.json["languages"] as? [String], ["it"])
            XCTAssertEqual(issued.json["issuedBy"] as? String, "user-front-desk")
            XCTAssertEqual(issued.json["engineVersion"] as? String, DocumentEngine.version)
            XCTAssertEqual(issued.json["issuedAt"] as? String, "2026-11-30T00:53:20Z", "the injected clock")

            let pdf = try await c.request(.get, "/api/v1/documents/\(id).pdf", login: desk)
            XCTAssertEqual(pdf.status, .ok)
            XCTAssertEqual(pdf.headers[.contentType], "application/pdf")
            XCTAssertTrue(pdf.body.starts(with: Data("%PDF-".utf8)))
            XCTAssertEqual(Hash.sha256(pdf.body), issued.json["sha256"] as? String)
            XCTAssertEqual(pdf.body.count, issued.json["size"] as? Int)

            let meta = try await c.request(.get, "/api/v1/documents/\(id)", login: desk)
            let events = meta.json["events"] as? [[String: Any]] ?? []
            XCTAssertEqual(events.compactMap { $0["type"] as? String }, ["issued", "downloaded"])

            let verify = try await c.request(.post, "/api/v1/documents/\(id)/verify", login: desk)
            XCTAssertEqual(verify.status, .ok, verify.text)
            XCTAssertEqual(verify.json["identical"] as? Bool, true, verify.text)

            let bilingual = try await c.issue(desk, languages: ["de", "it"])
            XCTAssertEqual(bilingual.status, .created, bilingual.text)
            XCTAssertEqual(bilingual.json["languages"] as? [String], ["de", "it"])
            let bid = try XCTUnwrap(bilingual.json["id"] as? String)
            let bverify = try await c.request(.post, "/api/v1/documents/\(bid)/verify", login: desk)
            XCTAssertEqual(bverify.json["identical"] as? Bool, true, bverify.text)
        }
    }

    func testTheDischargeSheetNeedsTheOutcome() async throws {
        let s = try await TestService()
        let early = try examplePlan(withoutOutcome)
        let full = try examplePlan()
        try await s.test { c in
            _ = try await c.postPlan(early)
            let ward = try await c.login(.ward)
            let refused = try await c.issue(ward, kind: "discharge")
            XCTAssertEqual(refused.status, .conflict, refused.text)
            XCTAssertTrue(refused.text.contains("outcome"))
            _ = try await c.postPlan(full)
            let issued = try await c.issue(ward, kind: "discharge")
            XCTAssertEqual(issued.status, .created, issued.text)
            XCTAssertEqual(issued.json["revision"] as? Int, 2)
            XCTAssertTrue((issued.json["id"] as? String ?? "").hasPrefix("DS-"))
        }
    }

    func testASignedConsentIsNeverReissuedSilently() async throws {
        let s = try await TestService()
        let plan = try examplePlan()
        try await s.test { c in
            _ = try await c.postPlan(plan)
            let desk = try await c.login(.frontDesk)
            let first = try await c.issue(desk)
            let id = try XCTUnwrap(first.json["id"] as? String)
            let scanned = try await c.request(.post, "/api/v1/documents/\(id)/events", body: Data("{\"type\":\"scanned\"}".utf8), login: desk)
            XCTAssertEqual(scanned.status, .created, scanned.text)
            let silent = try await c.issue(desk)
            XCTAssertEqual(silent.status, .conflict, silent.text)
            XCTAssertTrue(silent.text.contains(id))
            let replacement = try await c.issue(desk, reason: "the patient's copy was lost")
            XCTAssertEqual(replacement.status, .created, replacement.text)
            XCTAssertEqual(replacement.json["replaces"] as? String, id)
            XCTAssertEqual(replacement.json["reason"] as? String, "the patient's copy was lost")
        }
        let all = try await s.registry.documents(planId: "PLN-2026-004217")
        XCTAssertEqual(all.count, 2, "the refused issue stored nothing")
    }

    func testBadRequestsGetAClear4xxAndStoreNothing() async throws {
        let s = try await TestService()
        let plan = try examplePlan()
        try await s.test { c in
            let big = Data(repeating: UInt8(ascii: " "), count: 1_100_000) + plan
            let oversize = try await c.postPlan(big)
            XCTAssertEqual(oversize.status, .contentTooLarge, oversize.text)
            let text = try await c.request(.post, "/api/v1/plans", body: plan, contentType: "text/plain", bearer: TestService.planningToken)
            XCTAssertEqual(text.status, .unsupportedMediaType)
            let malformed = try await c.postPlan(Data("{\"schema\": ".utf8))
            XCTAssertEqual(malformed.status, .unprocessableContent, malformed.text)
            XCTAssertNotNil(malformed.json["error"])
            let nothing = try await s.registry.planRevision(planId: "PLN-2026-004217", revision: nil)
            XCTAssertNil(nothing)

            _ = try await c.postPlan(plan)
            let desk = try await c.login(.frontDesk)
            let badJSON = try await c.request(.post, "/api/v1/documents", body: Data("{\"planId\": [".utf8), login: desk)
            XCTAssertEqual(badJSON.status, .badRequest)
            let badKind = try await c.request(.post, "/api/v1/documents", body: Data("{\"planId\":\"PLN-2026-004217\",\"kind\":\"x\"}".utf8), login: desk)
            XCTAssertEqual(badKind.status, .badRequest)
            XCTAssertEqual(badKind.json["error"] as? String, "kind: invalid value")
            for path in ["/api/v1/documents/..%2F..%2Fetc%2Fpasswd", "/api/v1/documents/..", "/api/v1/documents/%2e%2e", "/api/v1/documents/a%00b"] {
                let r = try await c.request(.get, path, login: desk)
                XCTAssertTrue([400, 404].contains(r.status.code), "\(path): \(r.status)")
                XCTAssertFalse(r.text.contains("root:"))
            }
            let traversalPlan = try await c.issue(desk, planId: "../../etc")
            XCTAssertEqual(traversalPlan.status, .badRequest)
            let unknownLanguage = try await c.issue(desk, languages: ["xx"])
            XCTAssertEqual(unknownLanguage.status, .unprocessableContent, unknownLanguage.text)
            XCTAssertTrue(unknownLanguage.text.contains("available"))
            let threeLanguages = try await c.issue(desk, languages: ["it", "de", "fr"])
            XCTAssertEqual(threeLanguages.status, .badRequest)
            let unknownPlan = try await c.issue(desk, planId: "PLN-NOPE")
            XCTAssertEqual(unknownPlan.status, .notFound)
            for r in [oversize, text, malformed, badJSON, badKind, traversalPlan, unknownLanguage] {
                XCTAssertLessThan(r.body.count, 600, "short messages, no stack trace: \(r.text)")
                XCTAssertEqual(r.headers[.contentType], "application/json")
            }
        }
        let documents = try await s.registry.documents(planId: "PLN-2026-004217")
        XCTAssertEqual(documents.count, 0, "nothing issued by bad requests")
    }

    func testHealthReadyAndMetrics() async throws {
        let s = try await TestService()
        let plan = try examplePlan()
        try await s.test { c in
            let health = try await c.request(.get, "/health")
            XCTAssertEqual(health.status, .ok)
            let ready = try await c.request(.get, "/ready")
            XCTAssertEqual(ready.status, .ok)
            _ = try await c.postPlan(plan)
            let desk = try await c.login(.frontDesk)
            _ = try await c.issue(desk)
            _ = try await c.issue(desk)
            let metrics = try await c.request(.get, "/metrics")
            XCTAssertEqual(metrics.status, .ok)
            let text = metrics.text
            XCTAssertTrue(text.contains(#"osteodoc_documents_issued_total{kind="consent"} 2"#), text)
            XCTAssertTrue(text.contains(#"osteodoc_documents_rendered_total{kind="consent"} 1"#), "the second issue reuses the archived bytes")
            XCTAssertTrue(text.contains(#"osteodoc_http_requests_total{method="POST",route="/api/v1/documents",status="201"} 2"#), text)
            XCTAssertTrue(text.contains("osteodoc_http_request_duration_seconds_bucket"), text)
        }
    }

    /// Plans with known names go through every path (stored, refused, issued, inbox); no log line
    /// carries any of the patient's values.
    func testLogsNeverCarryPatientValues() async throws {
        let s = try await TestService()
        let secrets = ["Zebulon", "Quarantotto", "ZBLQRN51C52D969I", "0099887766", "Via Segreta 7", "Dottor Nascosto"]
        let plan = try examplePlan { json in
            var patient = json["patient"] as! [String: Any]
            patient["givenName"] = secrets[0]; patient["familyName"] = secrets[1]; patient["fiscalCode"] = secrets[2]; patient["mrn"] = secrets[3]
            json["patient"] = patient
            var facility = json["facility"] as! [String: Any]
            facility["address"] = secrets[4]
            json["facility"] = facility
            var procedure = json["procedure"] as! [String: Any]
            procedure["operator"] = ["name": secrets[5], "title": "Radiologo"]
            json["procedure"] = procedure
        }
        let bad = try examplePlan { json in
            var patient = json["patient"] as! [String: Any]
            patient["givenName"] = secrets[0]; patient["birthDate"] = secrets[1]
            json["patient"] = patient
        }
        try await s.test { c in
            _ = try await c.postPlan(plan)
            _ = try await c.postPlan(bad)
            let desk = try await c.login(.frontDesk)
            let issued = try await c.issue(desk, languages: ["de", "it"])
            let id = issued.json["id"] as? String ?? ""
            _ = try await c.request(.get, "/api/v1/documents/\(id).pdf", login: desk)
            _ = try await c.request(.post, "/api/v1/documents/\(id)/verify", login: desk)
            _ = try await c.request(.post, "/api/v1/login", body: Data("{\"name\":\"\(secrets[0])\",\"password\":\"\(secrets[1])\"}".utf8))
        }
        let inbox = Inbox(service: s.service)
        try inbox.prepareFolders()
        try bad.write(to: s.service.configuration.inboxURL.appendingPathComponent("bad.json"))
        try await InboxTests.drain(inbox)
        let lines = s.logs.lines
        XCTAssertGreaterThan(lines.count, 8)
        for line in lines {
            for secret in secrets { XCTAssertFalse(line.contains(secret), "a log line carries a patient value: \(line)") }
        }
        // Open: no "document issued" line was found in the captured log (to investigate); the secret greps above pass.
        XCTAssertTrue(lines.contains { $0.contains("\"message\":\"plan refused\"") })
    }
}
