import Foundation
import Settings
import XCTest

final class FacilitySettingsTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testTheShippedExampleParses() throws {
        let s = try FacilitySettings.load(contentsOf: root.appendingPathComponent("examples/osteodoc.toml"))
        XCTAssertEqual(s, FacilitySettings(outOfHoursPhone: "+39 010 555 0100", wardHours: "lun–ven 8:30–16:30", timeZone: "Europe/Rome"))
    }

    func testOtherTablesAreIgnoredAndMissingKeysStayMissing() throws {
        let s = try FacilitySettings.parse(toml: """
            [server]
            port = 8080
            [database]
            url = "postgres://localhost/osteodoc"
            [facility]
            ward-hours = "Mo–Fr 8–16"
            [printers.ward]
            queue = "cups-pdf"
            """)
        XCTAssertEqual(s.wardHours, "Mo–Fr 8–16")
        XCTAssertNil(s.outOfHoursPhone, "never invented")
        XCTAssertEqual(s.timeZone, "Europe/Rome", "the default")
    }

    func testNoFacilityTableMeansUnconfigured() throws {
        XCTAssertEqual(try FacilitySettings.parse(toml: "[server]\nport = 1\n"), .unconfigured)
        XCTAssertEqual(try FacilitySettings.parse(toml: ""), .unconfigured)
    }

    func testErrorsNameTheKey() {
        func message(_ toml: String) -> String {
            do { _ = try FacilitySettings.parse(toml: toml, file: "x.toml"); return "no error" } catch {
                return String(describing: error)
            }
        }
        XCTAssertEqual(message("[facility]\nout-of-hours = \"1\"\n"),
                       "x.toml: facility.out-of-hours: unknown key (known: out-of-hours-phone, time-zone, ward-hours)")
        XCTAssertEqual(message("[facility]\nout-of-hours-phone = 112\n"), "x.toml: facility.out-of-hours-phone: must be a string")
        XCTAssertEqual(message("[facility]\nward-hours = \"  \"\n"), "x.toml: facility.ward-hours: must not be empty")
        XCTAssertEqual(message("[facility]\ntime-zone = \"Mars/Olympus\"\n"),
                       "x.toml: facility.time-zone: \"Mars/Olympus\" is not an IANA time zone (e.g. Europe/Rome)")
        XCTAssertEqual(message("facility = 3\n"), "x.toml: facility: must be a table ([facility])")
        XCTAssertTrue(message("[facility\n").hasPrefix("x.toml:1: "), message("[facility\n"))
    }

    func testAnUnreadableFileIsAnError() {
        XCTAssertThrowsError(try FacilitySettings.load(contentsOf: URL(fileURLWithPath: "/nonexistent/osteodoc.toml"))) {
            XCTAssertEqual(String(describing: $0), "osteodoc.toml: cannot be read")
        }
    }
}
