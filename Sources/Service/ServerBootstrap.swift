import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL
import Registry
import ServiceLifecycle

/// Starting the server from a data folder, and making a new data folder (`--init`).
public enum ServerBootstrap {
    /// Opens the registry the configuration names.
    public static func openRegistry(_ configuration: ServiceConfiguration, logger: Logger) async throws -> any Registry {
        if let path = configuration.sqlitePath {
            return try SQLiteRegistry(path: path)
        }
        if configuration.databaseURL.hasPrefix("postgres://") || configuration.databaseURL.hasPrefix("postgresql://") {
            return try await PostgresRegistry(url: configuration.databaseURL, logger: logger,
                                              timeout: .seconds(max(1, configuration.databaseTimeoutSeconds)))
        }
        throw ConfigurationError.invalid("database.url", "must start with sqlite: or postgres://")
    }

    public static func makeLogger(_ configuration: ServiceConfiguration) -> Logger {
        let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
        return Logger(label: "osteodoc.server", factory: { JSONLogHandler(label: $0, level: level) })
    }

    /// The Hummingbird application: the routes, the inbox, TLS when a certificate is configured.
    public static func makeApplication(_ service: OsteodocService, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        throws -> some ApplicationProtocol {
        let c = service.configuration
        var services: [any ServiceLifecycle.Service] = []
        if c.inboxEnabled {
            for purpose in [Inbox.Purpose.plans, .scans] {
                let inbox = Inbox(service: service, purpose: purpose)
                try inbox.prepareFolders()
                services.append(inbox)
            }
        }
        var server: HTTPServerBuilder = .http1()
        if let certificate = c.tlsCertificate {
            guard let key = c.tlsKey else { throw ConfigurationError.invalid("server.tls_key", "required with server.tls_certificate") }
            let chain = try NIOSSLCertificate.fromPEMFile(certificate).map { NIOSSLCertificateSource.certificate($0) }
            let tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain,
                                                               privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            server = try .tls(.http1(), tlsConfiguration: tls)
        }
        return Application(router: service.router(), server: server,
                           configuration: .init(address: .hostname(c.host, port: c.port), serverName: nil),
                           services: services,
                           onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? c.port) },
                           logger: service.logger)
    }

    /// Runs the server until SIGTERM or SIGINT (graceful shutdown).
    public static func serve(_ service: OsteodocService, onServerRunning: @escaping @Sendable (Int) async -> Void) async throws {
        try await makeApplication(service, onServerRunning: onServerRunning).runService()
    }

    /// What `--init` made: the administrator's password and the planning core's token, shown once.
    public struct InitResult: Sendable {
        public var configurationFile: URL
        public var administrator: String
        public var password: String
        public var apiToken: String
    }

    /// Writes a commented configuration, the data folder, the registry and a first administrator
    /// (and the planning core's API token). Refuses a folder that already has a configuration.
    public static func initialize(dataFolder: URL, clock: any ServiceClock = SystemClock()) async throws -> InitResult {
        let file = dataFolder.appendingPathComponent(ServiceConfiguration.fileName)
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw ConfigurationError.invalid("--init", "\(file.path) exists; refusing to overwrite it")
        }
        try FileManager.default.createDirectory(at: dataFolder, withIntermediateDirectories: true)
        let temp = dataFolder.appendingPathComponent(".\(ServiceConfiguration.fileName).tmp")
        try Data(ServiceConfiguration.commentedFile.utf8).write(to: temp)
        // With the environment: OSTEODOC_DATABASE_URL makes the first administrator in PostgreSQL.
        let configuration = try ServiceConfiguration.load(dataFolder: dataFolder)
        let registry = try await openRegistry(configuration, logger: Logger(label: "osteodoc.init"))
        defer { Task { await registry.shutdown() } }
        let auth = Authenticator(registry: registry, clock: clock, configuration: configuration)
        let password = Tokens.random().prefix(20).description
        try await registry.createAccount(StaffAccount(name: "admin", role: .administrator,
                                                      passwordHash: auth.hash(password: password), createdAt: clock.now))
        let token = Tokens.random()
        try await registry.createAPIToken(APIToken(hash: Hash.sha256(Data(token.utf8)), name: "planning-core", createdAt: clock.now))
        try Inbox.prepareFolders(at: configuration.inboxURL)
        try Inbox.prepareFolders(at: configuration.inboxURL.appendingPathComponent("scans"))
        guard rename(temp.path, file.path) == 0 else { throw ConfigurationError.invalid("--init", "cannot write \(file.path)") }
        return InitResult(configurationFile: file, administrator: "admin", password: password, apiToken: token)
    }
}

