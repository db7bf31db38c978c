import Foundation
#if canImport(Glibc)
import Glibc
#endif
import OsteoDoc
import PlanImport
import Templating

// osteodoc-bench: how fast the example consent renders.
//
//   swift run -c release osteodoc-bench [--iterations N] [--resources DIR] [--unbreakable 100000,400000]
//                                       [--instructions]
//
// Prints warm milliseconds per document (one process, fonts loaded once, patient data
// changing every iteration so nothing is cached by accident), pages, bytes — tagged
// PDF/A-2a and untagged, with the cost of tagging — peak resident memory, and the cold
// time of whole CLI runs (process start to PDF on disk). `--instructions` adds the
// warm instruction counts (callgrind) of tagged and untagged renders (issue 12's budget).
//
// Internal: `--only consent|discharge --variant tagged|untagged [--save FILE]` renders just
// that (and keeps the first file), for the callgrind runs `--instructions` starts.

func argument(_ name: String) -> String? {
    guard let i = CommandLine.arguments.firstIndex(of: name), i + 1 < CommandLine.arguments.count else { return nil }
    return CommandLine.arguments[i + 1]
}

let iterations = Int(argument("--iterations") ?? "200") ?? 200
let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
var root = binDir
while !FileManager.default.fileExists(atPath: root.appendingPathComponent("templates").path) && root.path != "/" {
    root = root.deletingLastPathComponent()
}
if let explicit = argument("--resources") { root = URL(fileURLWithPath: explicit) }

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e6 }

func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        return kb / 1024
    }
    return 0
}

/// The example plan with a different patient for each index (name and record number
/// replaced in the JSON text, so every field keeps its exact form).
func plans(_ planText: String, count: Int) throws -> [Plan] {
    let names = ["Maria", "Giulia", "Anna", "Francesca", "Lucia", "Elena", "Chiara", "Sara"]
    return try (0..<count).map { i in
        let text = planText
            .replacingOccurrences(of: "\"givenName\": \"Maria\"", with: "\"givenName\": \"\(names[i % names.count])\"")
            .replacingOccurrences(of: "\"mrn\": \"0004471123\"", with: "\"mrn\": \"\(String(format: "%010d", 4_471_123 + i))\"")
        return try OsteoDoc.plan(from: Data(text.utf8))
    }
}

let kinds: [(name: String, kind: DocumentKind)] = [("consent", .consent), ("discharge", .discharge)]
let variants: [(name: String, options: PDFOptions)] = [("tagged", PDFOptions()), ("untagged", PDFOptions(tagged: false))]

/// Warm renders of one kind and variant; returns milliseconds per document and the last file's size.
func warm(_ engine: OsteoDoc, _ kind: DocumentKind, _ options: PDFOptions, _ plans: [Plan], iterations: Int) throws -> (ms: Double, bytes: Int) {
    var bytes = 0
    let start = now()
    for i in 0..<iterations {
        bytes = try engine.render(kind, plan: plans[i % plans.count], language: "it", format: .pdf, pdf: options).count
    }
    return ((now() - start) / Double(max(iterations, 1)), bytes)
}

do {
    let planText = try String(contentsOf: root.appendingPathComponent("examples/plan.json"), encoding: .utf8)

    // Internal mode for the callgrind runs: one warm-up render, then `iterations` of one kind and variant.
    if let only = argument("--only") {
        guard let kind = kinds.first(where: { $0.name == only })?.kind,
              let options = variants.first(where: { $0.name == (argument("--variant") ?? "tagged") })?.options
        else { throw CocoaError(.featureUnsupported) }
        let engine = try OsteoDoc(resources: root)
        let samples = try plans(planText, count: 16)
        let first = try engine.render(kind, plan: samples[15], language: "it", format: .pdf, pdf: options)
        _ = try warm(engine, kind, options, samples, iterations: iterations)
        if let path = argument("--save") { try Data(first).write(to: URL(fileURLWithPath: path)) }
        exit(0)
    }

    // Issue 14 item 5: long unbreakable runs (`--unbreakable 100000,400000`; `--unbreakable none` skips them).
    do {
        let lengths = (argument("--unbreakable") ?? "100000,400000").split(separator: ",").compactMap { Int($0) }
        if !lengths.isEmpty { try UnbreakableRuns.report(fontDirectory: OsteoDoc.defaultFontDirectory, lengths: lengths) }
    } catch {
        FileHandle.standardError.write(Data("osteodoc-bench: unbreakable runs: \(error)\n".utf8))
    }

    let t0 = now()
    let engine = try OsteoDoc(resources: root)
    let firstPlan = try OsteoDoc.plan(from: Data(planText.utf8))
    let first = try engine.render(.consent, plan: firstPlan, language: "it", format: .pdf)
    let setup = now() - t0
    let samples = try plans(planText, count: 16)

    print("consent and discharge sheet (it), example plan, \(iterations) renders each in one process")
    var results: [String: (ms: Double, bytes: Int)] = [:]
    for (name, kind) in kinds {
        let pages = try engine.layout(try engine.document(kind, plan: firstPlan, language: "it")).pages.count
        for (variant, options) in variants {
            results[name + variant] = try warm(engine, kind, options, samples, iterations: iterations)
        }
        guard let tagged = results[name + "tagged"], let untagged = results[name + "untagged"] else { continue }
        print(String(format: "  %-10@ %.2f ms per document (%d pages, %d bytes; %.2f ms per page)", "\(name):" as NSString,
                     tagged.ms, pages, tagged.bytes, tagged.ms / Double(pages)))
        print(String(format: "  %-10@ untagged %.2f ms, %d bytes: tagging %+.1f %% time, %+.1f %% bytes (budget +15 %%, +20 %%)",
                     "" as NSString, untagged.ms, untagged.bytes, (tagged.ms / untagged.ms - 1) * 100,
                     (Double(tagged.bytes) / Double(untagged.bytes) - 1) * 100))
    }
    print(String(format: "  first:     %.1f ms (engine set-up, fonts, first render; %d bytes)", setup, first.count))
    print(String(format: "  peak RSS:  %.1f MB", peakRSSMegabytes()))

    // Cold: the CLI as the front desk runs it.
    let cli = binDir.appendingPathComponent("osteodoc")
    var cold: [Double] = []
    if FileManager.default.isExecutableFile(atPath: cli.path) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-bench-\(getpid()).pdf")
        // posix_spawn + waitpid: Foundation's Process.waitUntilExit polls and would add tens of milliseconds.
        let args = [cli.path, "render", "consent", "--plan", root.appendingPathComponent("examples/plan.json").path,
                    "--out", out.path, "--resources", root.path]
        for _ in 0..<7 {
            guard let milliseconds = spawnAndWait(args) else { break }
            cold.append(milliseconds)
        }
        try? FileManager.default.removeItem(at: out)
    }
    let sorted = cold.sorted()
    if let low = sorted.first, let high = sorted.last {
        print(String(format: "  cold CLI:  %.1f ms median of %d runs (min %.1f, max %.1f)", sorted[sorted.count / 2], cold.count, low, high))
    } else {
        print("  cold CLI:  not measured (build the osteodoc product in the same configuration)")
    }

    if CommandLine.arguments.contains("--instructions") {
        try TaggingCost.report(kinds: kinds.map(\.name), variants: variants.map(\.name), resources: root.path)
    }
} catch {
    FileHandle.standardError.write(Data("osteodoc-bench: \(error)\n".utf8))
    exit(1)
}
