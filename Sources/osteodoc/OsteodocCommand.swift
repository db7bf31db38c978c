import ArgumentParser
import Foundation
import OsteoDoc
import Settings

/// `osteodoc`: the command-line shell around the OsteoDoc facade.
/// It reads files, prints messages and picks exit codes; everything else is the library's.
@main
struct Osteodoc: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "osteodoc",
        abstract: "Consent forms and discharge sheets for bone cementoplasty, from the planning core's plan export.",
        subcommands: [Render.self, PlanCommand.self, ContentCommand.self, LocalesCommand.self, Serve.self])
}

/// Options shared by commands that need templates and locales.
struct ResourceOptions: ParsableArguments {
    @Option(name: .long, help: "Folder holding templates/ and locales/ (default: $OSTEODOC_RESOURCES, else found next to the program or in the current folder).")
    var resources: String?

    func engine(settings: FacilitySettings = .unconfigured) throws -> OsteoDoc {
        do { return try OsteoDoc(resources: try ResourceLocator.locate(explicit: resources), settings: settings) } catch let e as OsteoDocError {
            throw CLIFailure(e.description)
        }
    }
}

/// An error message for the user; exit code 1.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension ParsableCommand {
    /// Prints `error` to standard error and exits with status 1 (no stack traces, no patient data:
    /// every message names fields and rules only).
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("osteodoc: " + message + "\n").utf8))
        Foundation.exit(1)
    }
}
