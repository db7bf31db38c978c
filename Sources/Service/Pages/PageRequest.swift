import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Registry

/// What a page handler can end with besides a page: a redirect (303, so that a reload never
/// posts again) or a page saying what went wrong, with its status.
enum PageOutcome: Error {
    case redirect(String)
    case message(HTTPResponse.Status, heading: String, message: String)
}

/// The page a role lands on, and the pages it sees in the navigation.
extension Role {
    var home: String {
        switch self {
        case .frontDesk: "/desk"
        case .ward: "/ward"
        case .translator: "/translations"
        case .administrator: "/admin"
        }
    }

    var pages: [(href: String, key: String)] {
        switch self {
        case .frontDesk: [("/desk", "nav_desk"), ("/ward", "nav_ward")]
        case .ward: [("/ward", "nav_ward"), ("/desk", "nav_desk")]
        case .translator: [("/translations", "nav_translations")]
        case .administrator: [("/desk", "nav_desk"), ("/ward", "nav_ward"), ("/translations", "nav_translations"), ("/admin", "nav_admin")]
        }
    }

    var labelKey: String { "role_" + rawValue.replacingOccurrences(of: "-", with: "_") }
}

extension OsteodocService {
    static let languageCookie = "osteodoc_lang"
    static let loginCookie = "osteodoc_login"

    /// The strings of the request's interface language.
    func pageText(_ request: Request) -> PageText {
        let tag = pages.language(cookie: request.cookies[Self.languageCookie]?.value,
                                 acceptLanguage: request.headers[.acceptLanguage])
        return PageText(tag: tag, strings: pages.strings(tag))
    }

    /// The staff member behind the session cookie, allowed `permission`; else a redirect to the
    /// login page (no session) or a 403 page. Unsafe requests must carry the session's CSRF token
    /// in the form (`csrf`), compared in constant time.
    func staffMember(_ request: Request, _ permission: Permission, form csrf: String? = nil, checkCSRF: Bool = true) async throws -> (Principal, Role) {
        let text = pageText(request)
        guard let cookie = request.cookies[Authenticator.sessionCookie]?.value,
              let principal = try await auth.principal(bearer: nil, sessionCookie: cookie),
              case .staff(let role) = principal.kind else {
            let next = request.method == .get ? request.uri.path : "/"
            throw PageOutcome.redirect("/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_."))) ?? "/"))
        }
        guard permission.allows(principal.kind) else {
            throw PageOutcome.message(.forbidden, heading: text["error_forbidden_title"], message: text["error_forbidden"])
        }
        if checkCSRF && request.method != .get && request.method != .head { try requireCSRF(request, principal, csrf) }
        return (principal, role)
    }

    /// The form's token against the session's.
    func requireCSRF(_ request: Request, _ principal: Principal, _ sent: String?) throws {
        guard let sent, let expected = principal.csrfToken, constantTimeEqual(sent, expected) else {
            let text = pageText(request)
            throw PageOutcome.message(.forbidden, heading: text["error_forbidden_title"], message: text["error_csrf"])
        }
    }

    /// A form body (application/x-www-form-urlencoded), bounded.
    func form<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        let text = pageText(request)
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            throw PageOutcome.message(.unsupportedMediaType, heading: text["error_title"], message: text["error_form"])
        }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: 65_536) } catch {
            throw PageOutcome.message(.contentTooLarge, heading: text["error_title"], message: text["error_form"])
        }
        do { return try URLEncodedFormDecoder().decode(T.self, from: String(buffer: buffer)) } catch {
            throw PageOutcome.message(.badRequest, heading: text["error_title"], message: text["error_form"])
        }
    }

    /// Runs a page handler: its redirects and messages become responses; an API error (from the
    /// shared issuing, printing and scanning code) becomes a message page with the same status.
    func page(_ request: Request, _ body: () async throws -> Response) async throws -> Response {
        do { return try await body() } catch let outcome as PageOutcome {
            switch outcome {
            case .redirect(let location): return Response(status: .seeOther, headers: [.location: location])
            case .message(let status, let heading, let message):
                return try await messagePage(request, status: status, heading: heading, message: message)
            }
        } catch let error as APIError {
            let text = pageText(request)
            return try await messagePage(request, status: error.status, heading: text["error_title"],
                                         message: text("error_status", ["status": "\(error.status.code)"]))
        }
    }

    private func messagePage(_ request: Request, status: HTTPResponse.Status, heading: String, message: String) async throws -> Response {
        var principal: Principal?
        if let cookie = request.cookies[Authenticator.sessionCookie]?.value {
            principal = try? await auth.principal(bearer: nil, sessionCookie: cookie)
        }
        var response = html(request, "message", title: heading, principal: principal,
                            ["heading": heading, "message": message, "back": principal.flatMap(\.homePath) ?? "/login"])
        response.status = status
        return response
    }

    /// A rendered page with the shared parts of the layout (navigation, account, language switch).
    func html(_ request: Request, _ template: String, title: String, principal: Principal?, notices: [[String: Any]] = [],
              _ context: [String: Any]) -> Response {
        let text = pageText(request)
        var all = context
        all["t"] = text.strings
        all["lang"] = text.tag
        all["title"] = title
        all["path"] = request.uri.path
        all["notices"] = notices
        all["interfaceLanguages"] = pages.languages.map { tag in
            ["tag": tag, "label": PageText(tag: tag, strings: [:]).languageName(tag), "selected": tag == text.tag] as [String: Any]
        }
        if let principal, case .staff(let role) = principal.kind {
            all["user"] = [
                "name": principal.name, "roleLabel": text[role.labelKey], "csrf": principal.csrfToken ?? "",
                "nav": role.pages.map { ["href": $0.href, "label": text[$0.key], "current": request.uri.path.hasPrefix($0.href)] as [String: Any] },
            ] as [String: Any]
            all["csrf"] = principal.csrfToken ?? ""
        }
        return Response(status: .ok, headers: Self.pageHeaders, body: .init(byteBuffer: ByteBuffer(string: pages.render(template, all))))
    }

    /// Pages carry patient data: never cached, never framed, no script or plugin from anywhere.
    static let pageHeaders: HTTPFields = [
        .contentType: "text/html; charset=utf-8",
        .cacheControl: "no-store",
        .contentSecurityPolicy: "default-src 'self'; script-src 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
    ]

    /// A path inside this site (for `next` and `back`): starts with one slash, no scheme or host.
    static func localPath(_ raw: String?) -> String? {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"), raw.count <= 512,
              raw.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { return nil }
        return raw
    }
}

extension Principal {
    var homePath: String? { if case .staff(let role) = kind { return role.home }; return nil }
}
