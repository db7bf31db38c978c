import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import Registry
import Service
import XCTest

/// A clock the test moves by hand.
final class TestClock: ServiceClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_796_000_000)
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current.addTimeInterval(seconds) } }
}

/// A value a live-server closure finds, for the checks that run after the server stopped.
final class Found<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    var value: Value? { lock.withLock { stored } }
    func set(_ value: Value) { lock.withLock { stored = value } }
}

/// Every log line the service wrote.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var captured: [String] = []
    var lines: [String] { lock.withLock { captured } }
    func append(_ line: String) { lock.withLock { captured.append(line) } }
}

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func examplePlan(_ change: (inout [String: Any]) -> Void = { _ in }) throws -> Data {
    var json = try JSONSerialization.jsonObject(with: Data(contentsOf: repositoryRoot.appendingPathComponent("examples/plan.json"))) as! [String: Any]
    change(&json)
    return try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
}

func withoutOutcome(_ json: inout [String: Any]) { json.removeValue(forKey: "outcome") }

/// One engine for the whole test process (loading fonts and content once).
let sharedEngine: DocumentEngine = try! DocumentEngine(resources: repositoryRoot)

/// A service over a fresh SQLite registry, with a fixed clock, captured logs, one account per role
/// (password "password-<role>") and the planning core's token "planning-token".
struct TestService {
    let folder: URL
    let clock = TestClock()
    let logs = LogCapture()
    let registry: any Registry
    let service: OsteodocService
    static let roles: [Role] = Role.allCases
    static let planningToken = "planning-token"

    init(registry: (any Registry)? = nil, spooler: (any PrintSpooler)? = nil,
         configure: (inout ServiceConfiguration) -> Void = { _ in }) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-svc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = ServiceConfiguration(dataFolder: folder)
        configuration.port = 0
        configuration.bcryptCost = 4
        configuration.inboxSettleMilliseconds = 200
        configure(&configuration)
        let registry = try registry ?? SQLiteRegistry(path: configuration.sqlitePath!)
        self.registry = registry
        let logs = self.logs
        let logger = Logger(label: "osteodoc.test", factory: { JSONLogHandler(label: $0, level: .debug, sink: { logs.append($0) }) })
        service = try OsteodocService(registry: registry, engine: sharedEngine, clock: clock, configuration: configuration, logger: logger,
                                      spooler: spooler)
        for role in Self.roles {
            try await registry.createAccount(StaffAccount(name: "user-\(role.rawValue)", role: role,
                                                          passwordHash: Bcrypt.hash("password-\(role.rawValue)", cost: 4), createdAt: clock.now))
        }
        try await registry.createAPIToken(APIToken(hash: Hash.sha256(Data(Self.planningToken.utf8)), name: "planning-core", createdAt: clock.now))
    }

    func application() throws -> some ApplicationProtocol { try ServerBootstrap.makeApplication(service) }

    /// Runs `body` against the live server (a real socket on loopback).
    func test(_ body: @escaping @Sendable (Client) async throws -> Void) async throws {
        try await application().test(.live) { client in try await body(Client(client: client)) }
    }
}

/// A test client that knows how to sign in.
struct Client: Sendable {
    let client: any TestClientProtocol

    struct Reply: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// A staff session: the cookie and CSRF token to send.
    struct Login: Sendable { var cookie: String; var csrf: String }

    func request(_ method: HTTPRequest.Method, _ uri: String, body: Data? = nil, contentType: String? = "application/json",
                 login: Login? = nil, csrf: Bool = true, bearer: String? = nil) async throws -> Reply {
        var headers: HTTPFields = [:]
        if let contentType, body != nil { headers[.contentType] = contentType }
        if let login {
            headers[.cookie] = "osteodoc_session=\(login.cookie)"
            if csrf { headers[HTTPField.Name("X-CSRF-Token")!] = login.csrf }
        }
        if let bearer { headers[.authorization] = "Bearer \(bearer)" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) }) { response in
            Reply(status: response.status, headers: response.headers, body: Data(response.body.readableBytesView))
        }
    }

    func login(_ role: Role) async throws -> Login {
        let r = try await request(.post, "/api/v1/login", body: Data("{\"name\":\"user-\(role.rawValue)\",\"password\":\"password-\(role.rawValue)\"}".utf8))
        XCTAssertEqual(r.status, .ok, r.text)
        let cookie = r.headers[.setCookie] ?? ""
        let token = cookie.split(separator: ";").first.map { String($0.dropFirst("osteodoc_session=".count)) } ?? ""
        return Login(cookie: token, csrf: r.json["csrfToken"] as? String ?? "")
    }

    func postPlan(_ data: Data) async throws -> Reply {
        try await request(.post, "/api/v1/plans", body: data, bearer: TestService.planningToken)
    }

    /// Posts `plan`, signs in at the front desk and issues the consent: the session and the document id.
    func frontDeskWithConsent(_ plan: Data) async throws -> (desk: Login, id: String) {
        _ = try await postPlan(plan)
        let desk = try await login(.frontDesk)
        let issued = try await issue(desk)
        XCTAssertEqual(issued.status, .created, issued.text)
        return (desk, try XCTUnwrap(issued.json["id"] as? String))
    }

    func issue(_ login: Login, planId: String = "PLN-2026-004217", kind: String = "consent", languages: [String]? = nil,
               reason: String? = nil, revision: Int? = nil) async throws -> Reply {
        var body: [String: Any] = ["planId": planId, "kind": kind]
        if let languages { body["languages"] = languages }
        if let reason { body["reason"] = reason }
        if let revision { body["revision"] = revision }
        return try await request(.post, "/api/v1/documents", body: try JSONSerialization.data(withJSONObject: body), login: login)
    }
}
