import Foundation

/// The binary PGM files (`P5`) that `pdftoppm -gray` writes. Hand-written rather than through
/// a library: the format is a text header of four fields — magic, width, height, maximum value —
/// then the raw bytes, and only the 8-bit form is ever produced here (netpbm(5), "PGM").
enum PGM {
    static func parse(_ data: Data) throws -> GrayImage {
        let bytes = [UInt8](data)
        var index = 0
        /// The next header field: skips white space and `#` comments, reads up to white space.
        func field() throws -> String {
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "#") {
                    while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
                } else if isSpace(bytes[index]) {
                    index += 1
                } else {
                    break
                }
            }
            let start = index
            while index < bytes.count, !isSpace(bytes[index]), index - start < 12 { index += 1 }
            guard index > start, index < bytes.count, isSpace(bytes[index]) else { throw ScanError("PGM: bad header") }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        guard try field() == "P5" else { throw ScanError("PGM: not a binary grey map (P5)") }
        guard let width = Int(try field()), let height = Int(try field()), let maximum = Int(try field()) else {
            throw ScanError("PGM: bad header")
        }
        guard (1...255).contains(maximum) else { throw ScanError("PGM: maximum value \(maximum), only 8-bit images are read") }
        try ScanDecoder.checkSize(width: width, height: height, of: "PGM")
        index += 1  // the single white-space byte that ends the header
        let count = width * height
        guard bytes.count - index == count else {
            throw ScanError("PGM: \(bytes.count - index) bytes of pixels for \(width) × \(height)")
        }
        var pixels = Array(bytes[index...])
        if maximum != 255 {
            for i in pixels.indices { pixels[i] = UInt8((Int(min(pixels[i], UInt8(maximum))) * 255 + maximum / 2) / maximum) }
        }
        return try GrayImage(width: width, height: height, pixels: pixels)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}
