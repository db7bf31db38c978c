import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import Registry
import ScanBack

struct IssueForm: Decodable {
    var csrf: String?
    var kind: Kind
    var lang: String
    var second: String?
    var printer: String?
    var reason: String?
    var action: String
}

extension OsteodocService {
    /// A patient's page (documents that apply, preview, print, download, scan-back, history) and
    /// what its forms post.
    func addPatientPages(_ router: Router<ServiceContext>) {
        router.get("/patients/{planId}") { request, context -> Response in
            try await self.page(request) {
                let (principal, role) = try await self.staffMember(request, .readPlan)
                let planId = try self.validId(context.parameters.get("planId"), "planId")
                return try await self.patientPage(request, planId: planId, principal: principal, role: role)
            }
        }
        // The page's Anteprima button posts the card's form (its token never lands in a URL or a log).
        router.post("/patients/{planId}/preview") { request, context -> Response in
            try await self.page(request) {
                let form = try await self.form(IssueForm.self, request)
                _ = try await self.staffMember(request, .readDocument, form: form.csrf)
                let planId = try self.validId(context.parameters.get("planId"), "planId")
                let bytes = try await self.preview(planId: planId, kind: form.kind, languages: Self.languages(form.lang, form.second), request)
                return Response(status: .ok, headers: [.contentType: "application/pdf", .cacheControl: "no-store",
                                                       .contentDisposition: "inline; filename=\"preview-\(form.kind.rawValue).pdf\""],
                                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
            }
        }
        router.post("/patients/{planId}/documents") { request, context -> Response in
            try await self.page(request) {
                let form = try await self.form(IssueForm.self, request)
                let (principal, _) = try await self.staffMember(request, form.kind.issuePermission, form: form.csrf)
                let planId = try self.validId(context.parameters.get("planId"), "planId")
                return try await self.issueFromPage(request, form, planId: planId, account: principal.name)
            }
        }
        router.post("/documents/{id}/scans") { request, context -> Response in
            try await self.page(request) {
                let id = try self.validId(context.parameters.get("id"), "id")
                // Who is asking before reading up to 32 MiB; the form's token once it is read.
                let (principal, _) = try await self.staffMember(request, .recordEvent, checkCSRF: false)
                let upload = try await self.scanUpload(request)
                try self.requireCSRF(request, principal, upload.csrf)
                guard let document = try await self.registry.document(id: id) else { throw APIError(.notFound, "no document with this id") }
                let text = self.pageText(request)
                let pages: ScannedPages
                do { pages = try self.engine.decodeScan(upload.bytes) } catch {
                    throw PageOutcome.message(.unprocessableContent, heading: text["scan_failed_title"], message: text["scan_unreadable"])
                }
                do {
                    let stored = try await self.recordScan(upload.bytes, pages, mediaType: upload.mediaType, of: document, account: principal.name)
                    throw PageOutcome.redirect("/patients/\(document.key.planId)?notice=scanned#scan-\(stored.sequence)")
                } catch let error as APIError where error.status == .unprocessableContent {
                    throw PageOutcome.message(.unprocessableContent, heading: text["scan_failed_title"], message: text["scan_not_this_document"])
                }
            }
        }
        router.get("/scans/{sequence}") { request, context -> Response in
            try await self.page(request) {
                _ = try await self.staffMember(request, .readDocument)
                guard let sequence = context.parameters.get("sequence").flatMap(Int64.init),
                      let bytes = try await self.registry.scanBytes(sequence: sequence) else { throw APIError(.notFound, "no such scan") }
                return Response(status: .ok, headers: [.contentType: Self.scanMediaType(of: bytes) ?? "application/octet-stream", .cacheControl: "no-store"],
                                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
            }
        }
        router.post("/documents/{id}/handed-over") { request, context -> Response in
            try await self.page(request) {
                let form = try await self.form(CSRFForm.self, request)
                let (principal, _) = try await self.staffMember(request, .issueDischarge, form: form.csrf)
                let id = try self.validId(context.parameters.get("id"), "id")
                guard let document = try await self.registry.document(id: id), document.key.kind == Kind.discharge.rawValue else {
                    throw APIError(.notFound, "no discharge sheet with this id")
                }
                _ = try await self.registry.append(NewEvent(documentId: id, type: .handedOver, account: principal.name, at: self.clock.now))
                self.logger.info("event", metadata: ["documentId": "\(id)", "type": "handed-over", "account": "\(principal.name)"])
                throw PageOutcome.redirect("/patients/\(document.key.planId)?notice=handed-over")
            }
        }
    }

    /// What a scan's bytes are, by their signature: PDF, PNG or JPEG (nil for anything else).
    static func scanMediaType(of bytes: Data) -> String? {
        if bytes.starts(with: [0x25, 0x50, 0x44, 0x46]) { return "application/pdf" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        return nil
    }

    static func languages(_ main: String, _ second: String?) -> [String] {
        guard let second, !second.isEmpty, second != main else { return [main] }
        return [main, second]
    }

    /// The PDF as it would be issued, not recorded (nothing is issued by looking).
    private func preview(planId: String, kind: Kind, languages: [String], _ request: Request) async throws -> [UInt8] {
        guard let revision = try await registry.planRevision(planId: planId, revision: nil) else { throw APIError(.notFound, "no plan with this id") }
        do {
            return try engine.render(try engine.prepare(kind, plan: try engine.inspect(revision.bytes), languages: languages))
        } catch EngineFailure.incompleteTranslation {
            let text = pageText(request)
            throw PageOutcome.message(.conflict, heading: text["error_title"], message: text["error_translation"])
        } catch { throw APIError.engine(error) }
    }

    /// Print or Download: the document already issued for this plan revision, kind and languages
    /// (so a second print is a reprint of the same document), else a new issue.
    private func issueFromPage(_ request: Request, _ form: IssueForm, planId: String, account: String) async throws -> Response {
        let text = pageText(request)
        let languages = Self.languages(form.lang, form.second)
        guard let revision = try await registry.planRevision(planId: planId, revision: nil) else { throw APIError(.notFound, "no plan with this id") }
        let prepared: PreparedDocument
        do { prepared = try engine.prepare(form.kind, plan: try engine.inspect(revision.bytes), languages: languages) } catch EngineFailure.incompleteTranslation {
            throw PageOutcome.message(.conflict, heading: text["error_title"], message: text["error_translation"])
        } catch { throw APIError.engine(error) }
        let existing = try await documentRecords(planId: planId).first { r in
            r.document.key.revision == revision.revision && r.document.key.kind == form.kind.rawValue
                && r.document.key.languages == prepared.languages && r.document.key.contentVersion == prepared.contentVersion
                && r.document.key.engineVersion == engine.engineVersion && !r.isVoided
        }
        let document: IssuedDocument
        if let existing {
            document = existing.document
        } else {
            let reason = form.reason.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            do {
                document = try await issue(IssueRequest(planId: planId, kind: form.kind, languages: prepared.languages,
                                                        revision: revision.revision, reason: reason), account: account)
            } catch let error as APIError where error.status == .conflict {
                throw PageOutcome.message(.conflict, heading: text["error_title"], message: text["error_signed_needs_reason"])
            }
        }
        if form.action == "download" { throw PageOutcome.redirect("/api/v1/documents/\(document.id).pdf") }
        let asked = form.printer.flatMap { $0.isEmpty ? nil : $0 }
        if asked == nil && (form.kind == .discharge ? configuration.printerDischarge : configuration.printerConsent) == nil {
            throw PageOutcome.redirect("/patients/\(planId)?notice=print-failed&why=unconfigured&doc=\(document.id)")
        }
        do {
            let printer = try self.printer(asked, for: form.kind)
            _ = try await print(document, to: printer, account: account)
            throw PageOutcome.redirect("/patients/\(planId)?notice=printed&doc=\(document.id)")
        } catch let error as APIError {
            let why = error.status == .unprocessableContent ? "missing" : error.status == .conflict ? "down" : "unreachable"
            throw PageOutcome.redirect("/patients/\(planId)?notice=print-failed&why=\(why)&doc=\(document.id)")
        }
    }

    /// The scan form: its CSRF token and the file, read with MultipartKit's parser.
    private func scanUpload(_ request: Request) async throws -> (csrf: String, bytes: Data, mediaType: String) {
        let text = pageText(request)
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = contentType.components(separatedBy: "boundary=").last.map({ $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }),
              !boundary.isEmpty else {
            throw PageOutcome.message(.unsupportedMediaType, heading: text["scan_failed_title"], message: text["error_form"])
        }
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: configuration.maxScanBytes + 65_536) } catch {
            throw PageOutcome.message(.contentTooLarge, heading: text["scan_failed_title"], message: text["scan_too_large"])
        }
        var parts: [(headers: [String: String], body: ByteBuffer)] = []
        var headers: [String: String] = [:]
        var current = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in current.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append((headers, current))
            headers = [:]
            current = ByteBuffer()
        }
        do { try parser.execute(body) } catch {
            throw PageOutcome.message(.badRequest, heading: text["scan_failed_title"], message: text["error_form"])
        }
        func named(_ name: String) -> (headers: [String: String], body: ByteBuffer)? {
            parts.first { ($0.headers["content-disposition"] ?? "").contains("name=\"\(name)\"") }
        }
        guard let csrf = named("csrf").map({ String(buffer: $0.body) }), let file = named("scan"), file.body.readableBytes > 0 else {
            throw PageOutcome.message(.badRequest, heading: text["scan_failed_title"], message: text["scan_no_file"])
        }
        let bytes = Data(file.body.readableBytesView)
        // The browser's declared type is not trusted: the bytes say what they are.
        guard let mediaType = Self.scanMediaType(of: bytes) else {
            throw PageOutcome.message(.unsupportedMediaType, heading: text["scan_failed_title"], message: text["scan_type"])
        }
        guard bytes.count <= configuration.maxScanBytes else {
            throw PageOutcome.message(.contentTooLarge, heading: text["scan_failed_title"], message: text["scan_too_large"])
        }
        return (csrf, bytes, mediaType)
    }
}
