import Foundation
import OsteoDoc
import ScanReading

/// A scan's pages, decoded once, each with the osteodoc code found on it (if any).
public struct ScannedPages: Sendable {
    public struct Page: Sendable {
        public var image: GrayImage
        public var symbol: QRSymbol?
        public var code: ScanCode?
    }

    public var pages: [Page]

    /// The printed document ids the codes name, the most frequent first (ties: first seen).
    public var documentIds: [String] {
        var counts: [String: Int] = [:], order: [String] = []
        for code in pages.compactMap(\.code) {
            if counts[code.documentId] == nil { order.append(code.documentId) }
            counts[code.documentId, default: 0] += 1
        }
        return order.enumerated().sorted { (counts[$0.element, default: 0], -$0.offset) > (counts[$1.element, default: 0], -$1.offset) }.map(\.element)
    }
}

/// A scan of a signed document, read page by page against the form osteodoc printed.
public enum SignedScan {
    /// Decodes every page of `data` (PDF, PNG or JPEG: see `ScanDecoder`) and finds its code.
    /// - Throws: `ScanError` when the bytes are not a readable scan.
    public static func pages(of data: Data) throws -> ScannedPages {
        ScannedPages(pages: try ScanDecoder.pages(of: data).map { image in
            let found = pageCode(in: image)
            return ScannedPages.Page(image: image, symbol: found?.0, code: found?.1)
        })
    }

    /// Each page's QR code says which document and page it is; a page of this document is read
    /// at its form's places, a page of another document or without a code is reported, never
    /// guessed at.
    public static func read(_ scan: ScannedPages, form: DocumentForm) -> ScanReport {
        var readings: [PageReading] = [], foreign: [String] = [], unreadable: [Int] = []
        for (index, page) in scan.pages.enumerated() {
            guard let symbol = page.symbol, let code = page.code else { unreadable.append(index + 1); continue }
            guard code.documentId == form.documentId, code.pages == form.pages.count else {
                foreign.append(code.documentId)
                continue
            }
            guard let reading = FormReader.read(page.image, symbol: symbol, code: code, form: form.pages[code.page - 1]) else {
                unreadable.append(index + 1)
                continue
            }
            readings.append(reading)
        }
        return ScanReport(form: form, pages: readings, foreign: foreign, unreadable: unreadable)
    }

    /// ``pages(of:)`` then ``read(_:form:)``.
    public static func read(_ data: Data, form: DocumentForm) throws -> ScanReport {
        read(try pages(of: data), form: form)
    }

    /// The page's osteodoc code. zbar reads the grey scan first; a noisy scan at 150–200 dpi (a
    /// module of the 15 mm code is 2–3 pixels) often reads only once binarized at Otsu's threshold.
    static func pageCode(in image: GrayImage) -> (QRSymbol, ScanCode)? {
        func find(_ image: GrayImage) -> (QRSymbol, ScanCode)? {
            QRReader.symbols(in: image).lazy.compactMap { s in ScanCode(s.payload).map { (s, $0) } }.first
        }
        return find(image) ?? find(image.binarized())
    }
}
