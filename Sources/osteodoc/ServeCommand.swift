import ArgumentParser
import Foundation

/// `osteodoc serve …`: runs `osteodoc-server` from the same folder as this program with the same
/// arguments (`osteodoc serve --help` lists every setting). The server is a program of its own so
/// that this one does not link the network stack; see `Sources/osteodoc-server`.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the osteodoc server (plans in, documents out, a registry of both); --help lists its settings.",
        // --help belongs to the server program, which lists every setting.
        helpNames: [])

    @Argument(parsing: .captureForPassthrough, help: "The server's options (see osteodoc serve --help).")
    var arguments: [String] = []

    func run() throws {
        let server = Self.serverProgram()
        guard FileManager.default.isExecutableFile(atPath: server) else {
            Self.fail("the server program is not installed (\(server)); build it with swift build --product osteodoc-server")
        }
        var argv: [UnsafeMutablePointer<CChar>?] = ([server] + arguments).map { strdup($0) } + [nil]
        execv(server, &argv)
        argv.forEach { free($0) }
        Self.fail("cannot start \(server) (errno \(errno))")
    }

    /// `osteodoc-server` beside the running program, symlinks resolved.
    static func serverProgram() -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("osteodoc-server").path
    }
}
