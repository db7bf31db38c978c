import Foundation

/// What a facility configures about itself that the plan export does not carry:
/// the `[facility]` table of osteodoc's configuration file (`osteodoc.toml`).
///
/// Every field is optional: a value that is not configured is never invented. The
/// documents then send the patient to the plan's emergency number instead.
public struct FacilitySettings: Sendable, Equatable {
    /// The number to call out of hours (a ward's night line, the switchboard), printed as written.
    public var outOfHoursPhone: String?
    /// When the ward can be reached by phone, as the facility writes it ("lun–ven 8:30–16:30").
    /// Printed as a value, never translated: write it so that every patient can read it.
    public var wardHours: String?
    /// The facility's IANA time zone; "Europe/Rome" when not configured.
    public var timeZone: String

    public static let defaultTimeZone = "Europe/Rome"

    /// No configuration: nothing but the default time zone.
    public static let unconfigured = FacilitySettings()

    public init(outOfHoursPhone: String? = nil, wardHours: String? = nil, timeZone: String = FacilitySettings.defaultTimeZone) {
        self.outOfHoursPhone = outOfHoursPhone
        self.wardHours = wardHours
        self.timeZone = timeZone
    }
}
