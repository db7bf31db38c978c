import CommandLineSupport
import Foundation
import OsteoDoc

/// How the CLI names a file in a message: by its option only, unless `--verbose` asks for the
/// path. A plan's file name is often the patient's name, and messages end up in logs.
struct FileNaming {
    var verbose: Bool

    /// `--plan` or `--plan (/path/to/plan.json)`.
    func name(_ option: String, _ path: String) -> String { verbose ? "\(option) (\(path))" : option }
}

enum PlanFile {
    /// Reads a plan file, refusing anything over the contract's 1 MiB (reading at most one
    /// byte more than that, whatever the file is: a regular file, a pipe, a device).
    static func read(_ path: String, option: String = "--plan", naming: FileNaming) throws -> Data {
        if path == "-" { return try readStandardInput(option: option) }
        let name = naming.name(option, path)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CLIFailure("\(name): cannot read the file") }
        defer { try? handle.close() }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIFailure("\(name): is a folder, not a file")
        }
        let data: Data
        do { data = try handle.read(upToCount: OsteoDoc.maximumPlanSize + 1) ?? Data() } catch {
            throw CLIFailure("\(name): cannot read the file")
        }
        if data.count > OsteoDoc.maximumPlanSize {
            throw CLIFailure("\(name): the file is larger than 1 MiB (\(OsteoDoc.maximumPlanSize) bytes)")
        }
        return data
    }
}

extension PlanFile {
    /// `--plan -`: the plan from standard input, refused past the same 1 MiB (reads at most one byte more).
    static func readStandardInput(option: String) throws -> Data {
        var data = Data()
        while data.count <= OsteoDoc.maximumPlanSize {
            let chunk = FileHandle.standardInput.readData(ofLength: OsteoDoc.maximumPlanSize + 1 - data.count)
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        if data.count > OsteoDoc.maximumPlanSize {
            throw CLIFailure("\(option): standard input is larger than 1 MiB (\(OsteoDoc.maximumPlanSize) bytes)")
        }
        return data
    }
}

/// The identity of a file (device and inode), so that two paths — through hard links,
/// symbolic links, `..` or a bind mount — can be told to be the same file.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    /// The file `path` names, following symbolic links; `nil` if there is none.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

enum AtomicFile {
    /// Temporaries are `.<output name>.osteodoc-<pid>.tmp` beside the output: hidden, and
    /// named so that osteodoc can tell its own from anything else in the folder.
    static func temporaryName(for output: String, pid: Int32) -> String { ".\(output).osteodoc-\(pid).tmp" }

    /// A temporary older than this, whose process is gone, is left over from a run that was
    /// killed (`kill -9`, a power cut) and is removed by the next run into the same folder.
    static let staleAge: TimeInterval = 10 * 60

    /// Writes to a temporary file beside the target, flushes it to disk, then renames it
    /// into place: readers never see a half-written document and a failure leaves no file.
    ///
    /// - Parameter inputs: files the output must not replace (`--plan`): refused when the
    ///   output path names the same file, however it is spelled.
    static func write(_ bytes: [UInt8], to url: URL, option: String = "--out", inputs: [(option: String, path: String)] = [],
                      naming: FileNaming) throws {
        let name = naming.name(option, url.path)
        try refuseOverwriting(inputs, with: url, option: option, naming: naming)
        let dir = url.deletingLastPathComponent()
        removeStaleTemporaries(in: dir, now: Date())
        let temp = dir.appendingPathComponent(temporaryName(for: url.lastPathComponent, pid: getpid()))
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw CLIFailure("\(name): cannot write in its folder") }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if n <= 0 { return false }
                written += n
            }
            return fsync(fd) == 0
        }
        close(fd)
        guard ok, rename(temp.path, url.path) == 0 else {
            unlink(temp.path)
            throw CLIFailure("\(name): cannot write the file")
        }
    }

    /// Throws when `url` names the same file as one of `inputs` (checked before any work,
    /// and again just before the rename).
    static func refuseOverwriting(_ inputs: [(option: String, path: String)], with url: URL, option: String = "--out",
                                  naming: FileNaming) throws {
        guard let target = FileIdentity(path: url.path) else { return }
        for input in inputs where FileIdentity(path: input.path) == target {
            throw CLIFailure("\(naming.name(option, url.path)): is the same file as \(input.option); refusing to overwrite it")
        }
    }

    /// Removes osteodoc's own temporaries in `dir` that are older than `staleAge`, whose
    /// process no longer runs, and that belong to this user. Anything else — other names,
    /// recent files, other users' files, folders, links — is never touched.
    static func removeStaleTemporaries(in dir: URL, now: Date) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
        for name in names {
            guard let pid = ownTemporaryPID(name), pid != getpid() else { continue }
            let path = dir.appendingPathComponent(name).path
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == getuid() else { continue }
            let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
            guard now.timeIntervalSince(modified) >= staleAge else { continue }
            // A live process (kill with signal 0 succeeds, or exists but is not ours) may still rename it.
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            unlink(path)
        }
    }

    /// The process id in a name of the form `.<anything>.osteodoc-<digits>.tmp`, else `nil`.
    static func ownTemporaryPID(_ name: String) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".osteodoc-", options: .backwards),
              marker.lowerBound > name.index(after: name.startIndex)
        else { return nil }
        let digits = name[marker.upperBound..<name.index(name.endIndex, offsetBy: -4)]
        guard !digits.isEmpty, digits.count <= 10, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let pid = Int32(digits), pid > 0 else {
            return nil
        }
        return pid
    }
}
