import ArgumentParser
import CommandLineSupport
import Foundation
import OsteoDoc
import Templating

/// `osteodoc batch`: many plans, one document each, on all cores.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render one document per plan on all cores, each file named by its document id.",
        discussion: """
            PLANS is a folder of plan files (*.json) or - for NDJSON on standard input (one plan per line).
            A bad plan never stops the others; each file is written whole (temporary name, then rename)
            or not at all. Prints a summary; exit code 1 when any plan failed.
            """)

    @Option(name: .long, help: "The document: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: DocumentKind

    @Option(name: .long, help: "Document language as a BCP 47 tag (default: each patient's language).")
    var lang: String?

    @Option(name: .long, help: "Output format: pdf or html.")
    var format: OutputFormat

    @Option(name: .long, help: "Folder for the documents (created if missing).")
    var out: String

    @Flag(name: .long, help: "Print from a translation that is complete but older than the Italian text.")
    var allowStale = false

    @Argument(help: "A folder of plan files, or - for NDJSON on standard input.")
    var plans: String

    @OptionGroup var resourceOptions: ResourceOptions
    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let inputs: [BatchInputs.Item]
        let engine: OsteoDoc
        let outURL = URL(fileURLWithPath: out, isDirectory: true)
        do {
            inputs = try BatchInputs.read(plans)
            engine = try resourceOptions.engine(settings: try configOptions.settings())
            try FileManager.default.createDirectory(at: outURL, withIntermediateDirectories: true)
        } catch let e as CLIFailure {
            Self.fail(e.description)
        } catch {
            Self.fail("--out: cannot create \(out)")
        }
        let progress = ProgressBar(total: inputs.count)
        let tally = BatchTally()
        engine.renderBatch(inputs.map(\.data), kind: kind, language: lang, format: format, allowStale: allowStale) { index, result in
            switch result {
            case .success(let document):
                let file = outURL.appendingPathComponent("\(document.documentId).\(format.rawValue)")
                if let earlier = tally.claim(document.documentId, by: inputs[index].name) {
                    tally.fail(inputs[index].name, ["same document id as \(earlier)"])
                } else {
                    do {
                        try AtomicFile.write(document.bytes, to: file, naming: FileNaming(verbose: false))
                        tally.succeed(pages: document.pages)
                    } catch {
                        tally.fail(inputs[index].name, ["cannot write \(file.lastPathComponent)"])
                    }
                }
            case .failure(let error):
                let lines = error.issues.isEmpty ? [error.description] : error.issues.map { $0.path.isEmpty ? $0.message : $0.description }
                tally.fail(inputs[index].name, lines)
            }
            progress.advance()
        }
        progress.finish()
        let report = tally.report()
        for (name, lines) in report.failures {
            FileHandle.standardError.write(Data(lines.map { "\(name): \($0)\n" }.joined().utf8))
        }
        let pages = format == .pdf ? ", \(report.pages) pages" : ""
        print("\(report.documents) documents\(pages), \(report.failures.count) failed, in \(outURL.path)")
        if !report.failures.isEmpty { Foundation.exit(1) }
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// The plans of a batch, with the name each is reported by (file name, or `line N`).
enum BatchInputs {
    struct Item { var name: String; var data: Data }

    static func read(_ source: String) throws -> [Item] {
        if source == "-" {
            let all = FileHandle.standardInput.readDataToEndOfFile()
            var items: [Item] = []
            for (number, line) in all.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                if trimmed.isEmpty { continue }
                items.append(Item(name: "line \(number + 1)", data: Data(line)))
            }
            return items
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isFolder), isFolder.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: source) else {
            throw CLIFailure("PLANS: \(source) is not a folder (or - for NDJSON on standard input)")
        }
        return try names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { name in
            Item(name: name, data: try PlanFile.read((source as NSString).appendingPathComponent(name), option: name,
                                                     naming: FileNaming(verbose: false)))
        }
    }
}

/// Results collected from the worker threads.
final class BatchTally: @unchecked Sendable {
    // @unchecked: every field is touched under `lock` only.
    private let lock = NSLock()
    private var documents = 0, pages = 0
    private var failures: [(String, [String])] = []
    private var owners: [String: String] = [:]

    /// Records that `name` makes document `id`; returns the earlier plan's name when another already did.
    func claim(_ id: String, by name: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        if let earlier = owners[id] { return earlier }
        owners[id] = name
        return nil
    }

    func succeed(pages count: Int) {
        lock.lock(); defer { lock.unlock() }
        documents += 1
        pages += count
    }

    func fail(_ name: String, _ lines: [String]) {
        lock.lock(); defer { lock.unlock() }
        failures.append((name, lines))
    }

    func report() -> (documents: Int, pages: Int, failures: [(String, [String])]) {
        lock.lock(); defer { lock.unlock() }
        return (documents, pages, failures.sorted { $0.0.localizedStandardCompare($1.0) == .orderedAscending })
    }
}

/// A one-line progress bar on standard error, drawn only when it is a terminal.
final class ProgressBar: @unchecked Sendable {
    // @unchecked: `done` and `drawn` are touched under `lock` only.
    private let total: Int
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var done = 0, drawn = -1

    init(total: Int) { self.total = total }

    func advance() {
        lock.lock(); defer { lock.unlock() }
        done += 1
        guard enabled, total > 0 else { return }
        let width = 30, filled = done * width / total
        guard filled != drawn || done == total else { return }
        drawn = filled
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
    }

    func finish() {
        if enabled && total > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
