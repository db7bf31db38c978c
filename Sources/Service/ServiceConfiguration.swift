import Foundation
import TOMLKit

/// The server's settings: one TOML file in the data folder (`osteodoc.toml`), each setting
/// overridable by an environment variable (`OSTEODOC_<TABLE>_<KEY>`, e.g. `OSTEODOC_SERVER_PORT`),
/// and `--host`/`--port` on the command line over both. `[facility]` lives in the same file and is
/// read by `Settings.FacilitySettings`; this type reads the server's tables only. Keys are
/// kebab-case like the facility's (`max-body-bytes`).
public struct ServiceConfiguration: Sendable, Equatable {
    public var dataFolder: URL
    public var host = "127.0.0.1"
    public var port = 8080
    public var maxBodyBytes = 1_048_576
    public var maxScanBytes = 33_554_432
    public var logLevel = "info"
    public var resources: String?
    public var tlsCertificate: String?
    public var tlsKey: String?
    public var databaseURL = "sqlite:registry.sqlite"
    public var databaseTimeoutSeconds = 3
    public var sessionMinutes = 480
    public var loginAttemptsPerMinute = 5
    public var bcryptCost = 12
    public var secureCookies = true
    public var printerConsent: String?
    public var printerDischarge: String?
    public var cupsServer: String?
    public var inboxEnabled = true
    public var inboxFolder = "inbox"
    public var inboxPollMilliseconds = 500
    public var inboxSettleMilliseconds = 1000

    public init(dataFolder: URL) { self.dataFolder = dataFolder }

    /// The configuration file's name inside the data folder.
    public static let fileName = "osteodoc.toml"

    /// Every setting: TOML key, environment variable, default and meaning (for `--help` and `--init`).
    public static let settings: [Setting] = [
        Setting("server", "host", "127.0.0.1", "address to listen on; keep 127.0.0.1 behind a reverse proxy", \.host),
        Setting("server", "port", "8080", "TCP port", \.port),
        Setting("server", "max-body-bytes", "1048576", "largest request body accepted (the plan contract allows 1 MiB)", \.maxBodyBytes),
        Setting("server", "max-scan-bytes", "33554432", "largest scan of a signed document accepted (PDF, PNG or JPEG)", \.maxScanBytes),
        Setting("server", "log-level", "info", "trace, debug, info, notice, warning, error, critical", \.logLevel),
        Setting("server", "resources", nil, "folder holding templates/ and locales/ (default: found next to the program)", \.resources),
        Setting("server", "tls-certificate", nil, "PEM certificate chain: serve HTTPS directly (else run behind a TLS reverse proxy)", \.tlsCertificate),
        Setting("server", "tls-key", nil, "PEM private key of tls_certificate", \.tlsKey),
        Setting("database", "url", "sqlite:registry.sqlite", "sqlite:<file in the data folder> or postgres://user:password@host:port/database", \.databaseURL),
        Setting("database", "timeout-seconds", "3", "how long a registry call may wait before the request gets 503", \.databaseTimeoutSeconds),
        Setting("auth", "session-minutes", "480", "a login session expires after this many minutes", \.sessionMinutes),
        Setting("auth", "login-attempts-per-minute", "5", "failed logins allowed per account and per address each minute", \.loginAttemptsPerMinute),
        Setting("auth", "bcrypt-cost", "12", "bcrypt work factor for staff passwords (4–31)", \.bcryptCost),
        Setting("auth", "secure-cookies", "true", "mark the session cookie Secure (browsers send it over HTTPS and to localhost only)", \.secureCookies),
        Setting("printers", "consent", nil, "CUPS queue for consent forms and preparation sheets", \.printerConsent),
        Setting("printers", "discharge", nil, "CUPS queue for discharge sheets", \.printerDischarge),
        Setting("printers", "server", nil, "CUPS scheduler, host:port or socket path (default: the system's, as for lp)", \.cupsServer),
        Setting("inbox", "enabled", "true", "take plan files dropped into the inbox folder", \.inboxEnabled),
        Setting("inbox", "folder", "inbox", "inbox folder (relative to the data folder); accepted/ and rejected/ are made inside it", \.inboxFolder),
        Setting("inbox", "poll-milliseconds", "500", "how often the inbox is looked at", \.inboxPollMilliseconds),
        Setting("inbox", "settle-milliseconds", "1000", "a file is read only after its size and time stayed the same this long", \.inboxSettleMilliseconds),
    ]

    /// Reads `osteodoc.toml` from the data folder (when present), then the environment.
    public static func load(dataFolder: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> ServiceConfiguration {
        var configuration = ServiceConfiguration(dataFolder: dataFolder)
        let file = dataFolder.appendingPathComponent(fileName)
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            let table: TOMLTable
            do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
                throw .syntax(file: fileName, line: e.source.begin.line)
            } catch { throw .syntax(file: fileName, line: 0) }
            for setting in settings {
                guard let value = table[setting.table]?.table?[setting.key] else { continue }
                let text = value.string ?? value.int.map(String.init) ?? value.bool.map(String.init)
                guard let text else { throw .invalid(setting.name, "must be a string, an integer or true/false") }
                try setting.apply(text, &configuration)
            }
        }
        for setting in settings {
            if let text = environment[setting.environmentVariable] { try setting.apply(text, &configuration) }
        }
        return configuration
    }

    /// The text of `--help`: every setting with its environment variable and default.
    public static var helpText: String {
        var lines = ["Settings (\(fileName) in the data folder; environment variables override the file):"]
        for s in settings {
            lines.append("  \(s.name) (\(s.environmentVariable)), default \(s.defaultValue ?? "unset"): \(s.help)")
        }
        return lines.joined(separator: "\n")
    }

    /// A commented configuration file with every setting at its default.
    public static var commentedFile: String {
        var out = """
            # osteodoc server configuration (TOML). Every setting can be overridden by an environment
            # variable, named in the comment; `osteodoc serve --help` lists them all.
            # [facility] is read by the document renderer (see examples/osteodoc.toml); it refuses unknown keys.

            # [facility]
            # out-of-hours-phone = "+39 010 555 0100"
            # ward-hours = "lun–ven 8:30–16:30"
            # time-zone = "Europe/Rome"

            """
        var table = ""
        for s in settings {
            if s.table != table { out += "\n[\(s.table)]\n"; table = s.table }
            out += "# \(s.help) (\(s.environmentVariable))\n"
            if let d = s.defaultValue {
                out += s.isText ? "\(s.key) = \"\(d)\"\n" : "\(s.key) = \(d)\n"
            } else {
                out += "# \(s.key) = \"\"\n"
            }
        }
        return out
    }

    /// Where the SQLite file is, when the registry is embedded.
    public var sqlitePath: String? {
        guard databaseURL.hasPrefix("sqlite:") else { return nil }
        let name = String(databaseURL.dropFirst("sqlite:".count))
        return name.hasPrefix("/") ? name : dataFolder.appendingPathComponent(name).path
    }

    public var inboxURL: URL {
        inboxFolder.hasPrefix("/") ? URL(fileURLWithPath: inboxFolder) : dataFolder.appendingPathComponent(inboxFolder)
    }
}

/// One setting of the configuration.
public struct Setting: Sendable {
    public let table: String, key: String, defaultValue: String?, help: String
    let isText: Bool
    let apply: @Sendable (String, inout ServiceConfiguration) throws(ConfigurationError) -> Void

    public var name: String { "\(table).\(key)" }
    public var environmentVariable: String { "OSTEODOC_\(table.uppercased())_\(key.uppercased().replacingOccurrences(of: "-", with: "_"))" }

    init(_ table: String, _ key: String, _ defaultValue: String?, _ help: String, _ path: WritableKeyPath<ServiceConfiguration, String> & Sendable) {
        self.table = table; self.key = key; self.defaultValue = defaultValue; self.help = help; isText = true
        apply = { text, c in c[keyPath: path] = text }
    }

    init(_ table: String, _ key: String, _ defaultValue: String?, _ help: String, _ path: WritableKeyPath<ServiceConfiguration, String?> & Sendable) {
        self.table = table; self.key = key; self.defaultValue = defaultValue; self.help = help; isText = true
        apply = { text, c in c[keyPath: path] = text.isEmpty ? nil : text }
    }

    init(_ table: String, _ key: String, _ defaultValue: String?, _ help: String, _ path: WritableKeyPath<ServiceConfiguration, Int> & Sendable) {
        self.table = table; self.key = key; self.defaultValue = defaultValue; self.help = help; isText = false
        let name = "\(table).\(key)"
        apply = { text, c throws(ConfigurationError) in
            guard let n = Int(text), n >= 0 else { throw .invalid(name, "must be a whole number ≥ 0") }
            c[keyPath: path] = n
        }
    }

    init(_ table: String, _ key: String, _ defaultValue: String?, _ help: String, _ path: WritableKeyPath<ServiceConfiguration, Bool> & Sendable) {
        self.table = table; self.key = key; self.defaultValue = defaultValue; self.help = help; isText = false
        let name = "\(table).\(key)"
        apply = { text, c throws(ConfigurationError) in
            switch text.lowercased() {
            case "true", "1", "yes": c[keyPath: path] = true
            case "false", "0", "no": c[keyPath: path] = false
            default: throw .invalid(name, "must be true or false")
            }
        }
    }
}

public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    case syntax(file: String, line: Int)
    case invalid(String, String)

    public var description: String {
        switch self {
        case .syntax(let file, let line): return "\(file): line \(line): not valid TOML"
        case .invalid(let name, let rule): return "\(name): \(rule)"
        }
    }
}
