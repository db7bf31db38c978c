import ArgumentParser
import Foundation
import OsteoDoc
import Settings

/// `osteodoc`: the command-line shell around the OsteoDoc facade.
/// It reads files, prints messages and picks exit codes; everything else is the library's.
@main
struct Osteodoc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "osteodoc",
        abstract: "Consent forms and discharge sheets for bone cementoplasty, from the planning core's plan export.",
        subcommands: [Render.self, Batch.self, PlanCommand.self, ContentCommand.self, LocalesCommand.self])
}

/// Options shared by commands that need templates and locales.
struct ResourceOptions: ParsableArguments {
    @Option(name: .long, help: "Folder holding templates/ and locales/ (default: $OSTEODOC_RESOURCES, else found next to the program or in the current folder).")
    var resources: String?

    func engine(settings: FacilitySettings = .unconfigured) throws -> OsteoDoc {
        do { return try OsteoDoc(provider: try provider(), settings: settings) } catch let e as OsteoDocError {
            throw CLIFailure(e.description)
        }
    }

    /// The engine's outside world, from the flags and the environment: fonts from
    /// $OSTEODOC_FONTS, dictionaries from $OSTEODOC_HYPHENATION, compiled dictionaries kept in
    /// $OSTEODOC_CACHE, else $XDG_CACHE_HOME/osteodoc, else ~/.cache/osteodoc.
    func provider() throws -> ResourceProvider {
        let env = ProcessInfo.processInfo.environment
        func nonEmpty(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        let cache = nonEmpty("OSTEODOC_CACHE") ?? nonEmpty("XDG_CACHE_HOME").map { $0 + "/osteodoc" }
            ?? nonEmpty("HOME").map { $0 + "/.cache/osteodoc" }
        return ResourceProvider(resources: try ResourceLocator.locate(explicit: resources),
                                fontDirectory: nonEmpty("OSTEODOC_FONTS") ?? ResourceProvider.debianFonts,
                                hyphenationDirectory: nonEmpty("OSTEODOC_HYPHENATION") ?? ResourceProvider.debianHyphenation,
                                cacheDirectory: cache)
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
