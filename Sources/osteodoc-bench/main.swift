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
//
// Prints warm milliseconds per document (one process, fonts loaded once, patient data
// changing every iteration so nothing is cached by accident), pages, bytes, peak
// resident memory, and the cold time of whole CLI runs (process start to PDF on disk).

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

// Issue 14 item 5: long unbreakable runs (`--unbreakable 100000,400000`; `--unbreakable none` skips them).
do {
    let lengths = (argument("--unbreakable") ?? "100000,400000").split(separator: ",").compactMap { Int($0) }
    if !lengths.isEmpty { try UnbreakableRuns.report(fontDirectory: OsteoDoc.defaultFontDirectory, lengths: lengths) }
} catch {
    FileHandle.standardError.write(Data("osteodoc-bench: unbreakable runs: \(error)\n".utf8))
}

do {
    let planData = try Data(contentsOf: root.appendingPathComponent("examples/plan.json"))
    var json = try JSONSerialization.jsonObject(with: planData) as! [String: Any]
    let t0 = now()
    let engine = try OsteoDoc(resources: root)
    let firstPlan = try OsteoDoc.plan(from: planData)
    let first = try engine.render(.consent, plan: firstPlan, language: "it", format: .pdf)
    let setup = now() - t0
    let pages = try engine.layout(try engine.document(.consent, plan: firstPlan, language: "it")).pages.count

    // Warm: a different patient every time.
    let names = ["Maria", "Giulia", "Anna", "Francesca", "Lucia", "Elena", "Chiara", "Sara"]
    var plans: [Plan] = []
    for i in 0..<16 {
        var patient = json["patient"] as! [String: Any]
        patient["givenName"] = names[i % names.count]
        patient["mrn"] = String(format: "%010d", 4_471_123 + i)
        json["patient"] = patient
        plans.append(try OsteoDoc.plan(from: try JSONSerialization.data(withJSONObject: json)))
    }
    var bytes = 0
    let start = now()
    for i in 0..<iterations {
        bytes = try engine.render(.consent, plan: plans[i % plans.count], language: "it", format: .pdf).count
    }
    let warm = (now() - start) / Double(iterations)
    let dischargePages = try engine.layout(try engine.document(.discharge, plan: firstPlan, language: "it")).pages.count
    var dischargeBytes = 0
    let dischargeStart = now()
    for i in 0..<iterations {
        dischargeBytes = try engine.render(.discharge, plan: plans[i % plans.count], language: "it", format: .pdf).count
    }
    let dischargeWarm = (now() - dischargeStart) / Double(iterations)

    // Cold: the CLI as the front desk runs it.
    let cli = binDir.appendingPathComponent("osteodoc")
    var cold: [Double] = []
    if FileManager.default.isExecutableFile(atPath: cli.path) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-bench-\(getpid()).pdf")
        // posix_spawn + waitpid: Foundation's Process.waitUntilExit polls and would add tens of milliseconds.
        let args = [cli.path, "render", "consent", "--plan", root.appendingPathComponent("examples/plan.json").path,
                    "--out", out.path, "--resources", root.path]
        for _ in 0..<7 {
            var cArgs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
            defer { cArgs.forEach { free($0) } }
            var pid: pid_t = 0
            let c0 = now()
            guard posix_spawn(&pid, cli.path, nil, nil, &cArgs, environ) == 0 else { break }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            cold.append(now() - c0)
        }
        try? FileManager.default.removeItem(at: out)
    }
    print("consent and discharge sheet (it), example plan, \(iterations) renders each in one process")
    print(String(format: "  warm:        %.2f ms per document (%d pages, %d bytes; %.2f ms per page)", warm, pages, bytes,
                 warm / Double(pages)))
    print(String(format: "  discharge:   %.2f ms per document (%d pages, %d bytes)", dischargeWarm, dischargePages, dischargeBytes))
    print(String(format: "  first:       %.1f ms (engine set-up, fonts, first render; %d bytes)", setup, first.count))
    print(String(format: "  peak RSS:    %.1f MB", peakRSSMegabytes()))
    if !cold.isEmpty {
        let sorted = cold.sorted()
        print(String(format: "  cold CLI:    %.1f ms median of %d runs (min %.1f, max %.1f)", sorted[sorted.count / 2], cold.count,
                     sorted.first!, sorted.last!))
    } else {
        print("  cold CLI:    not measured (build the osteodoc product in the same configuration)")
    }
} catch {
    FileHandle.standardError.write(Data("osteodoc-bench: \(error)\n".utf8))
    exit(1)
}
