import Foundation

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

    /// Runs a program to its end and returns what it printed. posix_spawn and waitpid rather than
    /// Foundation's Process: `pg_ctl start` leaves the server behind holding whatever output it was
    /// given, and Process's exit notification never came from inside an async test (the run hung
    /// with runuser a zombie). Output goes to a file, which the server may keep open harmlessly.
    @discardableResult
    static func shell(_ arguments: [String], asPostgres: Bool = true) throws -> String {
        let argv = (asPostgres && getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : ["/usr/bin/env"]) + arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-pg-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ)
        guard spawned == 0 else {
            throw NSError(domain: "TestPostgres", code: Int(spawned), userInfo: [NSLocalizedDescriptionKey: "cannot start \(argv[0])"])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0, code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            throw NSError(domain: "TestPostgres", code: Int(code),
                          userInfo: [NSLocalizedDescriptionKey: "\(arguments.joined(separator: " ")): \(text)"])
        }
        return text
    }
}
