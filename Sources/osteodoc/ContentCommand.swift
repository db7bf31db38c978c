import ArgumentParser
import Foundation
import OsteoDoc

struct ContentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "content", abstract: "Check the documents' content.", subcommands: [Lint.self])

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Readability of the Italian prose: Gulpease index per file; fails below the threshold.")

        @Option(name: .long, help: "Lowest acceptable Gulpease index.")
        var minimum: Double = 60

        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            let engine: OsteoDoc
            do { engine = try resourceOptions.engine() } catch { Self.fail(String(describing: error)) }
            let report = engine.readabilityReport()
            var failed = 0
            print("file\tsentences\twords\tletters\tgulpease")
            for row in report {
                let mark = row.gulpease < minimum ? "\tBELOW \(Int(minimum))" : ""
                if row.gulpease < minimum { failed += 1 }
                print("\(row.path)\t\(row.sentences)\t\(row.words)\t\(row.letters)\t\(String(format: "%.1f", row.gulpease))\(mark)")
            }
            if failed > 0 { Self.fail("\(failed) file(s) below Gulpease \(Int(minimum))") }
            print("all \(report.count) files at or above Gulpease \(Int(minimum))")
        }
    }
}
