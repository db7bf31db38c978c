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
        let pipeline = try checkedPipeline(plan, languages: [language] + (second.map { [$0] } ?? []))
        let first = try document(kind, plan: plan, language: language, allowStale: allowStale, beside: second)
        let laid: LaidOutDocument
        if let second {
            guard language != second else { throw OsteoDocError.input(.sameLanguageTwice) }
            let other = try document(kind, plan: plan, language: second, allowStale: allowStale, beside: language)
            laid = try typeset { try pipeline.layoutBilingual(first, other, options: pdf) }
        } else {
            laid = try typeset { try pipeline.layout(first, options: pdf) }
        }
        return DocumentForm(documentId: first.metadata.documentId,
                            pages: laid.pages.map { PageForm(width: $0.width, height: $0.height, fields: $0.fields) })
    }
}
