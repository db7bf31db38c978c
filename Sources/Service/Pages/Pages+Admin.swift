import Foundation
import Hummingbird
import Registry

struct NewAccountForm: Decodable { var csrf: String?; var name: String; var role: String; var password: String }
struct AccountChangeForm: Decodable { var csrf: String?; var action: String; var password: String? }

extension OsteodocService {
    /// The administrator's page: accounts, printers (their state on the print server), facility settings.
    func addAdminPages(_ router: Router<ServiceContext>) {
        router.get("/admin") { request, _ -> Response in
            try await self.page(request) {
                let (principal, _) = try await self.staffMember(request, .manageAccounts)
                return try await self.adminPage(request, principal: principal)
            }
        }
        router.post("/admin/accounts") { request, _ -> Response in
            try await self.page(request) {
                let form = try await self.form(NewAccountForm.self, request)
                let (principal, _) = try await self.staffMember(request, .manageAccounts, form: form.csrf)
                let text = self.pageText(request)
                guard let role = Role(rawValue: form.role), (try? self.validId(form.name, "name")) != nil, form.name.count <= 64,
                      (12...200).contains(form.password.count) else {
                    throw PageOutcome.message(.badRequest, heading: text["error_title"], message: text["admin_account_invalid"])
                }
                do {
                    try await self.registry.createAccount(StaffAccount(name: form.name, role: role, passwordHash: self.auth.hash(password: form.password),
                                                                       createdAt: self.clock.now))
                } catch RegistryError.duplicate {
                    throw PageOutcome.message(.conflict, heading: text["error_title"], message: text["admin_account_exists"])
                }
                self.logger.info("account created", metadata: ["account": "\(form.name)", "role": "\(role.rawValue)", "by": "\(principal.name)"])
                throw PageOutcome.redirect("/admin?notice=account-created")
            }
        }
    }

    /// A new password, or the account disabled or enabled again (never one's own: no lock-out).
    func addAccountChangePage(_ router: Router<ServiceContext>) {
        router.post("/admin/accounts/{name}") { request, context -> Response in
            try await self.page(request) {
                let form = try await self.form(AccountChangeForm.self, request)
                let (principal, _) = try await self.staffMember(request, .manageAccounts, form: form.csrf)
                let text = self.pageText(request)
                let name = try self.validId(context.parameters.get("name"), "name")
                var notice = ""
                do {
                    switch form.action {
                    case "password":
                        guard let password = form.password, (12...200).contains(password.count) else {
                            throw PageOutcome.message(.badRequest, heading: text["error_title"], message: text["admin_account_invalid"])
                        }
                        try await self.registry.updateAccount(name: name, passwordHash: self.auth.hash(password: password), disabled: nil)
                        notice = "password-set"
                    case "disable", "enable":
                        guard name != principal.name else {
                            throw PageOutcome.message(.conflict, heading: text["error_title"], message: text["admin_not_yourself"])
                        }
                        try await self.registry.updateAccount(name: name, passwordHash: nil, disabled: form.action == "disable")
                        notice = form.action == "disable" ? "account-disabled" : "account-enabled"
                    default:
                        throw PageOutcome.message(.badRequest, heading: text["error_title"], message: text["error_form"])
                    }
                } catch RegistryError.unknownAccount {
                    throw PageOutcome.message(.notFound, heading: text["error_title"], message: text["admin_no_account"])
                }
                self.logger.info("account changed", metadata: ["account": "\(name)", "change": "\(notice)", "by": "\(principal.name)"])
                throw PageOutcome.redirect("/admin?notice=\(notice)")
            }
        }
    }

    private func adminPage(_ request: Request, principal: Principal) async throws -> Response {
        let text = pageText(request)
        let accounts = try await registry.accounts().map { a -> [String: Any] in
            ["name": a.name, "role": text[a.role.labelKey], "created": dateTime(a.createdAt, text),
             "state": text[a.disabled ? "admin_disabled" : "admin_active"], "disabled": a.disabled, "isSelf": a.name == principal.name]
        }
        var printers: [[String: Any]] = []
        for (name, use) in [(configuration.printerConsent, "admin_printer_consent"), (configuration.printerDischarge, "admin_printer_discharge")] {
            guard let name else { continue }
            let (state, css): (String, String)
            do {
                switch try await spooler.state(of: name) {
                case .ready: (state, css) = (text["printer_ready"], "ok")
                case .down: (state, css) = (text["printer_down"], "bad")
                case .missing: (state, css) = (text["printer_missing"], "bad")
                }
            } catch { (state, css) = (text["printer_unreachable"], "bad") }
            printers.append(["name": name, "use": text[use], "state": state, "stateClass": css])
        }
        if printers.isEmpty { printers.append(["name": "—", "use": text["printer_none"], "state": "", "stateClass": ""]) }
        let facility = engine.facility
        let settings: [(String, String)] = [
            ("admin_setting_timezone", facility.timeZone),
            ("admin_setting_out_of_hours", facility.outOfHoursPhone ?? "—"),
            ("admin_setting_ward_hours", facility.wardHours ?? "—"),
            ("admin_setting_database", configuration.sqlitePath != nil ? "SQLite" : "PostgreSQL"),
            ("admin_setting_inbox", configuration.inboxEnabled ? configuration.inboxURL.path : "—"),
            ("admin_setting_print_server", configuration.cupsServer ?? text["admin_setting_local"]),
        ]
        let known = ["account-created", "password-set", "account-disabled", "account-enabled"]
        let notice = request.uri.queryParameters.get("notice").flatMap { known.contains($0) ? $0 : nil }
        let notices: [[String: Any]] = notice.map { [["kind": "ok", "role": "status", "text": text["notice_" + $0.replacingOccurrences(of: "-", with: "_")]]] } ?? []
        return html(request, "admin", title: text["admin_title"], principal: principal, notices: notices, [
            "accounts": accounts, "printers": printers,
            "roles": Role.allCases.map { ["value": $0.rawValue, "label": text[$0.labelKey]] },
            "settings": settings.map { ["label": text[$0.0], "value": $0.1] },
        ])
    }
}
