import Foundation
import Hummingbird
import Registry

struct LoginRequest: Decodable { var name: String; var password: String }
struct SessionBody: Encodable { var account: String; var role: String; var csrfToken: String; var expiresAt: Date }
struct NewAccountRequest: Decodable { var name: String; var role: Role; var password: String }
struct AccountBody: Encodable { var name: String; var role: String }

extension OsteodocService {
    /// Login (JSON only: a cross-site form cannot send it), logout, the current session, accounts.
    func addSessionRoutes(_ router: Router<ServiceContext>) {
        router.post("/api/v1/login") { request, context -> Response in
            let body = try self.decode(LoginRequest.self, try await self.jsonBody(request))
            guard (1...64).contains(body.name.count), body.password.count <= 200 else {
                throw APIError(.unauthorized, "wrong account or password")
            }
            switch try await self.auth.login(name: body.name, password: body.password, address: context.remoteAddress) {
            case .limited:
                var e = APIError(.tooManyRequests, "too many failed logins; wait a minute")
                e.headers[.retryAfter] = "60"
                throw e
            case .refused:
                self.logger.notice("login refused")
                throw APIError(.unauthorized, "wrong account or password")
            case .ok(let token, let session, let role):
                self.logger.info("login", metadata: ["account": "\(session.account)"])
                var response = JSONBody.response(SessionBody(account: session.account, role: role.rawValue,
                                                             csrfToken: session.csrfToken, expiresAt: session.expiresAt))
                response.setCookie(Cookie(name: Authenticator.sessionCookie, value: token,
                                          maxAge: self.configuration.sessionMinutes * 60, path: "/",
                                          secure: self.configuration.secureCookies, httpOnly: true, sameSite: .strict))
                return response
            }
        }
        router.post("/api/v1/logout") { request, _ -> Response in
            let principal = try await self.authorize(request, .readOwnSession)
            if let hash = principal.sessionHash { try await self.registry.deleteSession(tokenHash: hash) }
            var response = Response(status: .noContent)
            response.setCookie(Cookie(name: Authenticator.sessionCookie, value: "", maxAge: 0, path: "/",
                                      secure: self.configuration.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }
        router.get("/api/v1/session") { request, _ -> Response in
            let p = try await self.authorize(request, .readOwnSession)
            guard case .staff(let role) = p.kind, let csrf = p.csrfToken, let hash = p.sessionHash,
                  let session = try await self.registry.session(tokenHash: hash) else {
                throw APIError(.forbidden, "not a staff session")
            }
            return JSONBody.response(SessionBody(account: p.name, role: role.rawValue, csrfToken: csrf, expiresAt: session.expiresAt))
        }
        router.post("/api/v1/accounts") { request, _ -> Response in
            let admin = try await self.authorize(request, .manageAccounts)
            let body = try self.decode(NewAccountRequest.self, try await self.jsonBody(request))
            _ = try self.validId(body.name, "name")
            guard body.password.count >= 12, body.password.count <= 200 else {
                throw APIError(.badRequest, "password: 12 to 200 characters")
            }
            do {
                try await self.registry.createAccount(StaffAccount(name: body.name, role: body.role,
                                                                   passwordHash: self.auth.hash(password: body.password),
                                                                   createdAt: self.clock.now))
            } catch RegistryError.duplicate { throw APIError(.conflict, "name: an account with this name exists") }
            self.logger.info("account created", metadata: ["account": "\(body.name)", "role": "\(body.role.rawValue)", "by": "\(admin.name)"])
            return JSONBody.response(AccountBody(name: body.name, role: body.role.rawValue), status: .created)
        }
    }
}
