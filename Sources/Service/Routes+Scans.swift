import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Registry
import ScanBack

struct ScanBody: Encodable {
    var sequence: Int64, documentId: String, mediaType: String, sha256: String, size: Int, receivedAt: Date, receivedBy: String
    var event: EventBody
    var report: ScanReport

    init(_ s: StoredScan) throws {
        sequence = s.sequence; documentId = s.documentId; mediaType = s.mediaType; sha256 = s.sha256; size = s.size
        receivedAt = s.receivedAt; receivedBy = s.account; event = EventBody(s.event)
        report = try JSONDecoder().decode(ScanReport.self, from: s.report)
    }
}

/// A document's form: per page its size and its fields, in PDF points from the page's top-left corner.
struct FormMapBody: Encodable {
    struct Field: Encodable {
        var kind: String, group: Int, prompt: String, label: String
        var x: Double, y: Double, width: Double, height: Double
        var oneAnswer: Bool, required: Bool
    }
    struct Page: Encodable { var number: Int, width: Double, height: Double, fields: [Field] }
    var documentId: String
    var pages: [Page]
}

extension OsteodocService {
    static let scanMediaTypes = ["application/pdf", "image/png", "image/jpeg"]

    func addScanRoutes(_ router: Router<ServiceContext>) {
        // The signed paper, scanned: read, stored with the document, its answers and flags returned.
        router.post("/api/v1/documents/{id}/scans") { request, context -> Response in
            let principal = try await self.authorize(request, .recordEvent)
            let id = try self.validId(context.parameters.get("id"), "id")
            let type = (request.headers[.contentType] ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            guard Self.scanMediaTypes.contains(type) else {
                throw APIError(.unsupportedMediaType, "the body must be the scan: application/pdf, image/png or image/jpeg")
            }
            let bytes: Data
            do {
                bytes = Data(try await request.body.collect(upTo: self.configuration.maxScanBytes).readableBytesView)
            } catch is NIOTooManyBytesError {
                throw APIError(.contentTooLarge, "the scan is larger than \(self.configuration.maxScanBytes) bytes")
            }
            guard let document = try await self.registry.document(id: id) else { throw APIError(.notFound, "no document with this id") }
            let pages: ScannedPages
            do { pages = try self.engine.decodeScan(bytes) } catch { throw APIError.engine(error) }
            let stored = try await self.recordScan(bytes, pages, mediaType: type, of: document, account: principal.name)
            return JSONBody.response(try ScanBody(stored), status: .created)
        }
        // Where the boxes and signature spaces are: for scanning stations and the browser tests.
        router.get("/api/v1/documents/{id}/form") { request, context -> Response in
            _ = try await self.authorize(request, .readDocument)
            let id = try self.validId(context.parameters.get("id"), "id")
            guard let document = try await self.registry.document(id: id) else { throw APIError(.notFound, "no document with this id") }
            return JSONBody.response(try await self.formMap(of: document))
        }
        router.get("/api/v1/documents/{id}/scans") { request, context -> Response in
            _ = try await self.authorize(request, .readDocument)
            let id = try self.validId(context.parameters.get("id"), "id")
            guard try await self.registry.document(id: id) != nil else { throw APIError(.notFound, "no document with this id") }
            return JSONBody.response(try await self.registry.scans(documentId: id).map(ScanBody.init))
        }
    }

    /// The form map of an issued document, laid out again from its plan revision (as `recordScan` does).
    func formMap(of document: IssuedDocument) async throws -> FormMapBody {
        guard let kind = Kind(rawValue: document.key.kind),
              let revision = try await registry.planRevision(planId: document.key.planId, revision: document.key.revision) else {
            throw APIError(.internalServerError, "internal error")
        }
        do {
            let prepared = try engine.prepare(kind, plan: try engine.inspect(revision.bytes), languages: document.key.languages)
            guard prepared.contentVersion == document.key.contentVersion else {
                throw APIError(.conflict, "the document was printed from content version \(document.key.contentVersion), no longer in the tree")
            }
            return try engine.formMap(prepared)
        } catch let error as APIError { throw error } catch { throw APIError.engine(error) }
    }

    /// A scan whose document is not known beforehand (the scan inbox): the document is the latest
    /// issue of the one most of its pages' codes name.
    func receiveScan(_ bytes: Data, mediaType: String, account: String) async throws -> StoredScan {
        if bytes.count > configuration.maxScanBytes {
            throw APIError(.contentTooLarge, "the scan is larger than \(configuration.maxScanBytes) bytes")
        }
        let pages: ScannedPages
        do { pages = try engine.decodeScan(bytes) } catch { throw APIError.engine(error) }
        guard let printedId = pages.documentIds.first else {
            throw APIError(.unprocessableContent, "no page of the scan has a readable osteodoc code; nothing stored")
        }
        guard let document = try await registry.latestDocument(baseId: printedId) else {
            throw APIError(.unprocessableContent, "document \(printedId) was not issued by this server; nothing stored")
        }
        return try await recordScan(bytes, pages, mediaType: mediaType, of: document, account: account)
    }

    /// Reads the scan against the document as it was printed, then stores scan, report and
    /// `scanned` event together. A scan with no page of this document stores nothing (422).
    func recordScan(_ bytes: Data, _ pages: ScannedPages, mediaType: String, of document: IssuedDocument,
                            account: String) async throws -> StoredScan {
        guard let kind = Kind(rawValue: document.key.kind),
              let revision = try await registry.planRevision(planId: document.key.planId, revision: document.key.revision) else {
            throw APIError(.internalServerError, "internal error")
        }
        let prepared: PreparedDocument
        do {
            prepared = try engine.prepare(kind, plan: try engine.inspect(revision.bytes), languages: document.key.languages)
        } catch { throw APIError.engine(error) }
        guard prepared.contentVersion == document.key.contentVersion else {
            throw APIError(.conflict, "the document was printed from content version \(document.key.contentVersion), no longer in the tree: check the scan by hand")
        }
        let report: ScanReport
        do { report = try engine.readScan(pages, of: prepared) } catch { throw APIError.engine(error) }
        guard !report.pagesReceived.isEmpty else {
            throw APIError(.unprocessableContent, "no page of document \(report.documentId) in the scan "
                           + "(\(report.flags.filter { $0.kind == .foreignPage }.count) other document(s), "
                           + "\(report.flags.filter { $0.kind == .unreadablePage }.count) page(s) without a readable code); nothing stored")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let kinds = report.flags.map(\.kind.rawValue)
        let summary = report.isComplete ? "complete" : "\(kinds.count) flag(s): " + Array(Set(kinds)).sorted().joined(separator: ", ")
        let stored = try await registry.recordScan(NewScan(documentId: document.id, mediaType: mediaType, bytes: bytes,
                                                           report: try encoder.encode(report), summary: summary,
                                                           receivedAt: clock.now, account: account, complete: report.isComplete))
        logger.info("scan received", metadata: ["documentId": "\(document.id)", "pages": "\(report.pagesReceived.count)/\(report.pages)",
                                                "flags": "\(kinds.joined(separator: ","))", "account": "\(account)"])
        return stored
    }
}
