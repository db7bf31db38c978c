import Hummingbird

extension OsteodocService {
    /// `/` is the staff pages' front door (`addSessionPages`). `/health` (the process answers), `/ready` (the registry answers too), `/metrics` (Prometheus).
    func addOperationRoutes(_ router: Router<ServiceContext>) {
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

}
