import Foundation

/// RFC 3339 §5.6: `full-date` and `date-time`, the latter with a mandatory offset.
///
/// Hand-written rather than `ISO8601DateFormatter`: the formatter accepts more than
/// the grammar, does not report *why* a value is wrong, and does not apply this
/// contract's offset rule (`UTCOffset`).
enum RFC3339 {
    /// A `date-time` as written: its local calendar date and the instant with its offset.
    struct DateTime {
        var localDate: CalendarDate
        var timestamp: Timestamp
    }

    enum Failure: Error {
        /// Not the `YYYY-MM-DDThh:mm:ss[.frac](Z|±hh:mm)` shape.
        case format
        /// A date-time without `Z` or `±hh:mm`.
        case missingOffset
        /// `-00:00`, which RFC 3339 §4.3 defines as "local offset unknown".
        case unknownOffset
        /// Month or day outside the calendar (e.g. February 30).
        case invalidDate
        /// Hour, minute or second out of range. A leap second (`:60`) is refused
        /// too: `Date` cannot represent it, and none is scheduled.
        case invalidTime
        /// Minutes above 59, or an offset outside `UTCOffset.validSeconds`.
        case invalidOffset
    }

    /// Parses `YYYY-MM-DD`.
    static func fullDate(_ text: String) -> Result<CalendarDate, Failure> {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return .failure(.format) }
        return date(bytes)
    }

    /// Parses `YYYY-MM-DDThh:mm:ss[.frac](Z|±hh:mm)`; `T` and `Z` may be lower case
    /// (RFC 3339 §5.6 note).
    static func dateTime(_ text: String) -> Result<DateTime, Failure> {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2)
        else { return .failure(.format) }
        let localDate: CalendarDate
        switch date(bytes[0..<10]) {
        case .success(let d): localDate = d
        case .failure(let failure): return .failure(failure)
        }

        var i = 19
        var fraction = 0.0
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            let start = i + 1
            i = start
            while i < bytes.count, bytes[i].isASCIIDigit { i += 1 }
            guard i > start else { return .failure(.format) }
            fraction = Double("0." + String(decoding: bytes[start..<i], as: UTF8.self)) ?? 0
        }

        let offsetSeconds: Int
        guard i < bytes.count else { return .failure(.missingOffset) }
        switch bytes[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == bytes.count else { return .failure(.format) }
            offsetSeconds = 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard i + 6 == bytes.count, bytes[i + 3] == UInt8(ascii: ":"),
                  let offsetHours = number(bytes, i + 1, 2), let offsetMinutes = number(bytes, i + 4, 2)
            else { return .failure(.format) }
            let magnitude = offsetHours * 3600 + offsetMinutes * 60
            let negative = bytes[i] == UInt8(ascii: "-")
            if negative && magnitude == 0 { return .failure(.unknownOffset) }
            offsetSeconds = negative ? -magnitude : magnitude
            guard offsetMinutes <= 59, UTCOffset.isValid(offsetSeconds) else { return .failure(.invalidOffset) }
        default:
            return .failure(.format)
        }
        guard hour <= 23, minute <= 59, second <= 59 else { return .failure(.invalidTime) }

        let localSeconds = daysSinceUnixEpoch(localDate) * 86_400 + hour * 3600 + minute * 60 + second
        let instant = Date(timeIntervalSince1970: Double(localSeconds - offsetSeconds) + fraction)
        return .success(DateTime(localDate: localDate,
                                 timestamp: Timestamp(date: instant, offsetSeconds: offsetSeconds)))
    }

    /// Whether the date exists in the proleptic Gregorian calendar.
    static func isValid(_ date: CalendarDate) -> Bool {
        (1...12).contains(date.month) && date.day >= 1 && date.day <= daysInMonth(date.year, date.month)
    }

    /// Days from 1970-01-01 to `date` (negative before), proleptic Gregorian.
    static func daysSinceUnixEpoch(_ date: CalendarDate) -> Int { PlanCalendar.daysSinceUnixEpoch(date) }

    private static func date(_ bytes: some RandomAccessCollection<UInt8>) -> Result<CalendarDate, Failure> {
        let b = Array(bytes)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let year = number(b, 0, 4), let month = number(b, 5, 2), let day = number(b, 8, 2)
        else { return .failure(.format) }
        let date = CalendarDate(year: year, month: month, day: day)
        return isValid(date) ? .success(date) : .failure(.invalidDate)
    }

    private static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The decimal value of `count` ASCII digits at `start`, or `nil` if any is not a digit.
    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard let digit = byte.asciiDigitValue else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}
