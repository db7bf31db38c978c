import Hummingbird

extension OsteodocService {
    /// `/health` (the process answers), `/ready` (the registry answers too), `/metrics` (Prometheus).
    func addOperationRoutes(_ router: Router<ServiceContext>) {
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: Self.home)))
        }
        router.get("/health") { _, _ in JSONBody.response(["status": "ok"]) }
        router.get("/ready") { _, _ -> Response in
            do { try await self.registry.ping() } catch {
                var r = JSONBody.response(["status": "registry unavailable"], status: .serviceUnavailable)
                r.headers[.retryAfter] = "2"
                return r
            }
            return JSONBody.response(["status": "ready"])
        }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: .init(byteBuffer: ByteBuffer(bytes: self.metrics.exposition())))
        }
    }

    /// The landing page until the front-desk and ward pages exist.
    static let home = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>osteodoc server</title></head>
        <body><h1>osteodoc server</h1>
        <p>The HTTP API is under <code>/api/v1</code>, described by <code>openapi.yaml</code> in the repository.
        Operations: <a href="/health">/health</a>, <a href="/ready">/ready</a>, <a href="/metrics">/metrics</a>.</p>
        </body></html>
        """
}
