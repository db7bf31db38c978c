import Foundation

/// The clock documents are read on: every time of a document is shown in the facility's
/// time zone, and date rules (a minor on the day of the procedure) are judged on it.
public enum FacilityClock {
    /// The time zone of a facility that configures none.
    public static let defaultTimeZoneIdentifier = "Europe/Rome"

    /// `Europe/Rome`. UTC only if the system has no time zone data (setup.sh installs
    /// `tzdata`; `FacilityClockTests` fails without it).
    public static let defaultTimeZone: TimeZone =
        TimeZone(identifier: defaultTimeZoneIdentifier) ?? TimeZone(secondsFromGMT: 0) ?? TimeZone.current
}

/// Calendar arithmetic on `CalendarDate` in the proleptic Gregorian calendar, by day
/// numbers: total (no optional results) for every date, so that nothing derived from a
/// plan's dates needs a force unwrap. Used by the validator and by the renderer alike.
public enum PlanCalendar {
    /// Days from 1970-01-01 to `date` (negative before).
    /// Howard Hinnant's `days_from_civil` ("chrono-Compatible Low-Level Date Algorithms").
    public static func daysSinceUnixEpoch(_ date: CalendarDate) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01: Hinnant's `civil_from_days`, the inverse of
    /// `daysSinceUnixEpoch`.
    public static func date(daysSinceUnixEpoch days: Int) -> CalendarDate {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return CalendarDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Age in whole years on `day` of someone born on `born` (a 29 February birthday
    /// falls on 1 March in common years).
    public static func age(born: CalendarDate, on day: CalendarDate) -> Int {
        var years = day.year - born.year
        if (day.month, day.day) < (born.month, born.day) { years -= 1 }
        return years
    }

    /// The calendar date of an instant on the wall clock of `zone`.
    public static func localDate(_ t: Timestamp, in zone: TimeZone) -> CalendarDate {
        let seconds = Int(t.date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: t.date)
        return date(daysSinceUnixEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
    }
}
