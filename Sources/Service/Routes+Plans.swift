import Foundation
import Hummingbird
import Registry

struct PlanRevisionBody: Encodable {
    var planId: String, revision: Int, sha256: String, receivedAt: Date, hasOutcome: Bool, created: Bool
}

struct PlanBody: Encodable {
    var planId: String, latestRevision: Int, sha256: String, receivedAt: Date, hasOutcome: Bool
    var documents: [String]
}

extension OsteodocService {
    /// `POST /api/v1/plans`: 201 with the new revision, 200 when these exact bytes are already
    /// the plan's revision (idempotent), 422 with every violation.
    func addPlanRoutes(_ router: Router<ServiceContext>) {
        router.post("/api/v1/plans") { request, _ -> Response in
            let principal = try await self.authorize(request, .postPlan)
            let bytes = try await self.jsonBody(request)
            let (revision, created) = try await self.receivePlan(bytes, account: principal.name, source: "api")
            var response = JSONBody.response(PlanRevisionBody(planId: revision.planId, revision: revision.revision, sha256: revision.sha256,
                                                              receivedAt: revision.receivedAt, hasOutcome: revision.hasOutcome, created: created),
                                             status: created ? .created : .ok)
            response.headers[.location] = "/api/v1/plans/\(revision.planId)"
            return response
        }
        router.get("/api/v1/plans/{planId}") { request, context -> Response in
            _ = try await self.authorize(request, .readPlan)
            let planId = try self.validId(context.parameters.get("planId"), "planId")
            guard let latest = try await self.registry.planRevision(planId: planId, revision: nil) else {
                throw APIError(.notFound, "no plan with this id")
            }
            let documents = try await self.registry.documents(planId: planId).map(\.id)
            return JSONBody.response(PlanBody(planId: planId, latestRevision: latest.revision, sha256: latest.sha256,
                                              receivedAt: latest.receivedAt, hasOutcome: latest.hasOutcome, documents: documents))
        }
    }

    /// Validates and stores a plan (the API's and the inbox's one way in).
    func receivePlan(_ bytes: Data, account: String, source: String) async throws -> (PlanRevision, Bool) {
        if bytes.count > DocumentEngine.maximumPlanSize {
            throw APIError(.contentTooLarge, "the plan is larger than \(DocumentEngine.maximumPlanSize) bytes")
        }
        let facts: PlanFacts
        do { facts = try engine.inspect(bytes) } catch {
            if case .invalidPlan(let v)? = error as? EngineFailure {
                logger.info("plan refused", metadata: ["source": "\(source)", "violations": "\(v.count)",
                                                       "paths": "\(v.prefix(10).map(\.path).joined(separator: " "))"])
            }
            throw APIError.engine(error)
        }
        let (revision, created) = try await registry.storePlan(NewPlanRevision(
            planId: facts.planId, bytes: bytes, receivedAt: clock.now, account: account, hasOutcome: facts.hasOutcome,
            listing: facts.listing(in: engine.timeZone)))
        metrics.plan(created: created, source: source)
        logger.info(created ? "plan revision stored" : "plan unchanged", metadata: [
            "planId": "\(revision.planId)", "revision": "\(revision.revision)", "source": "\(source)", "account": "\(account)"])
        return (revision, created)
    }

    /// Lists the plans a registry made before listings existed (migration 4): their latest
    /// revision, decoded once. Idempotent; run by the server at start.
    public func listUnlistedPlans() async throws {
        var listed = 0
        for planId in try await registry.unlistedPlans() {
            guard let revision = try await registry.planRevision(planId: planId, revision: nil),
                  let facts = try? engine.inspect(revision.bytes) else { continue }
            var listing = facts.listing(in: engine.timeZone)
            listing.revision = revision.revision
            try await registry.storeListing(listing)
            listed += 1
        }
        if listed > 0 { logger.info("plans listed for the staff pages", metadata: ["plans": "\(listed)"]) }
    }
}
