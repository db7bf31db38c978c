// The byte forms of PDF's basic objects, ISO 32000-1 §7.3 (Objects) and §7.9.2
// (text strings). Everything appends to a growing `[UInt8]`; nothing allocates a
// `String` on the way, and nothing depends on the locale.

extension Array where Element == UInt8 {
    /// Appends ASCII text known at compile time (operators, keys, names).
    @inline(__always)
    mutating func ascii(_ text: StaticString) {
        // Operators are a few bytes: appended one by one, which inlines, where the generic
        // `append(contentsOf:)` costs some 200 instructions a call (170,000 calls a consent).
        text.withUTF8Buffer { bytes in
            if bytes.count <= 16 {
                for byte in bytes { append(byte) }
            } else {
                append(contentsOf: bytes)
            }
        }
    }

    /// Appends the UTF-8 bytes of a string as they are (for XMP and CMap text).
    @inline(__always)
    mutating func utf8(_ text: String) {
        append(contentsOf: text.utf8)
    }

    /// An integer object (§7.3.3).
    ///
    /// Called some 15,000 times for a consent (coordinates, QR modules, object numbers): a single
    /// digit is one append, longer numbers are formed in a buffer on the stack and appended at
    /// once (appending a generic `repeatElement` and overwriting it cost twice as much).
    mutating func pdfInt(_ value: Int) {
        if value < 0 { append(0x2D) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            append(0x30 &+ UInt8(truncatingIfNeeded: magnitude))
            return
        }
        // 20 digits hold any UInt64.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var index = digits.count
            repeat {
                index -= 1
                digits[index] = 0x30 &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[index...]))
        }
    }

    /// A real number object (§7.3.3): at most three decimals, no exponent, no
    /// trailing zeros, never "-0". PDF readers do not accept exponents.
    ///
    /// Callers validate their input; a value that is not finite or is beyond
    /// ±1e12 is written as 0 rather than producing an invalid file.
    mutating func pdfNumber(_ value: Double) {
        guard value.isFinite, value.magnitude < 1e12 else { append(0x30); return }
        var millis = Int64((value * 1000).rounded(.toNearestOrAwayFromZero))
        if millis == 0 { append(0x30); return }
        if millis < 0 { append(0x2D); millis = -millis }
        pdfInt(Int(millis / 1000))
        let fraction = Int(millis % 1000)
        guard fraction != 0 else { return }
        append(0x2E)
        append(0x30 &+ UInt8(fraction / 100))
        let tens = (fraction / 10) % 10, units = fraction % 10
        if tens != 0 || units != 0 { append(0x30 &+ UInt8(tens)) }
        if units != 0 { append(0x30 &+ UInt8(units)) }
    }

    /// An indirect reference `n 0 R` (§7.3.10).
    @inline(__always)
    mutating func pdfRef(_ object: Int) {
        pdfInt(object)
        ascii(" 0 R")
    }

    /// A name object (§7.3.5): `/` followed by the UTF-8 bytes, with delimiters,
    /// `#` and bytes outside `!`…`~` written as `#XX`.
    mutating func pdfName(_ name: String) {
        append(0x2F)
        for byte in name.utf8 {
            if byte < 0x21 || byte > 0x7E || Self.isDelimiter(byte) || byte == 0x23 {
                append(0x23)
                append(Self.hexDigit(byte >> 4))
                append(Self.hexDigit(byte & 0x0F))
            } else {
                append(byte)
            }
        }
    }

    /// A literal string object (§7.3.4.2) holding the given bytes. Parentheses and
    /// backslashes are escaped, and so is every byte outside printable ASCII (as
    /// `\n`, `\r`, `\t`, … or a three-digit octal escape), so the file stays ASCII.
    mutating func pdfLiteralString<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        append(0x28)
        for byte in bytes {
            switch byte {
            case 0x28, 0x29, 0x5C: append(0x5C); append(byte)
            case 0x0A: ascii("\\n")
            case 0x0D: ascii("\\r")
            case 0x09: ascii("\\t")
            case 0x08: ascii("\\b")
            case 0x0C: ascii("\\f")
            case 0x20...0x7E: append(byte)
            default:
                append(0x5C)
                append(0x30 &+ (byte >> 6))
                append(0x30 &+ ((byte >> 3) & 7))
                append(0x30 &+ (byte & 7))
            }
        }
        append(0x29)
    }

    /// A hexadecimal string object (§7.3.4.3), upper-case digits.
    mutating func pdfHexString<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        append(0x3C)
        for byte in bytes { appendHexByte(byte) }
        append(0x3E)
    }

    /// A text string (§7.9.2.2): a literal string when the text is printable ASCII
    /// (a subset of PDFDocEncoding, so the bytes are the same), otherwise UTF-16BE
    /// with a byte order mark, written as a hexadecimal string.
    mutating func pdfTextString(_ text: String) {
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            pdfLiteralString(text.utf8)
        } else {
            append(0x3C)
            ascii("FEFF")
            for unit in text.utf16 { appendHexUInt16(unit) }
            append(0x3E)
        }
    }

    /// Two upper-case hex digits.
    @inline(__always)
    mutating func appendHexByte(_ byte: UInt8) {
        append(Self.hexDigit(byte >> 4))
        append(Self.hexDigit(byte & 0x0F))
    }

    /// Four upper-case hex digits (a 2-byte CID or a UTF-16 code unit).
    @inline(__always)
    mutating func appendHexUInt16(_ value: UInt16) {
        appendHexByte(UInt8(truncatingIfNeeded: value >> 8))
        appendHexByte(UInt8(truncatingIfNeeded: value))
    }

    @inline(__always)
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 &+ nibble : 0x41 &+ (nibble &- 10)
    }

    /// The delimiter characters of §7.2.2: ( ) < > [ ] { } / %.
    @inline(__always)
    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5D, 0x7B, 0x7D, 0x2F, 0x25: return true
        default: return false
        }
    }
}
