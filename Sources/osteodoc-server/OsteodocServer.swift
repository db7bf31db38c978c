import ArgumentParser
import CommandLineSupport
import Foundation
import Service
import Settings

/// `osteodoc serve` (this program, `osteodoc-server`, which `osteodoc serve` runs): the HTTP
/// server (see openapi.yaml), from a data folder made by `--init`.
///
/// A program of its own so that the document CLI does not link the network stack (SwiftNIO,
/// two BoringSSL copies, PostgreSQL and SQLite drivers): the front desk's `osteodoc render`
/// stays small and starts fast (issue 9's cold-start and memory targets).
@main
struct OsteodocServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "osteodoc serve",
        abstract: "Run the osteodoc server (plans in, documents out, a registry of both).",
        discussion: """
            `osteodoc serve --init` makes the data folder: a commented \(ServiceConfiguration.fileName), the registry, the inbox \
            and a first administrator (its password is printed once). `osteodoc serve` then starts from there.

            \(ServiceConfiguration.helpText)
            """)

    @Flag(name: .long, help: "Make the data folder: configuration, registry, inbox, first administrator and API token.")
    var `init` = false

    @Option(name: .long, help: "The data folder (default: the current folder).")
    var data: String?

    @Option(name: .long, help: "Address to listen on (overrides server.host; default 127.0.0.1).")
    var host: String?

    @Option(name: .long, help: "Port (overrides server.port; default 8080; 0 picks a free one).")
    var port: Int?

    @Option(name: .long, help: "Folder holding templates/ and locales/ (default: the configuration's resources, else $OSTEODOC_RESOURCES, else <prefix>/share/osteodoc beside the installed program, else the source tree).")
    var resources: String?

    func run() async throws {
        let folder = URL(fileURLWithPath: data ?? FileManager.default.currentDirectoryPath)
        if self.`init` {
            do {
                let result = try await ServerBootstrap.initialize(dataFolder: folder)
                print("""
                    Wrote \(result.configurationFile.path), the registry and the inbox.
                    Administrator account: \(result.administrator)
                    Password (shown once, write it down): \(result.password)
                    API token for the planning core (shown once; it may only post plans): \(result.apiToken)
                    Start the server: osteodoc serve\(data.map { " --data \($0)" } ?? "")
                    """)
            } catch {
                Self.fail(String(describing: error))
            }
            return
        }
        var configuration: ServiceConfiguration
        do { configuration = try ServiceConfiguration.load(dataFolder: folder) } catch { Self.fail(error.description) }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(ServiceConfiguration.fileName).path) else {
            Self.fail("no \(ServiceConfiguration.fileName) in \(folder.path); run `osteodoc serve --init\(data.map { " --data \($0)" } ?? "")` first")
        }
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        let logger = ServerBootstrap.makeLogger(configuration)
        do {
            let resources = try ResourceLocator.locate(explicit: resources ?? configuration.resources)
            // [facility] of the same file: the renderer's settings (out-of-hours number, ward hours).
            let facility = try FacilitySettings.load(contentsOf: folder.appendingPathComponent(ServiceConfiguration.fileName))
            let engine = try DocumentEngine(resources: resources, settings: facility)
            let registry = try await ServerBootstrap.openRegistry(configuration, logger: logger)
            let service = try OsteodocService(registry: registry, engine: engine, configuration: configuration, logger: logger)
            try await service.listUnlistedPlans()
            let scheme = configuration.tlsCertificate == nil ? "http" : "https"
            let host = configuration.host
            try await ServerBootstrap.serve(service) { port in
                // One line on standard output for people and scripts: where to point the browser.
                FileHandle.standardOutput.write(Data("osteodoc serving on \(scheme)://\(host):\(port)/\n".utf8))
            }
            await registry.shutdown()
        } catch let e as CLIFailure {
            Self.fail(e.description)
        } catch {
            Self.fail(String(describing: error))
        }
    }
}

extension OsteodocServer {
    /// Prints `message` to standard error and exits with status 1 (messages name settings and
    /// files, never patient data).
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("osteodoc serve: " + message + "\n").utf8))
        Foundation.exit(1)
    }
}
