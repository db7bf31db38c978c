import Foundation
import TOMLKit

/// A configuration file that cannot be used: the message names the file, the key and the rule.
public struct SettingsError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension FacilitySettings {
    /// Keys of the `[facility]` table; any other key in it is refused (a misspelt key must not
    /// silently leave a number off the documents). Other tables (`[server]`, …) belong to other
    /// parts of osteodoc and are ignored here.
    public static let keys: Set<String> = ["out-of-hours-phone", "ward-hours", "time-zone"]

    /// Parses the text of an osteodoc configuration file (TOML). A file without a `[facility]`
    /// table gives ``unconfigured``.
    /// - Parameter file: the file's name, for error messages.
    public static func parse(toml text: String, file: String = "osteodoc.toml") throws -> FacilitySettings {
        let root: TOMLTable
        do { root = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw SettingsError("\(file):\(e.source.begin.line): \(e.description)")
        } catch {
            throw SettingsError("\(file): not valid TOML")
        }
        guard let value = root["facility"] else { return .unconfigured }
        guard let table = value.table else { throw SettingsError("\(file): facility: must be a table ([facility])") }
        for key in table.keys.sorted() where !keys.contains(key) {
            throw SettingsError("\(file): facility.\(key): unknown key (known: \(keys.sorted().joined(separator: ", ")))")
        }
        func string(_ key: String) throws -> String? {
            guard let v = table[key] else { return nil }
            guard let s = v.string else { throw SettingsError("\(file): facility.\(key): must be a string") }
            let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw SettingsError("\(file): facility.\(key): must not be empty") }
            guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw SettingsError("\(file): facility.\(key): must be one line without control characters")
            }
            return trimmed
        }
        var settings = FacilitySettings(outOfHoursPhone: try string("out-of-hours-phone"), wardHours: try string("ward-hours"))
        if let zone = try string("time-zone") {
            guard TimeZone(identifier: zone) != nil else {
                throw SettingsError("\(file): facility.time-zone: \"\(zone)\" is not an IANA time zone (e.g. Europe/Rome)")
            }
            settings.timeZone = zone
        }
        return settings
    }

    /// Reads and parses a configuration file.
    public static func load(contentsOf url: URL) throws -> FacilitySettings {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SettingsError("\(url.lastPathComponent): cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw SettingsError("\(url.lastPathComponent): not UTF-8") }
        return try parse(toml: text, file: url.lastPathComponent)
    }
}
