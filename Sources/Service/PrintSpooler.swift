import Foundation
import Subprocesses

/// Where issued documents go to paper. The service asks for a queue's state before sending a job,
/// so that a printer that is down is an answer on the page and an event, never a job lost.
public protocol PrintSpooler: Sendable {
    /// The queue's state; `.missing` when the print server has no queue of that name.
    func state(of printer: String) async throws -> PrinterState
    /// Sends a PDF to the queue under `title` (a document id: never patient data); the job's id.
    func submit(_ pdf: Data, printer: String, title: String) async throws -> String
}

public enum PrinterState: Equatable, Sendable {
    case ready
    /// Stopped, or not accepting jobs: what the print server says, in its words.
    case down(String)
    case missing
}

/// The print server cannot be reached, or refused the job.
public struct PrintSpoolerError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// CUPS through its own client programs, `lpstat` and `lp` (cups-client). libcups would be a
/// second way into the same server; the commands are CUPS's documented, stable interface, work
/// against a local or remote scheduler alike (`CUPS_SERVER`), and keep the server's process free
/// of another C library for the sake of one call per print.
public struct CUPSSpooler: PrintSpooler {
    /// The scheduler (`host[:port]` or a socket path); nil: the system's default.
    public var server: String?
    public var lp = "/usr/bin/lp"
    public var lpstat = "/usr/bin/lpstat"

    public init(server: String? = nil) { self.server = server }

    private var environment: [String: String] {
        // The C locale: the programs' messages are parsed below.
        var environment = ["LANG": "C", "LC_ALL": "C", "PATH": "/usr/bin:/bin"]
        if let server { environment["CUPS_SERVER"] = server }
        if let home = ProcessInfo.processInfo.environment["HOME"] { environment["HOME"] = home }
        return environment
    }

    public func state(of printer: String) async throws -> PrinterState {
        // -r first: without a scheduler every queue would look "invalid".
        let result = try await Subprocess.run([lpstat, "-r", "-p", printer, "-a", printer], environment: environment)
        let text = result.output
        guard text.contains("scheduler is running") else {
            throw PrintSpoolerError(description: "the print server (CUPS) is not running or cannot be reached")
        }
        if text.contains("Invalid destination name") || text.contains("Unknown destination") { return .missing }
        guard result.status == 0 else {
            throw PrintSpoolerError(description: "the print server answered: \(Self.firstLine(text))")
        }
        if text.contains("printer \(printer) disabled") { return .down("stopped") }
        if text.contains("\(printer) not accepting") { return .down("not accepting jobs") }
        return .ready
    }

    public func submit(_ pdf: Data, printer: String, title: String) async throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-print-\(UUID().uuidString).pdf")
        try pdf.write(to: file, options: .atomic)
        defer { try? FileManager.default.removeItem(at: file) }
        // lp has sent the whole file to the scheduler when it returns.
        let result = try await Subprocess.run([lp, "-d", printer, "-t", title, "--", file.path], environment: environment)
        guard result.status == 0, let job = Self.jobId(result.output) else {
            throw PrintSpoolerError(description: "the print server refused the job (\(Self.firstLine(result.output)))")
        }
        return job
    }

    /// "request id is osteodoc-pdf-12 (1 file(s))" → "osteodoc-pdf-12".
    static func jobId(_ output: String) -> String? {
        guard let range = output.range(of: "request id is ") else { return nil }
        let id = output[range.upperBound...].prefix { !$0.isWhitespace }
        return id.isEmpty ? nil : String(id)
    }

    private static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n").first ?? "no message").trimmingCharacters(in: .whitespaces)
    }
}
