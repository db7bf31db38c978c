import ArgumentParser
import CommandLineSupport
import Foundation
import Settings

/// `--config FILE`: the facility's configuration file (osteodoc.toml). Read here, in the CLI,
/// and passed into the library; without it the documents name only the plan's emergency number.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "The facility's configuration file (TOML, see examples/osteodoc.toml): out-of-hours number, ward hours.")
    var config: String?

    func settings() throws -> FacilitySettings {
        guard let config else { return .unconfigured }
        do { return try FacilitySettings.load(contentsOf: URL(fileURLWithPath: config)) } catch let e as SettingsError {
            throw CLIFailure("--config: \(e.description)")
        }
    }
}
