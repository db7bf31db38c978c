import Foundation
import OsteoDoc
import ScanReading

/// A scan of a signed document, read page by page against the form osteodoc printed.
public enum SignedScan {
    /// Reads every page of `data` (PDF, PNG or JPEG: see `ScanDecoder`): each page's QR code says
    /// which document and page it is; a page of this document is read at its form's places, a
    /// page of another document or without a code is reported, never guessed at.
    /// - Throws: `ScanError` when the bytes are not a readable scan.
    public static func read(_ data: Data, form: DocumentForm) throws -> ScanReport {
        var readings: [PageReading] = [], foreign: [String] = [], unreadable: [Int] = []
        for (index, image) in try ScanDecoder.pages(of: data).enumerated() {
            guard let (symbol, code) = pageCode(in: image) else { unreadable.append(index + 1); continue }
            guard code.documentId == form.documentId, code.pages == form.pages.count else {
                foreign.append(code.documentId)
                continue
            }
            guard let reading = FormReader.read(image, symbol: symbol, code: code, form: form.pages[code.page - 1]) else {
                unreadable.append(index + 1)
                continue
            }
            readings.append(reading)
        }
        return ScanReport(form: form, pages: readings, foreign: foreign, unreadable: unreadable)
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
