import Foundation
import PlanImport
import Settings
@testable import Templating
import XCTest

/// Issue 14 class 8: one sheet, one clock. Times written with different offsets are all
/// shown on the facility's clock (Europe/Rome unless configured), so the schedule reads in order.
final class FacilityClockTests: XCTestCase {
    /// An instant written in UTC with the given offset kept (as the decoder keeps it).
    private func at(_ utc: String, offset: Int) -> Timestamp {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return Timestamp(date: f.date(from: utc) ?? Date(timeIntervalSince1970: 0), offsetSeconds: offset)
    }

    func testTheDefaultZoneIsRomeAndTheSystemHasIt() throws {
        XCTAssertEqual(FacilityClock.defaultTimeZone.identifier, "Europe/Rome", "tzdata missing? setup.sh installs it")
        XCTAssertEqual(italianFormatter().timeZone.identifier, "Europe/Rome")
    }

    func testMixedOffsetsPrintAsOneSchedule() throws {
        var plan = examplePlan()
        // 08:42Z, 11:51+02:00 (= 09:51Z), 14:30Z: on the ward's clock 9:42, 10:51, 15:30.
        plan.outcome?.performedStart = at("2026-12-03T08:42:00Z", offset: 0)
        plan.outcome?.performedEnd = at("2026-12-03T09:51:00Z", offset: 7200)
        plan.outcome?.dischargeAt = at("2026-12-03T14:30:00Z", offset: 0)
        let vm = try build(plan, .discharge)
        let outcome = try XCTUnwrap(vm.outcome)
        XCTAssertTrue(outcome.started.hasSuffix("9:42"), outcome.started)
        XCTAssertEqual(outcome.ended, "10:51")
        XCTAssertTrue(outcome.discharge.hasSuffix("15:30"), outcome.discharge)
        // The same plan written all in +01:00 gives the same words.
        let reference = try XCTUnwrap(try build(examplePlan(), .discharge).outcome)
        XCTAssertEqual(outcome.started, reference.started)
        XCTAssertEqual(outcome.ended, reference.ended)
        XCTAssertEqual(outcome.discharge, reference.discharge)
    }

    func testTheDateIsTheFacilitysDate() throws {
        var plan = examplePlan()
        // 23:30Z on 2 December is 00:30 on 3 December in Rome: the procedure is on the 3rd.
        plan.procedure.scheduledStart = at("2026-12-02T23:30:00Z", offset: 0)
        let vm = try build(plan)
        XCTAssertTrue(vm.procedure.scheduled.contains("3 dicembre 2026"), vm.procedure.scheduled)
        XCTAssertTrue(vm.procedure.scheduled.hasSuffix("0:30"), vm.procedure.scheduled)
    }

    func testSummerTime() throws {
        var plan = examplePlan()
        plan.procedure.scheduledStart = at("2026-07-01T07:30:00Z", offset: 0)
        XCTAssertTrue(try build(plan).procedure.scheduled.hasSuffix("9:30"), "CEST is UTC+2")
    }

    func testAConfiguredZone() throws {
        var plan = examplePlan()
        plan.procedure.scheduledStart = at("2026-12-03T08:30:00Z", offset: 3600)
        let london = try ViewModelBuilder.build(plan: plan, kind: .consent, formatter: italianFormatter(), documentId: "CI",
                                                contentVersion: "1", settings: FacilitySettings(timeZone: "Europe/London"))
        XCTAssertTrue(london.procedure.scheduled.hasSuffix("8:30"), london.procedure.scheduled)
    }

    /// An offset the old renderer could not represent (beyond ±18 h) no longer reaches a
    /// TimeZone at all: only the instant is used.
    func testTheOffsetAsWrittenIsNeverUsedForDisplay() throws {
        var plan = examplePlan()
        plan.procedure.scheduledStart = at("2026-12-03T08:30:00Z", offset: 23 * 3600 + 59 * 60)
        XCTAssertTrue(try build(plan).procedure.scheduled.hasSuffix("9:30"))
    }

    func testStartOfDayAcrossTheDaylightSavingChange() throws {
        let rome = FacilityClock.defaultTimeZone
        // 29 March 2026: clocks go forward at 02:00; midnight is still 23:00Z the day before.
        let start = CalendarMath.startOfDay(CalendarDate(year: 2026, month: 3, day: 29), in: rome)
        XCTAssertEqual(start, ISO8601DateFormatter().date(from: "2026-03-28T23:00:00Z"))
        let autumn = CalendarMath.startOfDay(CalendarDate(year: 2026, month: 10, day: 26), in: rome)
        XCTAssertEqual(autumn, ISO8601DateFormatter().date(from: "2026-10-25T23:00:00Z"))
    }

    func testDayArithmeticMatchesTheCalendar() {
        for days in stride(from: -80_000, through: 80_000, by: 997) {
            let date = PlanCalendar.date(daysSinceUnixEpoch: days)
            XCTAssertEqual(PlanCalendar.daysSinceUnixEpoch(date), days)
        }
        XCTAssertEqual(CalendarMath.adding(days: 1, to: CalendarDate(year: 2028, month: 2, day: 28)), CalendarDate(year: 2028, month: 2, day: 29))
        XCTAssertEqual(CalendarMath.adding(days: 365, to: CalendarDate(year: 2026, month: 12, day: 3)), CalendarDate(year: 2027, month: 12, day: 3))
    }
}
