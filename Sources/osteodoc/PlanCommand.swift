import ArgumentParser
import Foundation
import OsteoDoc

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Work with plan exports.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a plan export: prints \"valid\" and a summary, or every violation (exit 1).")

        @Argument(help: "The plan export (JSON); - reads standard input.")
        var file: String

        @Flag(name: .long, help: "Print the result as JSON on standard output: {\"errors\": [{\"path\": …, \"rule\": …}]} (empty when valid).")
        var json = false

        @Flag(name: .long, help: "Name the file by its path in error messages.")
        var verbose = false

        func run() throws {
            do {
                let plan = try OsteoDoc.plan(from: try PlanFile.read(file, option: "plan file", naming: FileNaming(verbose: verbose)))
                // A value no installed font can print would fail the PDF later: refuse it now,
                // naming the field (never its characters).
                let uncovered = try OsteoDoc.uncoveredFields(plan)
                if !uncovered.isEmpty {
                    Self.fail("plan is not valid:\n" + uncovered.map { "\($0): has characters that no installed font can print" }
                        .joined(separator: "\n"))
                }
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
