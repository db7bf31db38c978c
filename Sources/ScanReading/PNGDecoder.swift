import CPNG
import Foundation

/// PNG through libpng's simplified API, which converts any PNG (palette, 16-bit, colour, alpha)
/// to 8-bit grey in one call.
enum PNGDecoder {
    static func decode(_ data: Data) throws -> GrayImage {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        let bytes = [UInt8](data)
        let begun = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard begun != 0 else { throw ScanError("PNG: \(message(of: &image))") }
        let width = Int(image.width), height = Int(image.height)
        do {
            try ScanDecoder.checkSize(width: width, height: height, of: "PNG")
        } catch {
            png_image_free(&image)
            throw error
        }
        image.format = png_uint_32(PNG_FORMAT_GRAY)
        var pixels = [UInt8](repeating: 255, count: width * height)
        // Transparency is composed onto white paper.
        var white = png_color(red: 255, green: 255, blue: 255)
        // finish_read frees libpng's state, whether it succeeds or not.
        let finished = pixels.withUnsafeMutableBytes {
            png_image_finish_read(&image, &white, $0.baseAddress, png_int_32(width), nil)
        }
        guard finished != 0 else { throw ScanError("PNG: \(message(of: &image))") }
        return try GrayImage(width: width, height: height, pixels: pixels)
    }

    /// libpng's message (it describes the damage, never quotes the file's content).
    private static func message(of image: inout png_image) -> String {
        let text = withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? "the file cannot be decoded" : "the file cannot be decoded (\(text))"
    }
}
