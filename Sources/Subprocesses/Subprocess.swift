import Foundation

/// Runs a program to its end: its exit status and what it wrote on stdout and stderr together.
/// posix_spawn and waitpid rather than Foundation's `Process`, whose exit notification never
/// arrived inside async code on this platform (seen with pg_ctl in the registry tests); the wait
/// happens on a Dispatch thread, not on one of Swift's cooperative threads.
public enum Subprocess {
    /// How a program ended.
    public struct Outcome: Sendable {
        /// The exit status; 128 + the signal's number when a signal ended it.
        public var status: Int32
        /// Standard output and standard error, interleaved as written (invalid UTF-8: empty).
        public var output: String
    }

    /// Runs the program from async code; the wait happens on a Dispatch thread.
    ///
    /// `arguments[0]` is an absolute path; `environment` replaces the caller's (nothing inherited:
    /// the program sees only what is given).
    /// - Throws: ``SubprocessError`` when the program cannot be started.
    public static func run(_ arguments: [String], environment: [String: String]) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Swift.Result { try runBlocking(arguments, environment: environment) })
            }
        }
    }

    /// Runs the program and blocks the calling thread until it ends: for synchronous callers
    /// (never from one of Swift's cooperative threads — use ``run(_:environment:)`` there).
    ///
    /// `arguments[0]` is an absolute path; `environment` replaces the caller's (nothing inherited).
    /// - Throws: ``SubprocessError`` when the program cannot be started.
    public static func runBlocking(_ arguments: [String], environment: [String: String]) throws -> Outcome {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, &envp)
        guard spawned == 0 else { throw SubprocessError(program: arguments[0], code: spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0
        return Outcome(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output: text)
    }
}

/// A program could not be started at all (missing, not executable).
public struct SubprocessError: Error, CustomStringConvertible {
    /// The path that was to be started.
    public var program: String
    /// The `errno` value posix_spawn returned.
    public var code: Int32
    /// The program and the system's reason, e.g. "cannot start /usr/bin/lp: No such file or directory".
    public var description: String { "cannot start \(program): \(String(cString: strerror(code)))" }
}
