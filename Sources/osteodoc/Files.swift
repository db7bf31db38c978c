import Foundation
import OsteoDoc

enum PlanFile {
    /// Reads a plan file, refusing anything over the contract's 1 MiB before reading it whole.
    static func read(_ path: String) throws -> Data {
        if path == "-" { return try readStandardInput() }
        let url = URL(fileURLWithPath: path)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              let size = attributes[.size] as? NSNumber else {
            throw CLIFailure("--plan: cannot read \(path)")
        }
        if size.intValue > OsteoDoc.maximumPlanSize {
            throw CLIFailure("--plan: the file is larger than 1 MiB (\(OsteoDoc.maximumPlanSize) bytes)")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CLIFailure("--plan: cannot read \(path)")
        }
        return data
    }
}

extension PlanFile {
    /// `--plan -`: the plan from standard input, refused past the same 1 MiB (reads at most one byte more).
    static func readStandardInput() throws -> Data {
        var data = Data()
        while data.count <= OsteoDoc.maximumPlanSize {
            let chunk = FileHandle.standardInput.readData(ofLength: OsteoDoc.maximumPlanSize + 1 - data.count)
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        if data.count > OsteoDoc.maximumPlanSize {
            throw CLIFailure("--plan: standard input is larger than 1 MiB (\(OsteoDoc.maximumPlanSize) bytes)")
        }
        return data
    }
}

enum AtomicFile {
    /// Writes to a temporary file beside the target, then renames it into place:
    /// readers never see a half-written document and a failure leaves no file.
    static func write(_ bytes: [UInt8], to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temp.path, contents: Data(bytes)) else {
            throw CLIFailure("--out: cannot write in \(dir.path)")
        }
        if rename(temp.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temp)
            throw CLIFailure("--out: cannot write \(url.path)")
        }
    }
}
