import CTurboJPEG
import Foundation

/// JPEG through libjpeg-turbo's TurboJPEG API, decoding straight to 8-bit grey.
/// A warning from the decoder (a truncated or damaged file whose missing part libjpeg would fill
/// with grey) is an error here: a half-read consent form must not be read as a whole one.
/// The EXIF orientation tag is not applied (scanners write pages upright).
enum JPEGDecoder {
    static func decode(_ data: Data) throws -> GrayImage {
        guard let handle = tjInitDecompress() else { throw ScanError("JPEG: the decoder cannot be started") }
        defer { tjDestroy(handle) }
        let bytes = [UInt8](data)
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
        let header = bytes.withUnsafeBufferPointer {
            tjDecompressHeader3(handle, $0.baseAddress, UInt($0.count), &width, &height, &subsampling, &colorspace)
        }
        guard header == 0 else { throw ScanError("JPEG: \(message(handle))") }
        try ScanDecoder.checkSize(width: Int(width), height: Int(height), of: "JPEG")
        var pixels = [UInt8](repeating: 255, count: Int(width) * Int(height))
        let decoded = bytes.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                tjDecompress2(handle, source.baseAddress, UInt(source.count), target.baseAddress,
                              width, width, height, TJPF_GRAY.rawValue, TJFLAG_ACCURATEDCT | TJFLAG_STOPONWARNING)
            }
        }
        guard decoded == 0 else { throw ScanError("JPEG: \(message(handle))") }
        return try GrayImage(width: Int(width), height: Int(height), pixels: pixels)
    }

    /// libjpeg's message (it describes the damage, never quotes the file's content).
    private static func message(_ handle: tjhandle) -> String {
        guard let text = tjGetErrorStr2(handle) else { return "the file cannot be decoded" }
        return "the file cannot be decoded (\(String(cString: text)))"
    }
}
