import Foundation
import Hummingbird
import Registry

struct IssueRequest: Decodable {
    var planId: String
    var kind: Kind
    /// BCP 47 tags; empty or absent: the patient's language. Two: a bilingual document.
    var languages: [String]?
    /// Default: the latest revision.
    var revision: Int?
    /// Required when a signed document of this kind for this revision exists: it is replaced.
    var reason: String?
}

struct EventRequest: Decodable {
    var type: EventType
    var detail: String?
}

struct EventBody: Encodable {
    var sequence: Int64, type: String, account: String, at: Date, detail: String?
    init(_ e: DocumentEvent) { sequence = e.sequence; type = e.type.rawValue; account = e.account; at = e.at; detail = e.detail }
}

struct DocumentBody: Encodable {
    var id: String, planId: String, revision: Int, kind: String, languages: [String], format: String
    var contentVersion: String, engineVersion: String, sha256: String, size: Int, issuedAt: Date, issuedBy: String
    var replaces: String?, reason: String?
    var events: [EventBody]?

    init(_ d: IssuedDocument, events: [DocumentEvent]?) {
        id = d.id; planId = d.key.planId; revision = d.key.revision; kind = d.key.kind; languages = d.key.languages
        format = d.key.format; contentVersion = d.key.contentVersion; engineVersion = d.key.engineVersion
        sha256 = d.sha256; size = d.size; issuedAt = d.issuedAt; issuedBy = d.account
        replaces = d.replaces; reason = d.reason; self.events = events?.map(EventBody.init)
    }
}

struct VerifyBody: Encodable {
    var id: String, identical: Bool, storedSha256: String, regeneratedSha256: String?, reason: String?
}

extension OsteodocService {
    func addDocumentRoutes(_ router: Router<ServiceContext>) {
        router.post("/api/v1/documents") { request, _ -> Response in
            let body = try self.decode(IssueRequest.self, try await self.jsonBodyAfterAuth(request, anyOf: [.issueConsent, .issueDischarge]))
            let principal = try await self.authorize(request, body.kind.issuePermission)
            let document = try await self.issue(body, account: principal.name)
            var response = JSONBody.response(DocumentBody(document, events: nil), status: .created)
            response.headers[.location] = "/api/v1/documents/\(document.id)"
            return response
        }
        router.get("/api/v1/documents/{id}") { request, context -> Response in
            let principal = try await self.authorize(request, .readDocument)
            var id = try self.validId(context.parameters.get("id"), "id")
            if id.hasSuffix(".pdf") {
                id = String(id.dropLast(4))
                guard let bytes = try await self.registry.documentBytes(id: id) else { throw APIError(.notFound, "no document with this id") }
                _ = try await self.registry.append(NewEvent(documentId: id, type: .downloaded, account: principal.name, at: self.clock.now))
                return Response(status: .ok, headers: [.contentType: "application/pdf", .contentDisposition: "inline; filename=\"\(id).pdf\""],
                                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
            }
            guard let document = try await self.registry.document(id: id) else { throw APIError(.notFound, "no document with this id") }
            let events = try await self.registry.events(documentId: id)
            return JSONBody.response(DocumentBody(document, events: events))
        }
        router.post("/api/v1/documents/{id}/verify") { request, context -> Response in
            _ = try await self.authorize(request, .readDocument)
            let id = try self.validId(context.parameters.get("id"), "id")
            return JSONBody.response(try await self.verify(id))
        }
        router.post("/api/v1/documents/{id}/events") { request, context -> Response in
            let reader = try await self.authorize(request, .recordEvent)
            let id = try self.validId(context.parameters.get("id"), "id")
            let body = try self.decode(EventRequest.self, try await self.jsonBody(request))
            guard ![.issued, .downloaded, .printFailed].contains(body.type) else {
                throw APIError(.badRequest, "type: issued, downloaded and print-failed are recorded by the server")
            }
            if body.type == .voided { _ = try await self.authorize(request, .voidDocument) }
            if let d = body.detail, d.count > 200 { throw APIError(.badRequest, "detail: at most 200 characters") }
            do {
                let event = try await self.registry.append(NewEvent(documentId: id, type: body.type, account: reader.name,
                                                                    at: self.clock.now, detail: body.detail))
                self.logger.info("event", metadata: ["documentId": "\(id)", "type": "\(body.type.rawValue)", "account": "\(reader.name)"])
                return JSONBody.response(EventBody(event), status: .created)
            } catch RegistryError.unknownDocument { throw APIError(.notFound, "no document with this id") }
        }
        router.get("/api/v1/translations/{tag}/preview") { request, context -> Response in
            _ = try await self.authorize(request, .previewTranslation)
            let tag = context.parameters.get("tag") ?? ""
            guard (2...35).contains(tag.count), tag.utf8.allSatisfy({ Self.tagBytes.contains($0) }) else {
                throw APIError(.badRequest, "tag: a BCP 47 language tag")
            }
            let html: String
            do { html = try self.engine.translationPreview(tag) } catch { throw APIError.engine(error) }
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: html)))
        }
    }

    private static let tagBytes = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-".utf8)

    /// Authorizes for any of `permissions` before reading the body (an anonymous caller gets 401,
    /// not a parse error); the exact permission is checked once the body says what is asked.
    func jsonBodyAfterAuth(_ request: Request, anyOf permissions: [Permission]) async throws -> Data {
        var lastError: (any Error)?
        for p in permissions {
            do { _ = try await authorize(request, p); return try await jsonBody(request) } catch let e as APIError where e.status == .forbidden {
                lastError = e
            }
        }
        throw lastError ?? APIError(.forbidden, "this account may not do this")
    }

    /// Issues a document: renders it (or takes the archived bytes of the identical rendering:
    /// same input, same bytes) and records it with its `issued` event in one transaction.
    func issue(_ body: IssueRequest, account: String) async throws -> IssuedDocument {
        let planId = try validId(body.planId, "planId")
        if let r = body.reason, r.isEmpty || r.count > 200 { throw APIError(.badRequest, "reason: 1 to 200 characters") }
        if let languages = body.languages, languages.contains(where: { !(2...35).contains($0.count) || !$0.utf8.allSatisfy({ Self.tagBytes.contains($0) }) }) {
            throw APIError(.badRequest, "languages: BCP 47 language tags")
        }
        guard let revision = try await registry.planRevision(planId: planId, revision: body.revision) else {
            throw APIError(.notFound, body.revision == nil ? "no plan with this id" : "no such revision of this plan")
        }
        let prepared: PreparedDocument
        do {
            let facts = try engine.inspect(revision.bytes)
            prepared = try engine.prepare(body.kind, plan: facts, languages: body.languages ?? [])
        } catch { throw APIError.engine(error) }
        let key = RenderingKey(planId: planId, revision: revision.revision, kind: body.kind.rawValue, languages: prepared.languages,
                               format: "pdf", contentVersion: prepared.contentVersion, engineVersion: engine.engineVersion)
        var rendered = false
        let bytes: Data
        if let archived = try await registry.archivedRendering(key) {
            bytes = archived.bytes
        } else {
            do { bytes = Data(try engine.render(prepared)) } catch { throw APIError.engine(error) }
            rendered = true
        }
        do {
            let document = try await registry.issue(NewDocument(baseId: prepared.baseId, key: key, bytes: bytes, issuedAt: clock.now,
                                                                account: account, reason: body.reason))
            metrics.documentIssued(kind: body.kind.rawValue, rendered: rendered)
            logger.info("document issued", metadata: ["documentId": "\(document.id)", "kind": "\(body.kind.rawValue)",
                                                      "languages": "\(prepared.languages.joined(separator: ","))",
                                                      "revision": "\(revision.revision)", "account": "\(account)",
                                                      "replaces": "\(document.replaces ?? "-")"])
            return document
        } catch RegistryError.signedDocumentExists(let signed) {
            throw APIError(.conflict, "document \(signed) of this kind for this plan revision is signed; issue again with a reason to replace it")
        }
    }

    /// Regenerates a document from its stored plan revision and compares the bytes.
    func verify(_ id: String) async throws -> VerifyBody {
        guard let document = try await registry.document(id: id) else { throw APIError(.notFound, "no document with this id") }
        guard let revision = try await registry.planRevision(planId: document.key.planId, revision: document.key.revision) else {
            throw APIError(.internalServerError, "internal error")
        }
        guard let kind = Kind(rawValue: document.key.kind) else { throw APIError(.internalServerError, "internal error") }
        let prepared: PreparedDocument
        do {
            let facts = try engine.inspect(revision.bytes)
            prepared = try engine.prepare(kind, plan: facts, languages: document.key.languages)
        } catch {
            return VerifyBody(id: id, identical: false, storedSha256: document.sha256, regeneratedSha256: nil,
                              reason: "the document cannot be regenerated with this server's content")
        }
        guard prepared.contentVersion == document.key.contentVersion else {
            return VerifyBody(id: id, identical: false, storedSha256: document.sha256, regeneratedSha256: nil,
                              reason: "content version \(document.key.contentVersion) is no longer in the tree (now \(prepared.contentVersion))")
        }
        let bytes: [UInt8]
        do { bytes = try engine.render(prepared) } catch { throw APIError.engine(error) }
        let sha = Hash.sha256(bytes)
        return VerifyBody(id: id, identical: sha == document.sha256, storedSha256: document.sha256, regeneratedSha256: sha,
                          reason: sha == document.sha256 ? nil
                              : (document.key.engineVersion == engine.engineVersion ? "the bytes differ" : "issued by engine \(document.key.engineVersion)"))
    }
}
