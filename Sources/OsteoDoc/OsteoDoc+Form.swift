import DocumentModel
import Foundation
import Layout
import PlanImport
import Templating

/// A place on a printed page that is filled in by hand, or the page's QR code (see Layout's
/// `FormField`); positions in points from the page's top-left corner.
public typealias FormField = Layout.FormField

/// The fill-in places of one page of a PDF document, as osteodoc laid it out.
public struct PageForm: Sendable, Equatable {
    /// Page size in points (A4: 595.28 × 841.89).
    public var width: Double, height: Double
    public var fields: [FormField]
}

/// The fill-in places of a whole document: what a scan of the signed paper is read against.
public struct DocumentForm: Sendable, Equatable {
    /// The id printed on the document and in its QR codes.
    public var documentId: String
    public var pages: [PageForm]
}

/// What a page's QR code says: `OSTEODOC:<document id>:<page>/<pages>`.
public struct ScanCode: Sendable, Equatable {
    public var documentId: String
    /// 1-based.
    public var page: Int
    public var pages: Int

    /// Reads a QR payload; nil when it is not one of osteodoc's.
    public init?(_ payload: String) {
        let parts = payload.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "OSTEODOC", !parts[1].isEmpty else { return nil }
        let numbers = parts[2].split(separator: "/", omittingEmptySubsequences: false)
        guard numbers.count == 2, let page = Int(numbers[0]), let pages = Int(numbers[1]), (1...pages).contains(page) else { return nil }
        documentId = String(parts[1]); self.page = page; self.pages = pages
    }
}

extension OsteoDoc {
    /// The fill-in places of a document exactly as ``render(_:plan:language:format:allowStale:pdf:)``
    /// (or the bilingual one, with `second`) lays it out for PDF: the same pages, boxes and
    /// signature lines. Deterministic like the render.
    public func form(_ kind: DocumentKind, plan: Plan, language: String, second: String? = nil,
                     allowStale: Bool = false, pdf: PDFOptions = PDFOptions()) throws -> DocumentForm {
        let languages = [language] + (second.map { [$0] } ?? [])
        let pipeline = try checkedPipeline(plan, languages: languages)
        let first = try document(kind, plan: plan, language: language, allowStale: allowStale, beside: second)
        let laid: LaidOutDocument
        if let second {
            guard language != second else { throw OsteoDocError.input(.sameLanguageTwice) }
            let other = try document(kind, plan: plan, language: second, allowStale: allowStale, beside: language)
            laid = try typeset { try pipeline.layoutBilingual(first, other, options: pdf) }
        } else {
            laid = try typeset { try pipeline.layout(first, options: pdf) }
        }
        var pages = laid.pages.map { PageForm(width: $0.width, height: $0.height, fields: $0.fields) }
        try markDecisionsAndSignatures(&pages, plan: plan, languages: languages)
        return DocumentForm(documentId: first.metadata.documentId, pages: pages)
    }

    /// What only the content knows, matched on the catalog's own strings in each language of the
    /// document: the list holding the consent statement ("CONSENTO …") takes exactly one tick
    /// (consent or refusal); the "Firma" field of a signature block must be signed — except in the
    /// blocks filled in only when it applies: the witness's (the patient cannot sign) and the
    /// patient's second one, under the revocation. The question of how a patient who cannot sign
    /// gave consent is answered only then: it is not one that needs one tick.
    private func markDecisionsAndSignatures(_ pages: inout [PageForm], plan: Plan, languages: [String]) throws {
        var decisions = Set<String>(), signatures = Set<String>(), patients = Set<String>()
        var conditionalCaptions = Set<String>(), conditionalPrompts = Set<String>()
        for language in languages {
            let (_, f) = try tools(for: language)
            let sex = plan.patient.sex
            decisions.insert(Self.comparable(try f.string("consent.decision.consent", sex: sex)))
            signatures.insert(Self.comparable(try f.string("label.signature")))
            patients.insert(Self.comparable(try f.string("consent.signatures.patient", sex: sex)))
            conditionalCaptions.insert(Self.comparable(try f.string("consent.signatures.witness", sex: sex)))
            conditionalPrompts.insert(Self.comparable(try f.string("consent.signatures.cannot-sign", sex: sex)))
        }
        let all = pages.flatMap(\.fields)
        let decisionGroups = Set(all.filter { $0.kind == .checklist && decisions.contains(Self.comparable($0.label)) }.map(\.group))
        // Per language, the patient's first signature block is the consent's; a later one is the revocation's.
        var firstPatientBlock: [String: Int] = [:]
        for field in all where field.kind == .signature {
            let caption = Self.comparable(field.prompt)
            if patients.contains(caption) { firstPatientBlock[caption] = min(firstPatientBlock[caption] ?? field.group, field.group) }
        }
        for p in pages.indices {
            for i in pages[p].fields.indices {
                let field = pages[p].fields[i]
                switch field.kind {
                case .checklist where decisionGroups.contains(field.group):
                    pages[p].fields[i].oneAnswer = true
                case .choice where conditionalPrompts.contains(Self.comparable(field.prompt)):
                    pages[p].fields[i].oneAnswer = false
                case .signature where signatures.contains(Self.comparable(field.label)):
                    let caption = Self.comparable(field.prompt)
                    let revocation = firstPatientBlock[caption].map { $0 != field.group } ?? false
                    pages[p].fields[i].required = !revocation && !conditionalCaptions.contains(caption)
                default:
                    break
                }
            }
        }
    }

    /// Text as printed, without Markdown emphasis marks and with white space collapsed.
    private static func comparable(_ text: String) -> String {
        text.filter { $0 != "*" && $0 != "_" }.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
