import Foundation
import Service
import XCTest

final class ConfigurationTests: XCTestCase {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func testTheFileThenTheEnvironment() throws {
        let dir = try folder()
        try """
            [facility]
            name = "Ospedale"
            [server]
            port = 9090
            host = "0.0.0.0"
            [database]
            url = "postgres://u:p@db:5432/osteodoc"
            [auth]
            secure-cookies = false
            [inbox]
            folder = "/srv/inbox"
            """.write(to: dir.appendingPathComponent("osteodoc.toml"), atomically: true, encoding: .utf8)
        let c = try ServiceConfiguration.load(dataFolder: dir, environment: ["OSTEODOC_SERVER_PORT": "7070", "OSTEODOC_AUTH_SESSION_MINUTES": "15"])
        XCTAssertEqual(c.port, 7070, "the environment wins")
        XCTAssertEqual(c.host, "0.0.0.0")
        XCTAssertEqual(c.databaseURL, "postgres://u:p@db:5432/osteodoc")
        XCTAssertNil(c.sqlitePath)
        XCTAssertEqual(c.sessionMinutes, 15)
        XCTAssertFalse(c.secureCookies)
        XCTAssertEqual(c.inboxURL.path, "/srv/inbox")
    }

    func testBadValuesNameTheSetting() throws {
        let dir = try folder()
        XCTAssertThrowsError(try ServiceConfiguration.load(dataFolder: dir, environment: ["OSTEODOC_SERVER_PORT": "eighty"])) {
            XCTAssertEqual(($0 as? ConfigurationError)?.description, "server.port: must be a whole number ≥ 0")
        }
        try "[server\nport = 1".write(to: dir.appendingPathComponent("osteodoc.toml"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ServiceConfiguration.load(dataFolder: dir, environment: [:])) {
            XCTAssertTrue(($0 as? ConfigurationError)?.description.hasPrefix("osteodoc.toml: line 1") ?? false, "\($0)")
        }
    }

    /// The commented file --init writes reads back as the defaults; --help names every setting.
    func testTheCommentedFileIsTheDefaultsAndHelpListsEverySetting() throws {
        let dir = try folder()
        try ServiceConfiguration.commentedFile.write(to: dir.appendingPathComponent("osteodoc.toml"), atomically: true, encoding: .utf8)
        let c = try ServiceConfiguration.load(dataFolder: dir, environment: [:])
        XCTAssertEqual(c, ServiceConfiguration(dataFolder: dir))
        XCTAssertEqual(c.sqlitePath, dir.appendingPathComponent("registry.sqlite").path)
        for s in ServiceConfiguration.settings {
            XCTAssertTrue(ServiceConfiguration.helpText.contains(s.name) && ServiceConfiguration.helpText.contains(s.environmentVariable), s.name)
            XCTAssertTrue(ServiceConfiguration.commentedFile.contains(s.environmentVariable), s.name)
        }
    }

    func testInitMakesTheFolderAnAdministratorAndAToken() async throws {
        let dir = try folder().appendingPathComponent("data")
        let result = try await ServerBootstrap.initialize(dataFolder: dir)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("osteodoc.toml").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("registry.sqlite").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("inbox/accepted").path))
        XCTAssertGreaterThanOrEqual(result.password.count, 16)
        do { _ = try await ServerBootstrap.initialize(dataFolder: dir); XCTFail("--init twice") } catch {}
    }
}
