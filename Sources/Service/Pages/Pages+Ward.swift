import Foundation
import Hummingbird
import Registry

extension OsteodocService {
    /// The ward: the day's procedures and where each discharge sheet stands.
    func addWardPages(_ router: Router<ServiceContext>) {
        router.get("/ward") { request, _ -> Response in
            try await self.page(request) {
                let (principal, _) = try await self.staffMember(request, .readPlan)
                let text = self.pageText(request)
                let day = request.uri.queryParameters.get("day").flatMap { Self.isoDay($0) } ?? self.day(self.clock.now)
                var rows: [[String: Any]] = []
                for listing in try await self.registry.listings(.day(day), limit: 500) {
                    let (state, css) = self.dischargeState(listing, try await self.documentRecords(planId: listing.planId), text)
                    rows.append(["planId": listing.planId, "familyName": listing.familyName, "givenName": listing.givenName,
                                 "time": listing.procedureTime, "record": listing.recordNumber, "state": state, "stateClass": css])
                }
                return self.html(request, "ward", title: text["ward_title"], principal: principal, [
                    "day": day, "heading": text("ward_heading", ["date": self.longDate(day, text)]), "rows": rows, "hasRows": !rows.isEmpty,
                ])
            }
        }
    }

    /// Waiting for the outcome → ready → issued → printed → handed over.
    private func dischargeState(_ listing: PlanListing, _ records: [DocumentRecord], _ text: PageText) -> (String, String) {
        guard listing.hasOutcome else { return (text["ward_waiting"], "warn") }
        let sheets = records.filter { $0.document.key.kind == Kind.discharge.rawValue && !$0.isVoided }
        if sheets.contains(where: \.isHandedOver) { return (text["ward_handed_over"], "ok") }
        if sheets.contains(where: \.isPrinted) { return (text["ward_printed"], "ok") }
        if !sheets.isEmpty { return (text["ward_issued"], "warn") }
        return (text["ward_ready"], "warn")
    }
}
