// Test helpers: real glyph ids from HarfBuzz shaping, font loading, and running
// the poppler/qpdf command-line oracles on a temporary file.
import CHarfBuzz
import Foundation
import PDFExport
import TestSupport
import Typesetting
import XCTest
@testable import PDFWriter

extension PDFFont {
    /// A font read from file bytes as the application reads it: parsed by
    /// Typesetting, its facts handed to the writer.
    static func load(fileData: [UInt8]) throws -> PDFFont {
        try LoadedFont(bytes: fileData, key: "test").makePDFFont()
    }
}

enum Fonts {
    static let directory = "/usr/share/fonts/truetype/noto/"

    static func data(_ name: String) throws -> [UInt8] {
        let path = directory + name
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TestFailure("font \(path) is missing (Debian package fonts-noto-core)")
        }
        return [UInt8](data)
    }

    /// Fonts are loaded once per test process, as the application does.
    nonisolated(unsafe) private static var cache: [String: (pdf: PDFFont, shaper: Shaper)] = [:]
    private static let lock = NSLock()

    static func load(_ name: String) throws -> (pdf: PDFFont, shaper: Shaper) {
        try lock.withLock {
            if let cached = cache[name] { return cached }
            let bytes = try data(name)
            let entry = (pdf: try PDFFont.load(fileData: bytes), shaper: try Shaper(fontData: bytes))
            cache[name] = entry
            return entry
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A HarfBuzz font for shaping test strings (the Typesetting module does this in
/// the application; the writer only receives the result). An independent oracle:
/// the only HarfBuzz import outside Typesetting, in the tests.
final class Shaper: @unchecked Sendable {
    private let face: OpaquePointer
    private let font: OpaquePointer
    let unitsPerEm: Double

    init(fontData: [UInt8]) throws {
        let blob = fontData.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                hb_blob_create($0.baseAddress, UInt32($0.count), HB_MEMORY_MODE_DUPLICATE, nil, nil)
            }
        }
        defer { hb_blob_destroy(blob) }
        face = hb_face_create(blob, 0)
        font = hb_font_create(face)
        unitsPerEm = Double(hb_face_get_upem(face))
        hb_font_set_scale(font, Int32(unitsPerEm), Int32(unitsPerEm))
    }

    deinit {
        hb_font_destroy(font)
        hb_face_destroy(face)
    }

    /// Shapes `text` and returns glyphs positioned in points relative to the run
    /// origin, in the order HarfBuzz returns them (visual order for RTL). The
    /// first glyph of each cluster carries the cluster's characters.
    func shape(_ text: String, size: Double, rtl: Bool = false, script: String = "Latn", language: String = "it") -> [PDFGlyph] {
        let buffer = hb_buffer_create()
        defer { hb_buffer_destroy(buffer) }
        let utf8 = Array(text.utf8)
        utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                hb_buffer_add_utf8(buffer, $0.baseAddress, Int32($0.count), 0, Int32($0.count))
            }
        }
        hb_buffer_set_direction(buffer, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR)
        hb_buffer_set_script(buffer, hb_script_from_string(script, -1))
        hb_buffer_set_language(buffer, hb_language_from_string(language, -1))
        hb_shape(font, buffer, nil, 0)

        var count: UInt32 = 0
        let infos = hb_buffer_get_glyph_infos(buffer, &count)!
        let positions = hb_buffer_get_glyph_positions(buffer, &count)!
        let clusterStarts = Set((0..<Int(count)).map { Int(infos[$0].cluster) }).sorted()
        func clusterText(_ start: Int) -> String {
            let index = clusterStarts.firstIndex(of: start)!
            let end = index + 1 < clusterStarts.count ? clusterStarts[index + 1] : utf8.count
            return String(decoding: utf8[start..<end], as: UTF8.self)
        }
        let scale = size / unitsPerEm
        var seen = Set<Int>()
        var glyphs: [PDFGlyph] = []
        var pen = 0.0
        for index in 0..<Int(count) {
            let cluster = Int(infos[index].cluster)
            let text = seen.insert(cluster).inserted ? clusterText(cluster) : ""
            glyphs.append(PDFGlyph(
                id: UInt16(infos[index].codepoint),
                x: pen + Double(positions[index].x_offset) * scale,
                y: Double(positions[index].y_offset) * scale,
                text: text))
            pen += Double(positions[index].x_advance) * scale
        }
        return glyphs
    }

    /// Advance width of a shaped run in points.
    func width(_ glyphs: [PDFGlyph], size: Double) -> Double {
        guard let last = glyphs.last else { return 0 }
        let advance = hb_font_get_glyph_h_advance(font, hb_codepoint_t(last.id))
        return last.x + Double(advance) * size / unitsPerEm
    }
}

/// Runs a command-line tool and returns its standard output. A missing tool is a
/// test failure with a clear message, never a silent skip.
@discardableResult
func runTool(_ tool: String, _ arguments: [String], allowFailure: Bool = false) throws -> (status: Int32, output: String, error: String) {
    let candidates = ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + tool }
    guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        throw TestFailure("\(tool) is not installed (Debian: poppler-utils for pdf*, qpdf for qpdf)")
    }
    let result = try ProcessRunner.run(path, arguments)
    let status = result.status, output = result.stdout, error = result.stderr
    if !allowFailure && status != 0 {
        throw TestFailure("\(tool) \(arguments.joined(separator: " ")) exited with \(status): \(error)\(output)")
    }
    return (status, output, error)
}

/// A temporary file with a unique name, removed when the closure returns.
func withTemporaryFile<T>(_ bytes: [UInt8], suffix: String = ".pdf", _ body: (String) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("pdfwriter-test-\(UUID().uuidString)\(suffix)")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url.path)
}
