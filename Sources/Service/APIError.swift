import Foundation
import Hummingbird

/// A failed request: a status and a short message (field paths and rules, never patient values,
/// never a stack trace), sent as `{"error": …, "violations": […]}`.
public struct APIError: Error, HTTPResponseError {
    public let status: HTTPResponse.Status
    public let message: String
    public var violations: [Violation]?
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ message: String, violations: [Violation]? = nil) {
        self.status = status; self.message = message; self.violations = violations
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONBody.response(ErrorBody(error: message, violations: violations), status: status)
        response.headers.append(contentsOf: headers)
        return response
    }

    static func engine(_ error: any Error) -> APIError {
        guard let failure = error as? EngineFailure else { return APIError(.internalServerError, "internal error") }
        switch failure {
        case .invalidPlan(let violations):
            return APIError(.unprocessableContent, "the plan does not follow the contract", violations: violations)
        case .unknownLanguage(let tag, let available):
            // The tag is the caller's own request, not plan data; bounded to keep the message short.
            return APIError(.unprocessableContent, "language \"\(tag.prefix(35))\" is not available; available: \(available.joined(separator: ", "))")
        case .incompleteTranslation(let tag):
            return APIError(.conflict, "the \(tag) translation is incomplete or stale for this document")
        case .needsOutcome:
            return APIError(.conflict, "the discharge sheet needs the plan's outcome; post the plan revision that adds it")
        case .badRequest(let message):
            return APIError(.badRequest, message)
        case .badScan(let message):
            return APIError(.unprocessableContent, "the scan cannot be read: \(message)")
        case .internal:
            return APIError(.internalServerError, "internal error")
        }
    }
}

struct ErrorBody: Encodable {
    var error: String
    var violations: [Violation]?
}

/// JSON responses with a fixed key order and ISO 8601 times.
enum JSONBody {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }()

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{\"error\":\"internal error\"}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
