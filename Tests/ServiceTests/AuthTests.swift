import Foundation
import Hummingbird
import Registry
import Service
import XCTest

final class AuthTests: XCTestCase {
    /// Every protected endpoint, with a body that would be accepted.
    static let endpoints: [(method: HTTPRequest.Method, path: String, body: String?, permission: String)] = [
        (.post, "/api/v1/plans", "PLAN", "postPlan"),
        (.get, "/api/v1/plans/PLN-2026-004217", nil, "readPlan"),
        (.post, "/api/v1/documents", #"{"planId":"PLN-2026-004217","kind":"consent"}"#, "issueConsent"),
        (.post, "/api/v1/documents", #"{"planId":"PLN-2026-004217","kind":"discharge"}"#, "issueDischarge"),
        (.get, "/api/v1/documents/DOC", nil, "readDocument"),
        (.get, "/api/v1/documents/DOC.pdf", nil, "readDocument"),
        (.post, "/api/v1/documents/DOC/verify", nil, "readDocument"),
        (.post, "/api/v1/documents/DOC/events", #"{"type":"printed"}"#, "recordEvent"),
        (.post, "/api/v1/documents/DOC/events", #"{"type":"voided"}"#, "voidDocument"),
        // DOC is a consent: the ward may print discharge sheets only.
        (.post, "/api/v1/documents/DOC/print", #"{"printer":"osteodoc-pdf"}"#, "issueConsent"),
        (.post, "/api/v1/accounts", #"{"name":"newcomer","role":"ward","password":"a-long-password-1"}"#, "manageAccounts"),
        (.get, "/api/v1/translations/de/preview", nil, "previewTranslation"),
    ]

    static let allowed: [Role: Set<String>] = [
        .frontDesk: ["readPlan", "issueConsent", "readDocument", "recordEvent"],
        .ward: ["readPlan", "issueDischarge", "readDocument", "recordEvent"],
        .translator: ["previewTranslation"],
        .administrator: Set(endpoints.map(\.permission)),
    ]

    /// Each role tries every endpoint it must not reach: 403. Without credentials: 401.
    /// The planning core's token may post plans and nothing else.
    func testEveryRoleIsRefusedWhatItMustNotReach() async throws {
        let s = try await TestService()
        let plan = try examplePlan()
        try await s.test { c in
            _ = try await c.postPlan(plan)
            let admin = try await c.login(.administrator)
            let doc = try await c.issue(admin).json["id"] as? String ?? "?"
            for e in Self.endpoints {
                let body = e.body.map { Data($0.replacingOccurrences(of: "PLAN", with: String(decoding: plan, as: UTF8.self)).utf8) }
                let path = e.path.replacingOccurrences(of: "DOC", with: doc)
                let anonymous = try await c.request(e.method, path, body: body)
                XCTAssertEqual(anonymous.status, .unauthorized, "anonymous \(e.method) \(path)")
                let wrongToken = try await c.request(e.method, path, body: body, bearer: "not-a-token")
                XCTAssertEqual(wrongToken.status, .unauthorized, "bad token \(e.method) \(path)")
                if e.permission != "postPlan" {
                    let token = try await c.request(e.method, path, body: body, bearer: TestService.planningToken)
                    XCTAssertEqual(token.status, .forbidden, "planning token \(e.method) \(path)")
                }
                for role in Role.allCases where !(Self.allowed[role]!.contains(e.permission)) {
                    let login = try await c.login(role)
                    let r = try await c.request(e.method, path, body: body, login: login)
                    XCTAssertEqual(r.status, .forbidden, "\(role.rawValue) \(e.method) \(path): \(r.text)")
                }
            }
            // And what they may do, they can.
            let translator = try await c.login(.translator)
            let preview = try await c.request(.get, "/api/v1/translations/de/preview", login: translator)
            XCTAssertEqual(preview.status, .ok)
            XCTAssertFalse(preview.text.contains("Rossi"), "translators never see patient data")
            let created = try await c.request(.post, "/api/v1/accounts",
                                              body: Data(#"{"name":"newcomer","role":"ward","password":"a-long-password-1"}"#.utf8), login: admin)
            XCTAssertEqual(created.status, .created, created.text)
        }
    }

    func testCookieAttributesCSRFAndLogout() async throws {
        let s = try await TestService()
        let plan = try examplePlan()
        try await s.test { c in
            _ = try await c.postPlan(plan)
            let r = try await c.request(.post, "/api/v1/login", body: Data(#"{"name":"user-front-desk","password":"password-front-desk"}"#.utf8))
            let cookie = r.headers[.setCookie] ?? ""
            for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/", "Max-Age=28800"] {
                XCTAssertTrue(cookie.contains(attribute), "\(attribute) in \(cookie)")
            }
            let desk = try await c.login(.frontDesk)
            let noCSRF = try await c.issue(Client.Login(cookie: desk.cookie, csrf: "wrong"))
            XCTAssertEqual(noCSRF.status, .forbidden)
            let withoutHeader = try await c.request(.post, "/api/v1/documents", body: Data(#"{"planId":"PLN-2026-004217","kind":"consent"}"#.utf8),
                                                    login: desk, csrf: false)
            XCTAssertEqual(withoutHeader.status, .forbidden)
            let none = try await s.registry.documents(planId: "PLN-2026-004217")
            XCTAssertEqual(none.count, 0)
            let session = try await c.request(.get, "/api/v1/session", login: desk)
            XCTAssertEqual(session.json["role"] as? String, "front-desk")
            let logout = try await c.request(.post, "/api/v1/logout", login: desk)
            XCTAssertEqual(logout.status, .noContent)
            let after = try await c.request(.get, "/api/v1/session", login: desk)
            XCTAssertEqual(after.status, .unauthorized)
            let formLogin = try await c.request(.post, "/api/v1/login", body: Data("name=user-ward&password=password-ward".utf8),
                                                contentType: "application/x-www-form-urlencoded")
            XCTAssertEqual(formLogin.status, .unsupportedMediaType, "a cross-site form cannot log in")
        }
    }

    func testSessionsExpire() async throws {
        let s = try await TestService { $0.sessionMinutes = 30 }
        try await s.test { c in
            let ward = try await c.login(.ward)
            let fresh = try await c.request(.get, "/api/v1/session", login: ward)
            XCTAssertEqual(fresh.status, .ok)
            s.clock.advance(29 * 60)
            let still = try await c.request(.get, "/api/v1/session", login: ward)
            XCTAssertEqual(still.status, .ok)
            s.clock.advance(2 * 60)
            let expired = try await c.request(.get, "/api/v1/session", login: ward)
            XCTAssertEqual(expired.status, .unauthorized)
        }
    }

    func testLoginIsRateLimited() async throws {
        let s = try await TestService { $0.loginAttemptsPerMinute = 3 }
        try await s.test { c in
            let wrong = Data(#"{"name":"user-ward","password":"guess"}"#.utf8)
            for _ in 0..<3 {
                let r = try await c.request(.post, "/api/v1/login", body: wrong)
                XCTAssertEqual(r.status, .unauthorized)
            }
            let limited = try await c.request(.post, "/api/v1/login", body: wrong)
            XCTAssertEqual(limited.status, .tooManyRequests)
            XCTAssertEqual(limited.headers[.retryAfter], "60")
            let right = try await c.request(.post, "/api/v1/login", body: Data(#"{"name":"user-ward","password":"password-ward"}"#.utf8))
            XCTAssertEqual(right.status, .tooManyRequests, "even the right password waits")
            s.clock.advance(61)
            let later = try await c.request(.post, "/api/v1/login", body: Data(#"{"name":"user-ward","password":"password-ward"}"#.utf8))
            XCTAssertEqual(later.status, .ok)
        }
    }
}
