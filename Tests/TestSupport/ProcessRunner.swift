import Dispatch
import Foundation

/// What a finished program printed, and how it ended.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// The one way tests run an outside program (osteodoc itself, pdftotext, qpdf, zbarimg, python3).
///
/// Standard output and standard error are read at the same time, each on its own thread: a
/// program that fills one pipe while the test waits on the other would otherwise hang forever.
public enum ProcessRunner {
    /// The program is not installed (exit status 127 from /usr/bin/env).
    public struct NotInstalled: Error, CustomStringConvertible {
        public let program: String
        public var description: String { "\(program) is not installed (run scripts/setup.sh)" }
    }

    /// Runs `executable` (a path, or a name looked up in PATH) with `arguments`.
    /// - Parameters:
    ///   - stdin: a file fed to standard input (nothing when nil).
    ///   - input: bytes fed to standard input (used when `stdin` is nil), written from another
    ///     thread: the program may stop reading (and exit) before taking them all.
    ///   - directory: the working directory.
    /// - Throws: ``NotInstalled`` when a program named by name is not found.
    public static func run(_ executable: String, _ arguments: [String], stdin: URL? = nil, input: Data? = nil,
                           directory: URL? = nil) throws -> ProcessOutput {
        let process = Process()
        if executable.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = Pipe()
        if let stdin { process.standardInput = try FileHandle(forReadingFrom: stdin) } else if input != nil {
            signal(SIGPIPE, SIG_IGN)  // a program that closes its input early must not end the test run
            process.standardInput = inputPipe
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        if stdin == nil, let input {
            let writer = inputPipe.fileHandleForWriting
            DispatchQueue.global().async { try? writer.write(contentsOf: input); try? writer.close() }
        }
        let collected = Collected()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { collected.setError(err.fileHandleForReading.readDataToEndOfFile()) }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        if process.terminationStatus == 127 && !executable.hasPrefix("/") { throw NotInstalled(program: executable) }
        return ProcessOutput(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                             stderr: String(decoding: collected.error, as: UTF8.self))
    }

    /// Standard error, filled in by the reading thread.
    private final class Collected: @unchecked Sendable {
        // @unchecked: written once by the reader before `group.wait()` returns, read after.
        private(set) var error = Data()
        func setError(_ data: Data) { error = data }
    }
}
