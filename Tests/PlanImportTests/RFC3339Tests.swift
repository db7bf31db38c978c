import Foundation
import XCTest
@testable import PlanImport

final class RFC3339Tests: XCTestCase {
    func testDateTimeKeepsLocalDateAndOffset() throws {
        let parsed = try RFC3339.dateTime("2026-12-03T00:30:00+01:00").get()
        XCTAssertEqual(parsed.localDate, CalendarDate(year: 2026, month: 12, day: 3))
        XCTAssertEqual(parsed.timestamp.offsetSeconds, 3600)
        XCTAssertEqual(parsed.timestamp.date, ISO8601DateFormatter().date(from: "2026-12-02T23:30:00Z"))
    }

    func testFractionalSeconds() throws {
        let whole = try RFC3339.dateTime("2026-12-03T09:30:00Z").get().timestamp.date
        let fraction = try RFC3339.dateTime("2026-12-03T09:30:00.125Z").get().timestamp.date
        XCTAssertEqual(fraction.timeIntervalSince(whole), 0.125, accuracy: 1e-6)
    }

    func testFailures() {
        let cases: [(String, RFC3339.Failure)] = [
            ("2026-12-03T09:30:00", .missingOffset),
            ("2026-12-03T09:30:00.5", .missingOffset),
            ("2026-12-03T09:30:00-00:00", .unknownOffset),
            ("2026-02-29T09:30:00Z", .invalidDate),
            ("2024-02-30T09:30:00Z", .invalidDate),
            ("2026-12-03T23:60:00Z", .invalidTime),
            ("2026-12-03T09:30:00+01:60", .invalidOffset),
            ("2026-12-03 09:30:00Z", .format),
            ("2026-12-03T09:30Z", .format),
            ("2026-12-03T09:30:00ZZ", .format),
            ("2026-12-03T09:30:00+1:00", .format),
            ("２026-12-03T09:30:00Z", .format),
        ]
        for (text, expected) in cases {
            guard case .failure(let failure) = RFC3339.dateTime(text) else {
                XCTFail("\(text) parsed")
                continue
            }
            XCTAssertEqual(failure, expected, text)
        }
    }

    func testLeapYears() {
        XCTAssertNotNil(try? RFC3339.fullDate("2000-02-29").get())
        XCTAssertNotNil(try? RFC3339.fullDate("2024-02-29").get())
        XCTAssertNil(try? RFC3339.fullDate("1900-02-29").get())
        XCTAssertNil(try? RFC3339.fullDate("2026-02-29").get())
    }

    func testDaysSinceEpochAgreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for (y, m, d) in [(1970, 1, 1), (1900, 1, 1), (1951, 3, 12), (2000, 2, 29), (2026, 12, 3), (1969, 12, 31)] {
            let date = try XCTUnwrap(calendar.date(from: DateComponents(year: y, month: m, day: d)))
            XCTAssertEqual(RFC3339.daysSinceUnixEpoch(CalendarDate(year: y, month: m, day: d)),
                           Int(date.timeIntervalSince1970 / 86_400), "\(y)-\(m)-\(d)")
        }
    }
}
