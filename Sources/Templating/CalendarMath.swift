import Foundation
import PlanImport

// Calendar arithmetic on the facility's wall clock. Dates are added as calendar
// days (day numbers), never as multiples of 86,400 s on an instant, so a daylight-saving
// change between two dates can never move a printed date by one day.

enum CalendarMath {
    static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(secondsFromGMT: 0) ?? c.timeZone
        return c
    }()

    /// Noon UTC of a calendar date: a safe instant to format a date-only value.
    static func noonUTC(_ d: CalendarDate) -> Date {
        // Days from the epoch (proleptic Gregorian, as the validator counts them): no
        // Calendar round trip, so nothing here can fail for any date.
        Date(timeIntervalSince1970: TimeInterval(PlanCalendar.daysSinceUnixEpoch(d) * 86_400 + 12 * 3600))
    }

    static func adding(days: Int, to d: CalendarDate) -> CalendarDate {
        PlanCalendar.date(daysSinceUnixEpoch: PlanCalendar.daysSinceUnixEpoch(d) + days)
    }

    /// The calendar date of an instant on the facility's wall clock.
    static func localDate(_ t: Timestamp, in zone: TimeZone) -> CalendarDate {
        PlanCalendar.localDate(t, in: zone)
    }

    /// The first instant of a calendar date on the facility's wall clock (its midnight, or
    /// the first minute after it on a day whose midnight is skipped).
    static func startOfDay(_ d: CalendarDate, in zone: TimeZone) -> Date {
        let midnightUTC = noonUTC(d).addingTimeInterval(-12 * 3600)
        // The offset in force at that local midnight; one correction covers a change during the night.
        let guess = midnightUTC.addingTimeInterval(TimeInterval(-zone.secondsFromGMT(for: midnightUTC)))
        return midnightUTC.addingTimeInterval(TimeInterval(-zone.secondsFromGMT(for: guess)))
    }

    static func adding(minutes: Int, to t: Timestamp) -> Timestamp {
        Timestamp(date: t.date.addingTimeInterval(TimeInterval(minutes * 60)), offsetSeconds: t.offsetSeconds)
    }

    /// Age in whole years on a given date.
    static func age(born: CalendarDate, on day: CalendarDate) -> Int { PlanCalendar.age(born: born, on: day) }
}

extension CalendarMath {
    /// 0 for a Monday … 6 for a Sunday.
    static func daysSinceMonday(_ d: CalendarDate) -> Int {
        let weekday = utc.component(.weekday, from: noonUTC(d))  // 1 = Sunday
        return (weekday + 5) % 7
    }
}
