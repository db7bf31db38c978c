import Foundation

/// Where the service gets the time from: injected, so that tests are deterministic.
public protocol ServiceClock: Sendable {
    var now: Date { get }
}

/// The machine's clock.
public struct SystemClock: ServiceClock {
    public init() {}
    public var now: Date { Date() }
}
