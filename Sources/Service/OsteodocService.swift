import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Registry

/// The HTTP service behind `osteodoc serve`: plans in, documents out, a registry of both.
/// Everything it needs is given (registry, engine, clock, configuration, logger), so tests run it
/// with a fixed clock and a temporary registry.
public final class OsteodocService: Sendable {
    public let registry: any Registry
    public let engine: DocumentEngine
    public let clock: any ServiceClock
    public let configuration: ServiceConfiguration
    public let logger: Logger
    public let metrics = ServiceMetrics()
    /// Where documents are printed (CUPS unless a test gives another).
    public let spooler: any PrintSpooler
    /// The staff pages' templates and strings.
    public let pages: StaffPages
    let auth: Authenticator

    /// - Parameter pages: the staff pages; by default read from the engine's resources (`web/`, `locales/`).
    public init(registry: any Registry, engine: DocumentEngine, clock: any ServiceClock = SystemClock(),
                configuration: ServiceConfiguration, logger: Logger, spooler: (any PrintSpooler)? = nil,
                pages: StaffPages? = nil) throws {
        self.pages = try pages ?? StaffPages(resources: engine.resources)
        self.registry = registry
        self.spooler = spooler ?? CUPSSpooler(server: configuration.cupsServer)
        self.engine = engine
        self.clock = clock
        self.configuration = configuration
        self.logger = logger
        auth = Authenticator(registry: registry, clock: clock, configuration: configuration)
    }

    /// The routes (see openapi.yaml).
    public func router() -> Router<ServiceContext> {
        let router = Router(context: ServiceContext.self)
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(middleware: RegistryFailureMiddleware(logger: logger))
        addOperationRoutes(router)
        addSessionRoutes(router)
        addPlanRoutes(router)
        addDocumentRoutes(router)
        addPrintRoutes(router)
        addScanRoutes(router)
        addSessionPages(router)
        addDeskPages(router)
        addPatientPages(router)
        addWardPages(router)
        addTranslationPages(router)
        addAdminPages(router)
        addAccountChangePage(router)
        return router
    }

    // MARK: - shared request handling

    /// The principal, or 401/403. Cookie sessions must also send their CSRF token on every
    /// unsafe request (header `X-CSRF-Token`); API tokens carry no ambient authority and need none.
    func authorize(_ request: Request, _ permission: Permission) async throws -> Principal {
        let bearer = request.headers[.authorization].flatMap { h -> String? in
            h.lowercased().hasPrefix("bearer ") ? String(h.dropFirst(7)).trimmingCharacters(in: .whitespaces) : nil
        }
        let cookie = request.cookies[Authenticator.sessionCookie]?.value
        guard let principal = try await auth.principal(bearer: bearer, sessionCookie: cookie) else {
            throw APIError(.unauthorized, "sign in first (session cookie) or send the API token (Authorization: Bearer)")
        }
        guard permission.allows(principal.kind) else {
            throw APIError(.forbidden, "this account may not do this")
        }
        if request.method != .get && request.method != .head, let csrf = principal.csrfToken {
            guard let sent = request.headers[.csrfToken], constantTimeEqual(sent, csrf) else {
                throw APIError(.forbidden, "missing or wrong X-CSRF-Token")
            }
        }
        return principal
    }

    /// The body, bounded and with the right media type.
    func jsonBody(_ request: Request) async throws -> Data {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/json") else {
            throw APIError(.unsupportedMediaType, "the body must be application/json")
        }
        do {
            let buffer = try await request.body.collect(upTo: configuration.maxBodyBytes)
            return Data(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the body is larger than \(configuration.maxBodyBytes) bytes")
        }
    }

    func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        do { return try JSONDecoder().decode(type, from: data) } catch let DecodingError.keyNotFound(key, _) {
            throw APIError(.badRequest, "\(key.stringValue): required")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw APIError(.badRequest, "\(Self.path(context.codingPath)): wrong type")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw APIError(.badRequest, "\(Self.path(context.codingPath)): invalid value")
        } catch {
            throw APIError(.badRequest, "the body is not valid JSON")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    /// Ids in paths: letters, digits, `.`, `_`, `-` (the contract's plan-id alphabet), no `..`.
    func validId(_ raw: String?, _ what: String) throws -> String {
        guard let raw, (1...128).contains(raw.utf8.count), !raw.contains(".."), !raw.hasPrefix("."),
              raw.utf8.allSatisfy({ Self.idBytes.contains($0) }) else {
            throw APIError(.badRequest, "\(what): must be 1–128 letters, digits, '.', '_' or '-'")
        }
        return raw
    }

    private static let idBytes = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-".utf8)

    func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension HTTPField.Name {
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
}

/// Registry outages become 503 with Retry-After (the registry reconnects by itself); other
/// unexpected errors 500 without detail. Both are logged without request data.
struct RegistryFailureMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do { return try await next(request, context) } catch let error as RegistryError {
            switch error {
            case .unavailable:
                logger.warning("registry unavailable", metadata: ["route": "\(context.endpointPath ?? "-")"])
                var e = APIError(.serviceUnavailable, "the registry is unavailable; try again shortly")
                e.headers[.retryAfter] = "2"
                throw e
            default:
                logger.error("registry error", metadata: ["route": "\(context.endpointPath ?? "-")", "error": "\(error)"])
                throw APIError(.internalServerError, "internal error")
            }
        } catch let error as APIError {
            throw error
        } catch let error as any HTTPResponseError {
            // Hummingbird's own (no route, wrong method, body too large): the same JSON shape.
            let message = error.status.code == 404 ? "no such resource" : error.status.reasonPhrase
            throw APIError(error.status, message)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the body is too large")
        } catch {
            logger.error("unexpected error", metadata: ["route": "\(context.endpointPath ?? "-")", "type": "\(type(of: error))"])
            throw APIError(.internalServerError, "internal error")
        }
    }
}

/// One structured line per request: method, route pattern, status, duration. Never the body.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        func log(_ status: Int) {
            let ms = (ContinuousClock.now - start) / .milliseconds(1)
            logger.info("request", metadata: [
                "method": "\(request.method.rawValue)", "route": "\(context.endpointPath ?? "unmatched")",
                "status": "\(status)", "ms": "\(String(format: "%.2f", ms))",
            ])
        }
        do {
            let response = try await next(request, context)
            log(response.status.code)
            return response
        } catch {
            log((error as? any HTTPResponseError)?.status.code ?? 500)
            throw error
        }
    }
}
