import Foundation
import Hummingbird
import Registry
import Subprocesses

struct PrintRequest: Decodable {
    /// A CUPS queue; absent: the configured one for the document's kind (`[printers]`).
    var printer: String?
}

struct PrintBody: Encodable {
    var documentId: String, printer: String, job: String
    var event: EventBody
}

extension OsteodocService {
    func addPrintRoutes(_ router: Router<ServiceContext>) {
        router.post("/api/v1/documents/{id}/print") { request, context -> Response in
            let body = try self.decode(PrintRequest.self, try await self.jsonBodyAfterAuth(request, anyOf: [.issueConsent, .issueDischarge]))
            let id = try self.validId(context.parameters.get("id"), "id")
            guard let document = try await self.registry.document(id: id) else { throw APIError(.notFound, "no document with this id") }
            let kind = Kind(rawValue: document.key.kind)
            let principal = try await self.authorize(request, kind?.issuePermission ?? .issueConsent)
            let printer = try self.printer(body.printer, for: kind)
            return JSONBody.response(try await self.print(document, to: printer, account: principal.name), status: .created)
        }
    }

    /// The queue to use: the one asked for, else the configured one for this kind of document.
    func printer(_ asked: String?, for kind: Kind?) throws -> String {
        let configured = kind == .discharge ? configuration.printerDischarge : configuration.printerConsent
        guard let name = asked ?? configured else {
            let setting = kind == .discharge ? "printers.discharge" : "printers.consent"
            throw APIError(.unprocessableContent, "printer: no printer given and none configured (\(setting))")
        }
        // CUPS queue names: printable, no space, '/' or '#' (lpadmin(8)); kept to a safe subset.
        guard (1...127).contains(name.utf8.count),
              name.utf8.allSatisfy({ Self.printerNameBytes.contains($0) }), name.first != "-" else {
            throw APIError(.badRequest, "printer: a CUPS queue name (letters, digits, '.', '_', '-')")
        }
        return name
    }

    private static let printerNameBytes = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-".utf8)

    /// Sends the archived bytes to the queue and records `printed` (the first time) or `reprinted`,
    /// naming the queue and the job. A queue that is down, missing or a print server that does not
    /// answer is recorded as `print-failed` and answered with what happened: nothing is lost silently.
    func print(_ document: IssuedDocument, to printer: String, account: String) async throws -> PrintBody {
        guard let bytes = try await registry.documentBytes(id: document.id) else { throw APIError(.notFound, "no document with this id") }
        func failed(_ status: HTTPResponse.Status, _ message: String) async throws -> APIError {
            _ = try await registry.append(NewEvent(documentId: document.id, type: .printFailed, account: account, at: clock.now,
                                                   detail: "printer \(printer): \(message)"))
            logger.warning("print failed", metadata: ["documentId": "\(document.id)", "printer": "\(printer)", "reason": "\(message)"])
            return APIError(status, "printer \(printer): \(message); nothing was printed")
        }
        let job: String
        do {
            switch try await spooler.state(of: printer) {
            case .missing: throw try await failed(.unprocessableContent, "no such printer on the print server")
            case .down(let why): throw try await failed(.conflict, "the printer is \(why)")
            case .ready: break
            }
            job = try await spooler.submit(bytes, printer: printer, title: document.id)
        } catch let error as PrintSpoolerError {
            throw try await failed(.serviceUnavailable, error.description)
        } catch let error as SubprocessError {
            throw try await failed(.serviceUnavailable, error.description)
        }
        let earlier = try await registry.events(documentId: document.id)
        let type: EventType = earlier.contains { $0.type == .printed || $0.type == .reprinted } ? .reprinted : .printed
        let event = try await registry.append(NewEvent(documentId: document.id, type: type, account: account, at: clock.now,
                                                       detail: "printer \(printer), job \(job)"))
        metrics.documentPrinted(kind: document.key.kind, reprint: type == .reprinted)
        logger.info("document printed", metadata: ["documentId": "\(document.id)", "printer": "\(printer)", "job": "\(job)",
                                                   "type": "\(type.rawValue)", "account": "\(account)"])
        return PrintBody(documentId: document.id, printer: printer, job: job, event: EventBody(event))
    }
}
