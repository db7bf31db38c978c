import ArgumentParser
import CommandLineSupport
import Foundation
import OsteoDoc
import Settings

/// `osteodoc`: the command-line shell around the OsteoDoc facade.
/// It reads files, prints messages and picks exit codes (`ExitStatus`); everything else is the library's.
@main
struct Osteodoc: ParsableCommand {
    // Every command here names itself (`commandName:`): without it swift-argument-parser derives
    // the name from the type with `String(describing:)` for each of them on every run, and the
    // reflection and protocol-conformance scans behind that were 12 M of a cold render's 345 M
    // instructions (callgrind, 2 December 2026). The names are the ones it derived.
    static let configuration = CommandConfiguration(
        commandName: "osteodoc",
        abstract: "Consent forms and discharge sheets for bone cementoplasty, from the planning core's plan export.",
        discussion: """
            Exit status: 0 success; 1 input or content error (invalid plan, unreadable file, unavailable or \
            incomplete translation, content check failed); 64 usage error (unknown command or option, missing \
            argument — the argument parser's EX_USAGE).
            """,
        subcommands: [Render.self, Batch.self, PlanCommand.self, ContentCommand.self, LocalesCommand.self, Serve.self])

    @Flag(name: .long, help: "Print the program version, the content version and the source commit.")
    var version = false

    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        print("osteodoc \(OsteoDoc.version)")
        do {
            let engine = try OsteoDoc(resources: try ResourceLocator.locate(explicit: nil))
            let source = engine.content.sourceTag
            print("content \(engine.contentVersion(source)) (\(source)); translations: "
                  + engine.content.localeTags.filter { $0 != source }.map { "\($0) \(engine.contentVersion($0))" }.joined(separator: ", "))
            print("resources \(engine.resources.path)")
        } catch {
            print("content unknown (\(error))")
        }
        print("source commit \(sourceCommit)")
    }

    /// Parses and runs like `ParsableCommand.main()`, after catching a misspelled subcommand
    /// (which the parser would report as an unexpected argument, or as a missing option of the
    /// command it then assumes).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = CommandSuggestion.problem(in: arguments, root: Osteodoc.self) {
            FileHandle.standardError.write(Data("osteodoc: \(problem)\n".utf8))
            Foundation.exit(ExitStatus.usage)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

/// The exit codes, as documented in the README and in `osteodoc --help`.
enum ExitStatus {
    /// Invalid input or content: the plan, a file, a translation.
    static let failure: Int32 = 1
    /// A usage error: what the argument parser exits with (EX_USAGE from sysexits.h).
    static let usage: Int32 = ExitCode.validationFailure.rawValue
}

/// Options shared by commands that need templates and locales.
struct ResourceOptions: ParsableArguments {
    @Option(name: .long, help: "Folder holding templates/ and locales/ (default: $OSTEODOC_RESOURCES, else <prefix>/share/osteodoc beside the installed program, else the source tree the program was built in).")
    var resources: String?

    func engine(settings: FacilitySettings = .unconfigured) throws -> OsteoDoc {
        do { return try OsteoDoc(provider: try provider(), settings: settings) } catch let e as OsteoDocError {
            throw CLIFailure(e.description)
        }
    }

    /// The engine's outside world, from the flags and the environment: fonts from
    /// $OSTEODOC_FONTS, dictionaries from $OSTEODOC_HYPHENATION, the PDF/A sRGB profile from
    /// $OSTEODOC_ICC_PROFILE, compiled dictionaries kept in
    /// $OSTEODOC_CACHE, else $XDG_CACHE_HOME/osteodoc, else ~/.cache/osteodoc.
    func provider() throws -> ResourceProvider {
        let env = ProcessInfo.processInfo.environment
        func nonEmpty(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        let cache = nonEmpty("OSTEODOC_CACHE") ?? nonEmpty("XDG_CACHE_HOME").map { $0 + "/osteodoc" }
            ?? nonEmpty("HOME").map { $0 + "/.cache/osteodoc" }
        return ResourceProvider(resources: try ResourceLocator.locate(explicit: resources),
                                fontDirectory: nonEmpty("OSTEODOC_FONTS") ?? ResourceProvider.debianFonts,
                                hyphenationDirectory: nonEmpty("OSTEODOC_HYPHENATION") ?? ResourceProvider.debianHyphenation,
                                iccProfile: nonEmpty("OSTEODOC_ICC_PROFILE"),
                                cacheDirectory: cache)
    }
}


extension ParsableCommand {
    /// Prints `error` to standard error and exits with status 1 (no stack traces, no patient data:
    /// every message names fields and rules only).
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("osteodoc: " + message + "\n").utf8))
        Foundation.exit(ExitStatus.failure)
    }

    /// Reports an error and exits with status 1: as text on standard error, or with `json` as
    /// `{"errors": [{"path": …, "rule": …}]}` on standard output (see `ErrorReport`).
    static func fail(_ error: Error, json: Bool, prefix: String = "") -> Never {
        guard json else { fail(prefix + String(describing: error)) }
        print(ErrorReport.json(ErrorReport.items(error)))
        Foundation.exit(ExitStatus.failure)
    }
}
