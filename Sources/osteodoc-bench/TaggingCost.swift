import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `arguments` (the first is the executable) and waits for it; returns the
/// milliseconds from spawn to exit, nil if it could not be started. posix_spawn +
/// waitpid: Foundation's Process.waitUntilExit polls and would add tens of milliseconds.
func spawnAndWait(_ arguments: [String]) -> Double? {
    var cArgs: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { cArgs.forEach { free($0) } }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, arguments[0], nil, nil, &cArgs, environ) == 0 else { return nil }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

/// Issue 12's budget in instructions: tagging (structure tree, marked content, PDF/A
/// output intent and XMP) may cost at most 15 % of the untagged render's warm time.
/// Wall-clock time on the shared 2-core machine swings by a factor of 2–4, so the
/// benchmark counts instructions with callgrind (valgrind), which does not depend on
/// load: the bench itself under callgrind with 2 and with 6 warm renders of one kind
/// and variant, the difference divided by 4 (set-up and the first render cancel out).
enum TaggingCost {
    static let fewer = 2, more = 6

    static func report(kinds: [String], variants: [String], resources: String) throws {
        guard let valgrind = executable("valgrind"), let objcopy = executable("objcopy") else {
            print("  instructions: not measured (valgrind or binutils' objcopy is not installed)")
            return
        }
        // valgrind 3.19 gives up on the DWARF 5 debug information Swift's toolchain writes
        // ("Possibly corrupted debuginfo file"): callgrind runs a copy without it.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-bench-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let bench = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        guard spawnAndWait([objcopy, "--strip-debug", bench, copy]) != nil,
              FileManager.default.isExecutableFile(atPath: copy)
        else { throw CocoaError(.fileWriteUnknown) }
        print("  warm instructions per document (callgrind, \(more) − \(fewer) renders):")
        for kind in kinds {
            var counts: [Double] = []
            for variant in variants {
                let low = try collected(valgrind, copy, kind: kind, variant: variant, iterations: fewer, resources: resources)
                let high = try collected(valgrind, copy, kind: kind, variant: variant, iterations: more, resources: resources)
                counts.append(Double(high - low) / Double(more - fewer))
            }
            guard counts.count == 2 else { continue }
            print(String(format: "    %-10@ tagged %.1f M, untagged %.1f M: tagging %+.1f %% (budget +15 %%)",
                         "\(kind):" as NSString, counts[0] / 1e6, counts[1] / 1e6, (counts[0] / counts[1] - 1) * 100))
        }
    }

    /// The instructions callgrind counted for one run of the bench in its internal mode.
    static func collected(_ valgrind: String, _ bench: String, kind: String, variant: String, iterations: Int, resources: String) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: valgrind)
        process.arguments = ["--tool=callgrind", "--callgrind-out-file=/dev/null", bench,
                             "--only", kind, "--variant", variant, "--iterations", String(iterations), "--resources", resources]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // callgrind's summary line: "==1234== Collected : 123456789".
        guard process.terminationStatus == 0,
              let line = text.split(separator: "\n").last(where: { $0.contains("Collected :") }),
              let count = line.split(separator: " ").last.flatMap({ Int($0) })
        else { throw CocoaError(.executableLoad) }
        return count
    }

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
