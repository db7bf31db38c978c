import Foundation
import OsteoDoc

enum PlanFile {
    /// Reads a plan file, refusing anything over the contract's 1 MiB before reading it whole.
    static func read(_ path: String) throws -> Data {
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

enum ResourceLocator {
    /// The folder with templates/ and locales/: explicit option, $OSTEODOC_RESOURCES,
    /// then the folders above the executable (a build inside the repository), then the current folder.
    static func locate(explicit: String?) throws -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = ProcessInfo.processInfo.environment["OSTEODOC_RESOURCES"] { return URL(fileURLWithPath: env) }
        var candidates: [URL] = []
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 { candidates.append(dir); dir = dir.deletingLastPathComponent() }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        for c in candidates where FileManager.default.fileExists(atPath: c.appendingPathComponent("templates").path)
            && FileManager.default.fileExists(atPath: c.appendingPathComponent("locales").path) {
            return c
        }
        throw CLIFailure("cannot find templates/ and locales/; pass --resources or set OSTEODOC_RESOURCES")
    }
}
