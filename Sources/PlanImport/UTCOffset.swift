/// The UTC offsets a plan may write: one definition, used by the validator (`RFC3339`)
/// and by everything that later turns a `Timestamp` into a wall-clock time.
///
/// RFC 3339's grammar allows any `±hh:mm` with hours 00–23, but no time zone of the IANA
/// database has had an offset outside −12:00…+14:00 since standard time was adopted, and
/// Foundation's `TimeZone(secondsFromGMT:)` exists only within ±18 hours: `+23:59` once
/// passed `plan check` and then aborted rendering. Whole minutes only (the grammar has no
/// seconds); `-00:00` ("local offset unknown", RFC 3339 §4.3) is refused by the parser.
public enum UTCOffset {
    /// Every valid offset, in seconds east of UTC.
    public static let validSeconds = (-12 * 3600)...(14 * 3600)

    /// Whether `seconds` is an offset a plan may use.
    public static func isValid(_ seconds: Int) -> Bool {
        validSeconds.contains(seconds) && seconds % 60 == 0
    }

    /// The rule as the validator states it.
    static let rule = "must have an offset between -12:00 and +14:00"
}
