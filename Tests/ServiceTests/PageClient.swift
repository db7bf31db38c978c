import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Registry
import Service
import XCTest

/// A print server that accepts every job (or none): for the pages' own tests; the real CUPS
/// scheduler is exercised by PrintingTests and the browser check.
final class RecordingSpooler: PrintSpooler, @unchecked Sendable {
    private let lock = NSLock()
    private var submitted: [(printer: String, title: String, bytes: Data)] = []
    let state: PrinterState
    init(state: PrinterState = .ready) { self.state = state }
    var jobs: [(printer: String, title: String, bytes: Data)] { lock.withLock { submitted } }
    func state(of printer: String) async throws -> PrinterState { state }
    func submit(_ pdf: Data, printer: String, title: String) async throws -> String {
        lock.withLock {
            submitted.append((printer, title, pdf))
            return "\(printer)-\(submitted.count)"
        }
    }
}

extension Client {
    /// A staff page as a browser asks for it (the session cookie, an interface language).
    func page(_ uri: String, login: Login? = nil, language: String? = nil, cookies: [String] = []) async throws -> Reply {
        var headers: HTTPFields = [:]
        var jar = cookies
        if let login { jar.append("osteodoc_session=\(login.cookie)") }
        if !jar.isEmpty { headers[.cookie] = jar.joined(separator: "; ") }
        if let language { headers[.acceptLanguage] = language }
        return try await client.execute(uri: uri, method: .get, headers: headers, body: nil) { response in
            Reply(status: response.status, headers: response.headers, body: Data(response.body.readableBytesView))
        }
    }

    /// A form post (application/x-www-form-urlencoded), with the session's CSRF token unless `csrf` is false.
    func submit(_ uri: String, _ fields: [(String, String)], login: Login? = nil, csrf: Bool = true, cookies: [String] = []) async throws -> Reply {
        var all = fields
        if let login, csrf { all.append(("csrf", login.csrf)) }
        let body = all.map { "\(Self.formEncode($0.0))=\(Self.formEncode($0.1))" }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        var jar = cookies
        if let login { jar.append("osteodoc_session=\(login.cookie)") }
        if !jar.isEmpty { headers[.cookie] = jar.joined(separator: "; ") }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
            Reply(status: response.status, headers: response.headers, body: Data(response.body.readableBytesView))
        }
    }

    /// A multipart/form-data post of one file field and the CSRF token, as a browser sends it.
    func upload(_ uri: String, file: Data, field: String, filename: String, type: String, login: Login, csrf: String? = nil) async throws -> Reply {
        let boundary = "----osteodoc-test-boundary-7f3a"
        var body = Data()
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf ?? login.csrf)\r\n".utf8))
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\nContent-Type: \(type)\r\n\r\n".utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: "osteodoc_session=\(login.cookie)"]
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body)) { response in
            Reply(status: response.status, headers: response.headers, body: Data(response.body.readableBytesView))
        }
    }

    static func formEncode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return (s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s)
    }
}

extension Client.Reply {
    /// The value of a hidden input or the first match of `name="…" value="…"`.
    func field(_ name: String) -> String? {
        guard let range = text.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = text[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// A cookie this reply sets.
    func cookie(_ name: String) -> String? {
        headers[values: .setCookie].compactMap { line -> String? in
            guard line.hasPrefix(name + "=") else { return nil }
            return line.split(separator: ";").first.map { String($0.dropFirst(name.count + 1)) }
        }.first
    }

    var location: String? { headers[.location] }
}
