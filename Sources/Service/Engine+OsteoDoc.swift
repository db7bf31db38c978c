import Content
import Foundation
import OsteoDoc
import PlanImport
import Registry
import ScanBack
import ScanReading
import Settings
import Templating

/// The service's only door to the engine (its methods throw `EngineFailure` only): every use of the OsteoDoc facade is in this file, so
/// that the facade's evolution (typed errors, injected resources) touches one place.
public struct DocumentEngine: @unchecked Sendable {
    // @unchecked: OsteoDoc is thread-safe (immutable state plus its own lock).
    private let engine: OsteoDoc
    /// Recorded with every issued document: what produced the bytes besides the content.
    public let engineVersion: String
    /// The facility's settings (`[facility]`): its time zone decides what "today" is on the staff pages.
    public let facility: FacilitySettings
    /// Where the engine's resources are (the example plan of the translators' page is there).
    public let resources: URL

    /// - Parameter settings: the `[facility]` table of the same osteodoc.toml.
    public init(resources: URL, settings: FacilitySettings = .unconfigured, engineVersion: String = DocumentEngine.version) throws {
        do { engine = try OsteoDoc(resources: resources, settings: settings) } catch {
            // Environment or content messages name files and units, never patient data.
            throw EngineFailure.internal("the engine cannot start: \(String(describing: error))")
        }
        self.engineVersion = engineVersion
        facility = settings
        self.resources = resources
        // The content does not change while the process runs: which languages each kind can be
        // printed in is worked out once (the status compares every unit of every translation).
        let status = engine.translationStatus()
        let source = engine.content.sourceTag, tags = engine.content.localeTags
        printable = Dictionary(uniqueKeysWithValues: Kind.allCases.map { kind in
            let ready = Set(status.filter { $0.blocking(prosePrefix: kind.rawValue + "/").isEmpty }.map(\.tag))
            return (kind, tags.filter { $0 == source || ready.contains($0) })
        })
    }

    private let printable: [Kind: [String]]

    /// The facility's time zone, as the documents use it.
    public var timeZone: TimeZone { engine.facilityTimeZone }

    /// The engine's version; change it whenever a change of code (not content) changes the bytes.
    public static let version = "osteodoc-engine/1"

    public static var maximumPlanSize: Int { OsteoDoc.maximumPlanSize }

    /// Decodes and validates a plan export.
    public func inspect(_ bytes: Data) throws -> PlanFacts {
        do {
            let plan = try OsteoDoc.plan(from: bytes)
            return PlanFacts(plan: plan)
        } catch let e as OsteoDocError where e.category == .input {
            throw EngineFailure.invalidPlan(e.issues.map { Violation(path: $0.path, rule: $0.message) })
        } catch {
            throw EngineFailure.internal("plan: unexpected error")
        }
    }

    /// Everything that determines a document before it is rendered.
    public func prepare(_ kind: Kind, plan: PlanFacts, languages requested: [String]) throws -> PreparedDocument {
        if kind.documentKind.descriptor.needsOutcome && !plan.hasOutcome { throw EngineFailure.needsOutcome }
        guard requested.count <= 2 else { throw EngineFailure.badRequest("languages: at most two (a bilingual document)") }
        var resolved: [String] = []
        do {
            if requested.isEmpty {
                resolved = [try engine.resolveLanguage(nil, plan: plan.plan)]
            } else {
                for tag in requested { resolved.append(try engine.resolveLanguage(tag, plan: plan.plan)) }
            }
        } catch let OsteoDocError.input(.unavailableLanguage(tag, available)) {
            throw EngineFailure.unknownLanguage(tag ?? "patient.language", available: available)
        } catch {
            throw EngineFailure.internal("language: unexpected error")
        }
        if resolved.count == 2 && resolved[0] == resolved[1] { throw EngineFailure.badRequest("languages: the two languages are the same") }
        let templatingKind = kind.documentKind
        return PreparedDocument(
            kind: kind, languages: resolved,
            contentVersion: resolved.map { engine.contentVersion($0) }.joined(separator: "+"),
            baseId: engine.documentId(templatingKind, plan: plan.plan, language: resolved[0]),
            plan: plan)
    }

    /// Renders a prepared document as PDF.
    public func render(_ document: PreparedDocument) throws -> [UInt8] {
        let kind = document.kind.documentKind
        do {
            if document.languages.count == 2 {
                return try engine.renderBilingual(kind, plan: document.plan.plan, language: document.languages[0],
                                                  second: document.languages[1], format: .pdf)
            }
            return try engine.render(kind, plan: document.plan.plan, language: document.languages[0], format: .pdf)
        } catch let OsteoDocError.content(.incompleteTranslation(tag, _, _)) {
            throw EngineFailure.incompleteTranslation(tag)
        } catch let e as OsteoDocError where e.issues.map(\.path) == ["outcome"] {
            throw EngineFailure.needsOutcome
        } catch let e as OsteoDocError where e.category == .input {
            // A plan that passed the contract but has a field no installed font prints.
            throw EngineFailure.invalidPlan(e.issues.map { Violation(path: $0.path, rule: $0.message) })
        } catch {
            // Facade errors name fields and rules, never patient values.
            throw EngineFailure.internal("render: \(String(describing: error))")
        }
    }

    /// A scan's pages, decoded, each with the osteodoc code found on it.
    public func decodeScan(_ scan: Data) throws -> ScannedPages {
        do { return try SignedScan.pages(of: scan) } catch let error as ScanError {
            throw EngineFailure.badScan(error.description)
        }
    }

    /// Reads a scan of the signed paper against the document's form: laid out again from the
    /// plan revision, exactly as it was printed (the caller checks the content version first).
    public func readScan(_ scan: ScannedPages, of document: PreparedDocument) throws -> ScanReport {
        SignedScan.read(scan, form: try form(document))
    }

    /// Where the document's boxes and signature spaces are on each page (points from the top-left).
    func formMap(_ document: PreparedDocument) throws -> FormMapBody { FormMapBody(try form(document)) }

    private func form(_ document: PreparedDocument) throws -> DocumentForm {
        do {
            return try engine.form(document.kind.documentKind, plan: document.plan.plan, language: document.languages[0],
                                   second: document.languages.count == 2 ? document.languages[1] : nil)
        } catch {
            throw EngineFailure.internal("form: \(String(describing: error))")
        }
    }

    /// The translator's review page (Italian beside the translation; no patient data).
    public func translationPreview(_ tag: String) throws -> String {
        do { return try engine.translationPreview(tag) } catch let OsteoDocError.input(.unavailableLanguage(_, available)) {
            throw EngineFailure.unknownLanguage(tag, available: available)
        } catch {
            throw EngineFailure.internal("preview: unexpected error")
        }
    }

    public var languages: [String] { engine.content.localeTags }

    /// Where each translation stands (every locale but Italian).
    public func translationStatus() -> [LocaleStatus] { engine.translationStatus() }

    /// The languages a document of `kind` can be printed in now: Italian and every translation
    /// with nothing missing or stale for it.
    public func printableLanguages(_ kind: Kind) -> [String] { printable[kind] ?? [engine.content.sourceTag] }

    /// The example plan (`examples/plan.json`: no patient's data), for the translators' page.
    public func examplePlan() throws -> PlanFacts {
        guard let bytes = FileManager.default.contents(atPath: resources.appendingPathComponent("examples/plan.json").path) else {
            throw EngineFailure.internal("examples/plan.json is not installed")
        }
        return try inspect(bytes)
    }
}

/// The facts of a valid plan the service needs.
public struct PlanFacts: @unchecked Sendable {
    fileprivate let plan: Plan
    public var planId: String { plan.planId }
    public var hasOutcome: Bool { plan.outcome != nil }

    /// What the front desk finds the plan by; day and time of the start in the facility's time zone.
    public func listing(in zone: TimeZone) -> PlanListing {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = plan.procedure.scheduledStart.date
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: start)
        let p = plan.patient
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        let birth = p.birthDate
        return PlanListing(planId: plan.planId, revision: 0, familyName: p.familyName, givenName: p.givenName, recordNumber: p.mrn,
                           birthDate: "\(birth.year)-\(two(birth.month))-\(two(birth.day))",
                           procedureDay: "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))",
                           procedureTime: "\(two(c.hour)):\(two(c.minute))", procedureStart: start,
                           language: p.language, hasOutcome: hasOutcome)
    }
}

public struct PreparedDocument: Sendable {
    public var kind: Kind
    public var languages: [String]
    public var contentVersion: String
    /// The id the engine prints on the document (the registry numbers each issue of it).
    public var baseId: String
    public var plan: PlanFacts
}

/// Document kinds the service issues (the engine's kinds, by the same names).
public enum Kind: String, Sendable, CaseIterable, Codable {
    case consent, discharge, preparation

    var documentKind: DocumentKind {
        switch self {
        case .consent: .consent
        case .discharge: .discharge
        case .preparation: .preparation
        }
    }

    /// Who may issue it: the front desk gives the preparation sheet and the consent, the ward the discharge sheet.
    var issuePermission: Permission { documentKind.descriptor.needsOutcome ? .issueDischarge : .issueConsent }
}

/// One broken rule of the plan contract.
public struct Violation: Sendable, Codable, Equatable {
    public var path: String
    public var rule: String
}

/// Why the engine could not do what was asked, as values the routes map to status codes.
public enum EngineFailure: Error, Equatable {
    case invalidPlan([Violation])  // 422
    case unknownLanguage(String, available: [String])  // 422
    case incompleteTranslation(String)  // 409
    case needsOutcome  // 409
    case badRequest(String)  // 400
    case badScan(String)  // 422
    case `internal`(String)  // 500
}

extension FormMapBody {
    init(_ form: DocumentForm) {
        documentId = form.documentId
        pages = form.pages.enumerated().map { index, page in
            Page(number: index + 1, width: page.width, height: page.height, fields: page.fields.map {
                Field(kind: $0.kind.rawValue, group: $0.group, prompt: $0.prompt, label: $0.label, x: $0.x, y: $0.y,
                      width: $0.width, height: $0.height, oneAnswer: $0.oneAnswer, required: $0.required)
            })
        }
    }
}
