import Foundation
import Subprocesses

/// A PDF's pages as grey images, rendered by poppler (`pdftoppm -gray`, Debian's poppler-utils,
/// already a dependency for the PDF oracles). Poppler rather than code of our own: a scanner's
/// PDF is one embedded image per page (JPEG, JBIG2, CCITT or Flate), possibly rotated or scaled
/// by the page's content stream; poppler decodes all of these and renders the page at the
/// resolution asked, which is what reading boxes at known positions needs.
enum PDFRasterizer {
    static let pdfinfo = "/usr/bin/pdfinfo"
    static let pdftoppm = "/usr/bin/pdftoppm"
    private static let environment = ["PATH": "/usr/bin:/bin", "LANG": "C", "LC_ALL": "C"]

    static func pages(of data: Data, resolution: Int) throws -> [GrayImage] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("scan.pdf")
        do { try data.write(to: input) } catch { throw ScanError("PDF: cannot write the temporary copy") }

        try checkPages(of: input, resolution: resolution)
        // One more page than allowed, to tell "too many" from "just enough".
        let rendered = try run([pdftoppm, "-r", "\(resolution)", "-gray", "-f", "1", "-l", "\(ScanDecoder.maximumPages + 1)",
                                input.path, folder.appendingPathComponent("page").path])
        guard rendered.status == 0 else {
            // poppler's messages may quote the file's content: only the status is reported.
            throw ScanError("PDF: pdftoppm cannot render the file (exit status \(rendered.status))")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .compactMap { name -> (Int, String)? in
                // page-1.pgm, or page-01.pgm … when there are more than 9 pages.
                guard name.hasPrefix("page-"), name.hasSuffix(".pgm"), let number = Int(name.dropFirst(5).dropLast(4)) else { return nil }
                return (number, name)
            }
            .sorted { $0.0 < $1.0 }
        guard !files.isEmpty else { throw ScanError("PDF: pdftoppm rendered no page") }
        guard files.count <= ScanDecoder.maximumPages else {
            throw ScanError("PDF: more than \(ScanDecoder.maximumPages) pages")
        }
        return try files.map { _, name in
            try PGM.parse(try Data(contentsOf: folder.appendingPathComponent(name)))
        }
    }

    /// Refuses, before anything is rendered, a PDF with too many pages or a page that would
    /// exceed the pixel limit at this resolution (pdfinfo reads only the page tree).
    private static func checkPages(of input: URL, resolution: Int) throws {
        let info = try run([pdfinfo, "-f", "1", "-l", "\(ScanDecoder.maximumPages + 1)", input.path])
        guard info.status == 0 else { throw ScanError("PDF: not a readable PDF file (pdfinfo exit status \(info.status))") }
        // "Page    1 size: 595.276 x 841.89 pts (A4)". The document's metadata (Title, …) comes
        // earlier in the output; a forged line there can only weaken this early check: the page
        // count and each image's size are checked again after rendering.
        let sizes = info.output.split(separator: "\n").compactMap { line -> (Double, Double)? in
            let words = line.split(separator: " ")
            guard words.count >= 6, words[0] == "Page", Int(words[1]) != nil, words[2] == "size:", words[4] == "x",
                  let width = Double(words[3]), let height = Double(words[5]) else { return nil }
            return (width, height)
        }
        guard sizes.count <= ScanDecoder.maximumPages else { throw ScanError("PDF: more than \(ScanDecoder.maximumPages) pages") }
        let scale = Double(resolution) / 72
        for (index, (width, height)) in sizes.enumerated() {
            let pixels = (width * scale).rounded(.up) * (height * scale).rounded(.up)
            guard pixels.isFinite, pixels <= Double(ScanDecoder.maximumPixelsPerPage) else {
                throw ScanError("PDF: page \(index + 1) would be more than \(ScanDecoder.maximumPixelsPerPage) pixels at \(resolution) dpi")
            }
        }
    }

    private static func run(_ arguments: [String]) throws -> Subprocess.Outcome {
        do {
            return try Subprocess.runBlocking(arguments, environment: environment)
        } catch let error as SubprocessError {
            throw ScanError("PDF: \(error.description) (install poppler-utils)")
        }
    }
}
