import Foundation
import PlanImport

// Calendar arithmetic in the plan's own UTC offset. Dates are added as calendar
// days, never as multiples of 86,400 s, so a daylight-saving change between two
// dates can never move a printed date by one day.

enum CalendarMath {
    static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(secondsFromGMT: 0)!
        return c
    }()

    /// Noon UTC of a calendar date: a safe instant to format a date-only value.
    static func noonUTC(_ d: CalendarDate) -> Date {
        utc.date(from: DateComponents(year: d.year, month: d.month, day: d.day, hour: 12))!
    }

    static func adding(days: Int, to d: CalendarDate) -> CalendarDate {
        let moved = utc.date(byAdding: .day, value: days, to: noonUTC(d))!
        let c = utc.dateComponents([.year, .month, .day], from: moved)
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)
    }

    /// The local calendar date of an instant, in its own offset.
    static func localDate(_ t: Timestamp) -> CalendarDate {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(secondsFromGMT: t.offsetSeconds)!
        let c = cal.dateComponents([.year, .month, .day], from: t.date)
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)
    }

    static func adding(minutes: Int, to t: Timestamp) -> Timestamp {
        Timestamp(date: t.date.addingTimeInterval(TimeInterval(minutes * 60)), offsetSeconds: t.offsetSeconds)
    }

    /// Age in whole years on a given date.
    static func age(born: CalendarDate, on day: CalendarDate) -> Int {
        var years = day.year - born.year
        if (day.month, day.day) < (born.month, born.day) { years -= 1 }
        return years
    }
}

extension CalendarMath {
    /// 0 for a Monday … 6 for a Sunday.
    static func daysSinceMonday(_ d: CalendarDate) -> Int {
        let weekday = utc.component(.weekday, from: noonUTC(d))  // 1 = Sunday
        return (weekday + 5) % 7
    }
}
