import Foundation
import Hummingbird
import Registry

struct LoginForm: Decodable { var name: String; var password: String; var csrf: String?; var next: String? }
struct CSRFForm: Decodable { var csrf: String? }
struct LanguageForm: Decodable { var lang: String; var back: String? }

extension OsteodocService {
    /// Login and logout by HTML form, the interface language, the stylesheet, the front door.
    ///
    /// The login form is protected by a double-submit token (a cookie only this site can set, the
    /// same value in the form): a form on another site cannot log a browser into an account of
    /// its choosing. Every later form carries the session's CSRF token.
    func addSessionPages(_ router: Router<ServiceContext>) {
        router.get("/") { request, _ -> Response in
            try await self.page(request) {
                if let cookie = request.cookies[Authenticator.sessionCookie]?.value,
                   let principal = try await self.auth.principal(bearer: nil, sessionCookie: cookie), let home = principal.homePath {
                    throw PageOutcome.redirect(home)
                }
                throw PageOutcome.redirect("/login")
            }
        }
        router.get("/static/staff.css") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: self.pages.stylesheet)))
        }
        router.get("/login") { request, _ -> Response in
            try await self.page(request) { self.loginPage(request, next: request.uri.queryParameters.get("next"), error: nil, status: .ok) }
        }
        router.post("/login") { request, context -> Response in
            try await self.page(request) {
                let text = self.pageText(request)
                let form = try await self.form(LoginForm.self, request)
                guard let cookie = request.cookies[Self.loginCookie]?.value, let sent = form.csrf, self.constantTimeEqual(cookie, sent) else {
                    return self.loginPage(request, next: form.next, error: text["login_expired"], status: .forbidden)
                }
                guard (1...64).contains(form.name.count), form.password.count <= 200 else {
                    return self.loginPage(request, next: form.next, error: text["login_refused"], status: .unauthorized)
                }
                switch try await self.auth.login(name: form.name, password: form.password, address: context.remoteAddress) {
                case .limited:
                    var response = self.loginPage(request, next: form.next, error: text["login_limited"], status: .tooManyRequests)
                    response.headers[.retryAfter] = "60"
                    return response
                case .refused:
                    self.logger.notice("login refused", metadata: ["via": "page"])
                    return self.loginPage(request, next: form.next, error: text["login_refused"], status: .unauthorized)
                case .ok(let token, let session, let role):
                    self.logger.info("login", metadata: ["account": "\(session.account)", "via": "page"])
                    var response = Response(status: .seeOther, headers: [.location: Self.localPath(form.next) ?? role.home])
                    response.setCookie(Cookie(name: Authenticator.sessionCookie, value: token,
                                              maxAge: self.configuration.sessionMinutes * 60, path: "/",
                                              secure: self.configuration.secureCookies, httpOnly: true, sameSite: .strict))
                    response.setCookie(Cookie(name: Self.loginCookie, value: "", maxAge: 0, path: "/login",
                                              secure: self.configuration.secureCookies, httpOnly: true, sameSite: .strict))
                    return response
                }
            }
        }
        router.post("/logout") { request, _ -> Response in
            try await self.page(request) {
                let form = try await self.form(CSRFForm.self, request)
                let (principal, _) = try await self.staffMember(request, .readOwnSession, form: form.csrf)
                if let hash = principal.sessionHash { try await self.registry.deleteSession(tokenHash: hash) }
                var response = Response(status: .seeOther, headers: [.location: "/login"])
                response.setCookie(Cookie(name: Authenticator.sessionCookie, value: "", maxAge: 0, path: "/",
                                          secure: self.configuration.secureCookies, httpOnly: true, sameSite: .strict))
                return response
            }
        }
        // A preference only (no account data): no CSRF token, so that it works before logging in.
        router.post("/language") { request, _ -> Response in
            try await self.page(request) {
                let form = try await self.form(LanguageForm.self, request)
                var response = Response(status: .seeOther, headers: [.location: Self.localPath(form.back) ?? "/"])
                if self.pages.languages.contains(form.lang) {
                    response.setCookie(Cookie(name: Self.languageCookie, value: form.lang, maxAge: 365 * 86_400, path: "/",
                                              secure: self.configuration.secureCookies, httpOnly: true, sameSite: .lax))
                }
                return response
            }
        }
    }

    private func loginPage(_ request: Request, next: String?, error: String?, status: HTTPResponse.Status) -> Response {
        let text = pageText(request)
        let token = Tokens.random()
        var response = html(request, "login", title: text["login_title"], principal: nil,
                            notices: error.map { [["kind": "error", "role": "alert", "text": $0]] } ?? [],
                            ["loginToken": token, "next": Self.localPath(next) ?? ""])
        response.status = status
        response.setCookie(Cookie(name: Self.loginCookie, value: token, maxAge: 3600, path: "/login",
                                  secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }
}
