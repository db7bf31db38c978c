import Foundation
import Hummingbird
import Registry

/// The desk's search form: the text and the session's CSRF token.
struct DeskSearchForm: Decodable { var q: String?; var csrf: String? }

/// A document with its events, as the pages show it.
struct DocumentRecord {
    var document: IssuedDocument
    var events: [DocumentEvent]
    /// Signed by the registry's rule (a complete scan, or confirmed by hand; not voided).
    var isSigned: Bool

    var isVoided: Bool { events.contains { $0.type == .voided } }
    /// A scan came back but it is not signed yet: it needs a second look.
    var needsCheck: Bool { !isSigned && !isVoided && events.contains { $0.type == .scanned } }
    var isPrinted: Bool { events.contains { $0.type == .printed || $0.type == .reprinted } }
    var isHandedOver: Bool { events.contains { $0.type == .handedOver } }
}

extension OsteodocService {
    /// The front desk: today's and tomorrow's procedures (GET), and a search by family name,
    /// record number or date (POST). The search goes in the form's body, never in the URL: a
    /// family name or record number in a query string would stay in the browser's history and
    /// in the access log of any proxy in front of the service (OWASP ASVS 8.3.1).
    func addDeskPages(_ router: Router<ServiceContext>) {
        router.get("/desk") { request, _ -> Response in
            try await self.page(request) {
                let (principal, _) = try await self.staffMember(request, .readPlan)
                return try await self.deskPage(request, principal, query: "")
            }
        }
        router.post("/desk") { request, _ -> Response in
            try await self.page(request) {
                let form = try await self.form(DeskSearchForm.self, request)
                let (principal, _) = try await self.staffMember(request, .readPlan, form: form.csrf)
                return try await self.deskPage(request, principal, query: (form.q ?? "").trimmingCharacters(in: .whitespaces))
            }
        }
    }

    /// The desk page: the day lists when `query` is empty, else what it finds.
    private func deskPage(_ request: Request, _ principal: Principal, query: String) async throws -> Response {
        let text = pageText(request)
        let query = String(query.prefix(64))
        var lists: [[String: Any]] = []
        if query.isEmpty {
            let today = day(clock.now)
            let tomorrow = day(clock.now.addingTimeInterval(86_400))
            for (id, key, day) in [("today", "desk_today", today), ("tomorrow", "desk_tomorrow", tomorrow)] {
                let rows = try await registry.listings(.day(day), limit: 500)
                lists.append(try await deskList(id: id, heading: text(key, ["date": longDate(day, text)]),
                                                rows: rows, empty: text["list_empty"], text))
            }
        } else {
            let rows = try await search(query)
            lists.append(try await deskList(id: "results", heading: text("desk_results", ["query": query]),
                                            rows: rows, empty: text["desk_no_results"], withDate: true, text))
        }
        return html(request, "desk", title: text["desk_title"], principal: principal, ["query": query, "lists": lists])
    }

    /// A date (`2026-12-01` or `01/12/2026`) lists that day; anything else is a record number or
    /// the beginning of a family name.
    func search(_ query: String) async throws -> [PlanListing] {
        if let day = Self.isoDay(query) { return try await registry.listings(.day(day), limit: 200) }
        var found = try await registry.listings(.recordNumber(query), limit: 50)
        for listing in try await registry.listings(.familyName(query), limit: 200) where !found.contains(where: { $0.planId == listing.planId }) {
            found.append(listing)
        }
        return found
    }

    static func isoDay(_ text: String) -> String? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        let (y, m, d) = parts[0].count == 4 ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
        guard y.count == 4, let month = Int(m), let dayOfMonth = Int(d), (1...12).contains(month), (1...31).contains(dayOfMonth) else { return nil }
        return "\(y)-\(month < 10 ? "0" : "")\(month)-\(dayOfMonth < 10 ? "0" : "")\(dayOfMonth)"
    }

    private func deskList(id: String, heading: String, rows: [PlanListing], empty: String, withDate: Bool = false,
                          _ text: PageText) async throws -> [String: Any] {
        var out: [[String: Any]] = []
        for listing in rows {
            let records = try await documentRecords(planId: listing.planId)
            out.append([
                "planId": listing.planId, "familyName": listing.familyName, "givenName": listing.givenName,
                "when": withDate ? shortDate(listing.procedureDay, text) + " " + listing.procedureTime : listing.procedureTime,
                "birth": shortDate(listing.birthDate, text), "record": listing.recordNumber,
                "language": text.languageName(listing.language), "status": consentState(records, text),
            ])
        }
        return ["id": id, "heading": heading, "rows": out, "hasRows": !out.isEmpty, "empty": empty,
                "timeHeading": text[withDate ? "col_date_time" : "col_time"]]
    }

    /// The consent's state at a glance.
    private func consentState(_ records: [DocumentRecord], _ text: PageText) -> String {
        let consents = records.filter { $0.document.key.kind == Kind.consent.rawValue && !$0.isVoided }
        if consents.contains(where: \.isSigned) { return text["state_consent_signed"] }
        if consents.contains(where: \.needsCheck) { return text["state_consent_check"] }
        if consents.contains(where: \.isPrinted) { return text["state_consent_printed"] }
        if !consents.isEmpty { return text["state_consent_issued"] }
        return text["state_consent_none"]
    }

    /// The plan's documents, newest first, each with its events.
    func documentRecords(planId: String) async throws -> [DocumentRecord] {
        var records: [DocumentRecord] = []
        let signed = try await registry.signedDocuments(planId: planId)
        for document in try await registry.documents(planId: planId) {
            records.append(DocumentRecord(document: document, events: try await registry.events(documentId: document.id),
                                          isSigned: signed.contains(document.id)))
        }
        return records.sorted { ($0.document.issuedAt, $0.document.id) > ($1.document.issuedAt, $1.document.id) }
    }

    // MARK: dates in the facility's time zone and the page's language

    /// The day of `date` in the facility's time zone (`YYYY-MM-DD`).
    func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = engine.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    private func formatter(_ pattern: String, _ text: PageText) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: text.tag)
        formatter.timeZone = engine.timeZone
        formatter.dateFormat = pattern
        return formatter
    }

    private func parseDay(_ day: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = engine.timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: day + " 12:00")
    }

    /// "martedì 1 dicembre 2026".
    func longDate(_ day: String, _ text: PageText) -> String {
        parseDay(day).map { formatter(text["format_date"], text).string(from: $0) } ?? day
    }

    /// "01/12/2026".
    func shortDate(_ day: String, _ text: PageText) -> String {
        parseDay(day).map { formatter(text["format_date_short"], text).string(from: $0) } ?? day
    }

    /// "01/12/2026 14:05".
    func dateTime(_ date: Date, _ text: PageText) -> String {
        formatter(text["format_date_short"] + " " + text["format_time"], text).string(from: date)
    }
}
