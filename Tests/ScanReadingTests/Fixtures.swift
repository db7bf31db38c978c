import Foundation
import TestSupport
import XCTest

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The folder holding the built products (where the test bundle is, and the `osteodoc` program).
func productsDirectory() -> URL {
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent()
    }
    return Bundle.main.bundleURL
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
}

/// A fresh folder under the system's temporary one; the caller removes it.
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-scantest-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// Runs a program; throws with its output when it fails.
@discardableResult
func runTool(_ program: String, _ arguments: [String], directory: URL? = nil) throws -> String {
    let result = try ProcessRunner.run(program, arguments, directory: directory)
    guard result.status == 0 else {
        throw FixtureError(description: "\(program) \(arguments.joined(separator: " ")): status \(result.status)\n\(result.stdout)\(result.stderr)")
    }
    return result.stdout
}

/// Real scans of the example consent, made once for the whole test run: the PDF rendered by the
/// `osteodoc` program, page 1 rasterized by poppler at 150 dpi, and Pillow's imitations of a
/// scanner (turned, noisy, JPEG-compressed).
final class ConsentScans: @unchecked Sendable {
    static let shared = Result { try ConsentScans() }

    let pdf: Data
    /// From `pdfinfo`.
    let pageCount: Int
    /// From the text layer (`pdftotext`): the footer's "Documento <id> · …".
    let documentId: String
    /// Page 1 at 150 dpi, grey, as pdftoppm writes it.
    let page1PNG: Data
    /// Page 1 turned by 1.5° counter-clockwise, with Gaussian noise, JPEG quality 70.
    let page1TiltedJPEG: Data
    /// Page 1 turned by exactly 90° clockwise (PNG, no loss).
    let page1TurnedPNG: Data

    private init() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = productsDirectory().appendingPathComponent("osteodoc").path
        guard FileManager.default.isExecutableFile(atPath: cli) else {
            throw FixtureError(description: "\(cli) is missing: swift build --product osteodoc first")
        }
        let pdfURL = folder.appendingPathComponent("c.pdf")
        try runTool(cli, ["render", "consent", "--plan", "examples/plan.json", "--lang", "it", "--out", pdfURL.path], directory: repositoryRoot)
        pdf = try Data(contentsOf: pdfURL)
        let info = try runTool("pdfinfo", [pdfURL.path])
        guard let line = info.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }),
              let count = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) else {
            throw FixtureError(description: "pdfinfo gave no page count")
        }
        pageCount = count
        let text = try runTool("pdftotext", ["-f", "1", "-l", "1", pdfURL.path, "-"])
        guard let footer = text.split(separator: "\n").first(where: { $0.hasPrefix("Documento CI-") }) else {
            throw FixtureError(description: "pdftotext: no document id on page 1")
        }
        documentId = String(footer.split(separator: " ")[1])
        try runTool("pdftoppm", ["-r", "150", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", pdfURL.path, folder.appendingPathComponent("p1").path])
        page1PNG = try Data(contentsOf: folder.appendingPathComponent("p1.png"))
        let script = """
        import random, sys
        from PIL import Image
        page = Image.open(sys.argv[1]).convert("L")
        page.transpose(Image.Transpose.ROTATE_270).save(sys.argv[3])
        tilted = page.rotate(1.5, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
        rng = random.Random(11)
        noisy = bytes(max(0, min(255, v + int(rng.gauss(0, 14)))) for v in tilted.tobytes())
        Image.frombytes("L", tilted.size, noisy).save(sys.argv[2], quality=70)
        """
        let jpeg = folder.appendingPathComponent("tilted.jpg"), turned = folder.appendingPathComponent("turned.png")
        try runTool("python3", ["-c", script, folder.appendingPathComponent("p1.png").path, jpeg.path, turned.path])
        page1TiltedJPEG = try Data(contentsOf: jpeg)
        page1TurnedPNG = try Data(contentsOf: turned)
    }

    static func get() throws -> ConsentScans { try shared.get() }

    /// What the QR code of a page carries: `OSTEODOC:<id>:<page>/<pages>`.
    func payload(page: Int) -> String { "OSTEODOC:\(documentId):\(page)/\(pageCount)" }
}
