import DocumentModel
import Dispatch
import Foundation
import HTMLExport
import PlanImport
import Templating

/// One rendered document: its bytes, its id (the batch names files by it) and its page count
/// (0 for HTML, which has no pages of its own).
public struct RenderedDocument: Sendable {
    public var documentId: String
    public var bytes: [UInt8]
    public var pages: Int
}

extension OsteoDoc {
    /// Decodes, checks and renders one plan export: the whole pipeline for one document.
    /// - Parameter language: a BCP 47 tag, or nil for the patient's language.
    public func renderPlan(_ data: Data, kind: DocumentKind, language requested: String?, format: OutputFormat,
                           allowStale: Bool = false) throws -> RenderedDocument {
        let plan = try Self.plan(from: data)
        let language = try resolveLanguage(requested, plan: plan)
        let document = try document(kind, plan: plan, language: language, allowStale: allowStale)
        switch format {
        case .html:
            return RenderedDocument(documentId: document.metadata.documentId, bytes: Array(HTMLWriter.html(document).utf8), pages: 0)
        case .pdf:
            let (bytes, pages) = try renderPDFWithPages(document, plan: plan)
            return RenderedDocument(documentId: document.metadata.documentId, bytes: bytes, pages: pages)
        }
    }

    /// Renders many plan exports on all cores. `deliver` is called once per input, from any
    /// thread, with the input's index and its document or its error; a failed plan never stops
    /// the others. Returns when every input has been delivered.
    public func renderBatch(_ inputs: [Data], kind: DocumentKind, language: String?, format: OutputFormat,
                            allowStale: Bool = false,
                            deliver: @Sendable (Int, Result<RenderedDocument, OsteoDocError>) -> Void) {
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            let result: Result<RenderedDocument, OsteoDocError>
            do {
                result = .success(try renderPlan(inputs[index], kind: kind, language: language, format: format,
                                                 allowStale: allowStale))
            } catch let error as OsteoDocError {
                result = .failure(error)
            } catch {
                result = .failure(.internal(stage: "batch", detail: String(describing: type(of: error))))
            }
            deliver(index, result)
        }
    }
}
