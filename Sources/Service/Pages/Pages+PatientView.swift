import Foundation
import Hummingbird
import Registry
import ScanBack

extension OsteodocService {
    /// The kinds of document, in the order a patient receives them.
    static let pageKinds: [Kind] = [.preparation, .consent, .discharge]

    func patientPage(_ request: Request, planId: String, principal: Principal, role: Role) async throws -> Response {
        let text = pageText(request)
        guard let listing = try await registry.listing(planId: planId) else {
            throw PageOutcome.message(.notFound, heading: text["error_title"], message: text["error_no_patient"])
        }
        let records = try await documentRecords(planId: planId)
        var context: [String: Any] = [
            "planId": planId, "familyName": listing.familyName, "givenName": listing.givenName,
            "birth": shortDate(listing.birthDate, text), "record": listing.recordNumber,
            "languageName": text.languageName(listing.language), "revision": listing.revision,
            "procedure": longDate(listing.procedureDay, text) + ", " + listing.procedureTime,
        ]
        context["documents"] = Self.pageKinds.map { documentCard($0, listing: listing, records: records, role: role, text) }
        let consents = records.filter { $0.document.key.kind == Kind.consent.rawValue && !$0.isVoided }
        // One upload per consent issued (each language has its own document and codes).
        context["consents"] = consents.map { record in
            ["id": record.document.id,
             "uploadLabel": text("scan_upload_label", ["document": text["kind_consent"] + " · "
                 + record.document.key.languages.map(text.languageName).joined(separator: " + "), "id": record.document.id])]
        }
        var scans: [[String: Any]] = []
        for record in consents {
            for scan in try await registry.scans(documentId: record.document.id).reversed() {
                scans.append(scanView(scan, text))
            }
        }
        context["scans"] = scans
        let history = records.map { historyRow($0, role: role, text) }
        context["history"] = history
        context["hasHistory"] = !history.isEmpty
        return html(request, "patient", title: "\(listing.familyName) \(listing.givenName)", principal: principal,
                    notices: notices(request, records, text), context)
    }

    private func documentCard(_ kind: Kind, listing: PlanListing, records: [DocumentRecord], role: Role, _ text: PageText) -> [String: Any] {
        var card: [String: Any] = ["kind": kind.rawValue, "title": text["kind_\(kind.rawValue)"], "purpose": text["purpose_\(kind.rawValue)"]]
        if !kind.issuePermission.allows(.staff(role)) {
            card["unavailable"] = text[kind == .discharge ? "document_ward_only" : "document_desk_only"]
            return card
        }
        if kind.documentKind.descriptor.needsOutcome && !listing.hasOutcome {
            card["unavailable"] = text["document_needs_outcome"]
            return card
        }
        // Italian first, then by name in the page's language.
        let languages = engine.printableLanguages(kind).sorted {
            ($0 == StaffPages.sourceLanguage ? 0 : 1, text.languageName($0)) < ($1 == StaffPages.sourceLanguage ? 0 : 1, text.languageName($1))
        }
        let main = languages.contains(listing.language) ? listing.language : StaffPages.sourceLanguage
        card["available"] = true
        card["languages"] = languages.map { ["tag": $0, "label": text.languageName($0), "selected": $0 == main] as [String: Any] }
        card["secondLanguages"] = [["tag": "", "label": text["document_no_second"], "selected": true] as [String: Any]]
            + languages.map { ["tag": $0, "label": text.languageName($0), "selected": false] as [String: Any] }
        let preferred = kind == .discharge ? configuration.printerDischarge : configuration.printerConsent
        var printers = [preferred, configuration.printerConsent, configuration.printerDischarge].compactMap { $0 }
        printers = printers.enumerated().filter { !printers.prefix($0.offset).contains($0.element) }.map(\.element)
        card["printers"] = printers.isEmpty ? [["name": "", "label": text["printer_none"], "selected": true] as [String: Any]]
            : printers.map { ["name": $0, "label": $0, "selected": $0 == printers.first] as [String: Any] }
        card["signed"] = records.contains { $0.document.key.kind == kind.rawValue && $0.document.key.revision == listing.revision && $0.isSigned }
        return card
    }

    private func scanView(_ scan: StoredScan, _ text: PageText) -> [String: Any] {
        guard let report = try? JSONDecoder().decode(ScanReport.self, from: scan.report) else { return [:] }
        let flags = report.flags.map { text("flag_" + $0.kind.rawValue.replacingOccurrences(of: "-", with: "_"), ["about": $0.about]) }
        return [
            "sequence": scan.sequence,
            "heading": text("scan_heading", ["date": dateTime(scan.receivedAt, text), "id": scan.documentId]),
            "complete": report.isComplete, "hasFlags": !flags.isEmpty, "flags": flags,
            "answers": report.answers.map { answer -> [String: Any] in
                let ticked = answer.options.filter(\.ticked).map(\.label)
                // A list without a question: the decision (one answer) or statements to tick.
                let prompt = !answer.prompt.isEmpty ? answer.prompt : text[answer.oneAnswer ? "scan_decision" : "scan_statements"]
                return ["prompt": prompt,
                        "answer": ticked.isEmpty ? text["scan_no_answer"] : ticked.joined(separator: "; ")]
            },
            // The signatures that count: the required ones, and any other that was signed (a witness, an interpreter).
            "hasSignatures": report.signatures.contains { $0.required || $0.present },
            "signatures": report.signatures.filter { $0.required || $0.present }.map { s -> [String: Any] in
                ["caption": "\(s.caption) — \(s.label)",
                 "state": s.present ? text["scan_signed"] : s.required ? text["scan_unsigned_required"] : text["scan_unsigned"]]
            },
        ]
    }

    private func historyRow(_ record: DocumentRecord, role: Role, _ text: PageText) -> [String: Any] {
        let d = record.document
        var row: [String: Any] = [
            "id": d.id,
            "title": text["kind_\(d.key.kind)"] + " · " + d.key.languages.map(text.languageName).joined(separator: " + "),
            "issued": text("history_issued_by", ["date": dateTime(d.issuedAt, text), "account": d.account]),
            "events": record.events.map { e -> [String: Any] in
                let name = text["event_" + e.type.rawValue.replacingOccurrences(of: "-", with: "_")]
                let detail = [.printed, .reprinted, .printFailed, .voided].contains(e.type) ? e.detail.map { " (\(printDetail($0, text)))" } ?? "" : ""
                return ["type": e.type.rawValue, "text": "\(dateTime(e.at, text)) — \(name)\(detail) — \(e.account)"]
            },
            "handOver": d.key.kind == Kind.discharge.rawValue && Permission.issueDischarge.allows(.staff(role))
                && record.isPrinted && !record.isHandedOver && !record.isVoided,
        ]
        if let replaced = d.replaces { row["replaces"] = text("history_replaces", ["id": replaced]) }
        return row
    }

    /// What the last action did, from the query the redirect carries (keys only: the words are the catalog's).
    private func notices(_ request: Request, _ records: [DocumentRecord], _ text: PageText) -> [[String: Any]] {
        let q = request.uri.queryParameters
        let record = q.get("doc").flatMap { id in records.first { $0.document.id == id } }
        switch q.get("notice") {
        case "printed":
            let event = record?.events.last { $0.type == .printed || $0.type == .reprinted }
            let key = event?.type == .reprinted ? "notice_reprinted" : "notice_printed"
            let what = record.map { text["kind_\($0.document.key.kind)"] + " · " + $0.document.key.languages.map(text.languageName).joined(separator: " + ") } ?? ""
            return [["kind": "ok", "role": "status", "text": text(key, ["document": what, "detail": event.map { printDetail($0.detail ?? "", text) } ?? ""])]]
        case "print-failed":
            let why = ["missing", "down", "unreachable", "unconfigured"].contains(q.get("why") ?? "") ? q.get("why") ?? "" : "unreachable"
            let event = record?.events.last { $0.type == .printFailed }
            let printer = event?.detail.flatMap { $0.split(separator: ":").first }.map { String($0.dropFirst("printer ".count)) } ?? ""
            return [["kind": "error", "role": "alert", "text": text("notice_print_failed_\(why)", ["printer": printer])]]
        case "scanned": return [["kind": "ok", "role": "status", "text": text["notice_scanned"]]]
        case "handed-over": return [["kind": "ok", "role": "status", "text": text["notice_handed_over"]]]
        default: return []
        }
    }

    /// The server's event detail in the page's words: "printer Q, job Q-12" → "stampante Q, lavoro Q-12";
    /// "printer Q: why" → "stampante Q". Anything else (a reason given by staff) as it is.
    func printDetail(_ detail: String, _ text: PageText) -> String {
        guard detail.hasPrefix("printer ") else { return detail }
        let rest = detail.dropFirst("printer ".count)
        if let comma = rest.range(of: ", job ") {
            return text("print_detail", ["printer": String(rest[..<comma.lowerBound]), "job": String(rest[comma.upperBound...])])
        }
        let printer = rest.split(separator: ":").first.map(String.init) ?? String(rest)
        return text("print_detail_failed", ["printer": printer])
    }
}
