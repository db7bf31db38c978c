import Foundation
import Hummingbird
import Metrics
import Prometheus

/// Prometheus metrics through swift-metrics, in a registry of the service's own (not the
/// process-wide MetricsSystem, so that several services in one test process stay apart).
public struct ServiceMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    let factory: PrometheusMetricsFactory

    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
        self.factory = factory
    }

    func request(method: String, route: String, status: Int, nanoseconds: Int64) {
        let dimensions = [("method", method), ("route", route), ("status", String(status))]
        Counter(label: "osteodoc_http_requests_total", dimensions: dimensions, factory: factory).increment()
        Metrics.Timer(label: "osteodoc_http_request_duration_seconds", dimensions: [("method", method), ("route", route)], factory: factory)
            .recordNanoseconds(nanoseconds)
    }

    func documentIssued(kind: String, rendered: Bool) {
        Counter(label: "osteodoc_documents_issued_total", dimensions: [("kind", kind)], factory: factory).increment()
        if rendered { Counter(label: "osteodoc_documents_rendered_total", dimensions: [("kind", kind)], factory: factory).increment() }
    }

    func documentPrinted(kind: String, reprint: Bool) {
        Counter(label: "osteodoc_documents_printed_total", dimensions: [("kind", kind), ("reprint", String(reprint))], factory: factory).increment()
    }

    func plan(created: Bool, source: String) {
        Counter(label: "osteodoc_plans_received_total", dimensions: [("created", String(created)), ("source", source)], factory: factory).increment()
    }

    /// The text exposition format.
    func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}

/// Counts every request and its latency, labelled by route pattern (never by the raw path,
/// which could carry ids).
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            record(method, context, response.status.code, start)
            return response
        } catch {
            record(method, context, (error as? any HTTPResponseError)?.status.code ?? 500, start)
            throw error
        }
    }

    private func record(_ method: String, _ context: Context, _ status: Int, _ start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let ns = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        metrics.request(method: method, route: context.endpointPath ?? "unmatched", status: status, nanoseconds: ns)
    }
}
