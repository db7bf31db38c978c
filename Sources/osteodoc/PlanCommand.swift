import ArgumentParser
import CommandLineSupport
import Foundation
import OsteoDoc

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Work with plan exports.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate a plan export: prints \"valid\" and a summary, or every violation (exit 1).")

        @Argument(help: "The plan export (JSON); - reads standard input.")
        var file: String

        @Flag(name: .long, help: "Print the result as JSON on standard output: {\"errors\": [{\"path\": …, \"rule\": …}]} (empty when valid).")
        var json = false

        @Flag(name: .long, help: "Name the file by its path in error messages.")
        var verbose = false

        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            do {
                let plan = try OsteoDoc.plan(from: try PlanFile.read(file, option: "plan file", naming: FileNaming(verbose: verbose)))
                // Every printed field must have glyphs in the installed fonts (named by path, never quoted).
                let unprintable = try resourceOptions.engine().unprintableFields(plan)
                if !unprintable.isEmpty { throw OsteoDocError.input(.unprintable(unprintable)) }
                if json { print(ErrorReport.json([])); return }
                print("valid")
                print(PlanSummary.line(plan))
            } catch let e as OsteoDocError {
                Self.fail(e, json: json, prefix: "plan is not valid:\n")
            } catch let e as CLIFailure {
                Self.fail(e, json: json)
            }
        }
    }
}
