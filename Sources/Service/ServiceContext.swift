import Hummingbird
import NIOCore

/// The per-request context: Hummingbird's core storage plus the peer's address (for the login
/// rate limit).
public struct ServiceContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Bodies are bounded by the route (`server.max_body_bytes`); this is Hummingbird's outer bound.
    public var maxUploadSize: Int { 8 * 1024 * 1024 }
}
