extension Node {
    /// An RFC 3339 date-time with an offset (`2026-12-03T09:30:00+01:00`).
    func dateTime() -> RFC3339.DateTime? {
        guard case .string(let string) = value else {
            report("must be a string")
            return nil
        }
        switch RFC3339.dateTime(string) {
        case .success(let dateTime):
            return dateTime
        case .failure(let failure):
            report(Self.message(for: failure))
            return nil
        }
    }

    /// A `YYYY-MM-DD` calendar date.
    func date() -> CalendarDate? {
        guard case .string(let string) = value else {
            report("must be a string")
            return nil
        }
        switch RFC3339.fullDate(string) {
        case .success(let date):
            return date
        case .failure(.invalidDate):
            report("must be a valid calendar date")
            return nil
        case .failure:
            report("must be a date in the form YYYY-MM-DD")
            return nil
        }
    }

    private static func message(for failure: RFC3339.Failure) -> String {
        switch failure {
        case .format: "must be an RFC 3339 date-time with offset, like 2026-12-03T09:30:00+01:00"
        case .missingOffset: "must include a UTC offset (Z, +hh:mm or -hh:mm)"
        case .unknownOffset: "must not use -00:00 (unknown local offset)"
        case .invalidDate: "must be a valid calendar date"
        case .invalidTime: "must be a valid time of day (00:00:00 to 23:59:59)"
        case .invalidOffset: UTCOffset.rule
        }
    }
}
