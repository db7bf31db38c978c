import Content
import Foundation
import Hummingbird
import NIOCore
import Registry

extension OsteodocService {
    /// The translators' page: where each language stands (documents and staff pages), the side-by-side
    /// review page and the example plan's documents. No patient data: the example plan only.
    func addTranslationPages(_ router: Router<ServiceContext>) {
        router.get("/translations") { request, _ -> Response in
            try await self.page(request) {
                let (principal, _) = try await self.staffMember(request, .previewTranslation)
                let text = self.pageText(request)
                let source = self.pages.catalogs[StaffPages.sourceLanguage]
                var locales: [[String: Any]] = []
                var open: [[String: Any]] = []
                for status in self.engine.translationStatus() {
                    let interface = self.pages.catalogs[status.tag].flatMap { c in source.map { c.status(against: $0) } }
                    let kinds = Self.pageKinds.filter { self.engine.printableLanguages($0).contains(status.tag) }
                    locales.append([
                        "tag": status.tag, "name": text.languageName(status.tag),
                        "complete": status.count(.complete), "stale": status.count(.stale), "missing": status.count(.missing),
                        "percent": String(format: "%.0f\u{00A0}%%", status.percentComplete),
                        "interface": interface.map { text("translations_interface_state", ["complete": "\($0.count(.complete))", "total": "\($0.units.count)"]) }
                            ?? text["translations_interface_none"],
                        "kinds": kinds.map { ["kind": $0.rawValue, "title": text["kind_\($0.rawValue)"]] },
                    ])
                    let pending = status.units.filter { $0.state != .complete } + (interface?.units.filter { $0.state != .complete } ?? [])
                    if !pending.isEmpty {
                        open.append(["tag": status.tag, "heading": text("translations_open", ["language": text.languageName(status.tag), "count": "\(pending.count)"]),
                                     "items": pending.prefix(200).map { unit -> [String: Any] in
                                         ["id": unit.id, "state": unit.state.rawValue, "stateLabel": text["unit_\(unit.state.rawValue)"],
                                          "where": unit.changes.compactMap { $0.line.map { text("translations_line", ["line": "\($0)"]) } }.prefix(3).map { $0 }]
                                     }])
                    }
                }
                return self.html(request, "translations", title: text["translations_title"], principal: principal,
                                 ["locales": locales, "units": open])
            }
        }
        router.get("/translations/{tag}") { request, context -> Response in
            try await self.page(request) {
                _ = try await self.staffMember(request, .previewTranslation)
                let tag = context.parameters.get("tag") ?? ""
                do {
                    let html = try self.engine.translationPreview(tag)
                    // The review page is the engine's standalone HTML, styled by its own <style> element.
                    var headers = Self.pageHeaders
                    headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
                    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
                } catch { throw APIError.engine(error) }
            }
        }
        router.get("/translations/{tag}/example/{file}") { request, context -> Response in
            try await self.page(request) {
                _ = try await self.staffMember(request, .previewTranslation)
                let tag = context.parameters.get("tag") ?? ""
                let file = context.parameters.get("file") ?? ""
                guard file.hasSuffix(".pdf"), let kind = Kind(rawValue: String(file.dropLast(4))) else { throw APIError(.notFound, "no such example") }
                do {
                    let bytes = try self.engine.render(try self.engine.prepare(kind, plan: try self.engine.examplePlan(), languages: [tag]))
                    return Response(status: .ok, headers: [.contentType: "application/pdf", .cacheControl: "no-store"],
                                    body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
                } catch EngineFailure.incompleteTranslation {
                    let text = self.pageText(request)
                    throw PageOutcome.message(.conflict, heading: text["error_title"], message: text["error_translation"])
                } catch { throw APIError.engine(error) }
            }
        }
    }
}
