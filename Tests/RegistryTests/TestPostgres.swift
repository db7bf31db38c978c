import Foundation
import Subprocesses

/// A throw-away PostgreSQL server for the tests: `initdb` into a temporary folder, `pg_ctl` on a
/// loopback port with its socket in that folder, trust authentication, stopped at the end.
/// As root it runs as the `postgres` user (PostgreSQL refuses to run as root).
final class TestPostgres: @unchecked Sendable {
    static let binaries = ProcessInfo.processInfo.environment["OSTEODOC_PG_BIN"] ?? "/usr/lib/postgresql/15/bin"
    /// Why the server cannot be started here, or nil.
    static var unavailableReason: String? {
        FileManager.default.isExecutableFile(atPath: binaries + "/initdb") ? nil
            : "no PostgreSQL server binaries under \(binaries) (install Debian's postgresql, or set OSTEODOC_PG_BIN)"
    }

    let folder: URL
    let port: Int
    private var databases = 0

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = 40000 + Int(getpid() % 10000) + Int.random(in: 0..<5000)
        if getuid() == 0 { try Self.shell(["chown", "postgres", folder.path], asPostgres: false) }
        try Self.shell([Self.binaries + "/initdb", "-D", folder.path + "/data", "-U", "postgres", "--auth=trust", "-E", "UTF8"])
        try start()
    }

    func start() throws {
        try Self.shell([Self.binaries + "/pg_ctl", "-D", folder.path + "/data", "-l", folder.path + "/log", "-w", "-o",
                        "-k \(folder.path) -p \(port) -c listen_addresses=127.0.0.1 -c fsync=on", "start"])
    }

    func stop() throws {
        try Self.shell([Self.binaries + "/pg_ctl", "-D", folder.path + "/data", "-m", "fast", "-w", "stop"])
    }

    /// A new, empty database; its URL.
    func freshDatabase() throws -> String {
        databases += 1
        let name = "t\(databases)"
        try Self.shell(["psql", "-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres", "-q", "-c", "CREATE DATABASE \(name)"])
        return "postgres://postgres@127.0.0.1:\(port)/\(name)"
    }

    deinit {
        try? stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs a program to its end and returns what it printed (Subprocesses: posix_spawn and
    /// waitpid — Foundation's Process never reported `pg_ctl start`'s exit inside an async test,
    /// since the server it leaves behind holds the output it was given).
    @discardableResult
    static func shell(_ arguments: [String], asPostgres: Bool = true) throws -> String {
        let argv = (asPostgres && getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : ["/usr/bin/env"]) + arguments
        let result = try Subprocess.runBlocking(argv, environment: ProcessInfo.processInfo.environment)
        guard result.status == 0 else {
            throw NSError(domain: "TestPostgres", code: Int(result.status),
                          userInfo: [NSLocalizedDescriptionKey: "\(arguments.joined(separator: " ")): \(result.output)"])
        }
        return result.output
    }
}
