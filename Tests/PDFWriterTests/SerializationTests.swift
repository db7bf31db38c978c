// Byte-exact tests for the basic objects of ISO 32000-1 §7.3 and §7.9.2.
import XCTest
@testable import PDFWriter

final class SerializationTests: XCTestCase {
    private func text(_ build: (inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = []
        build(&out)
        return String(decoding: out, as: UTF8.self)
    }

    func testIntegers() {
        XCTAssertEqual(text { $0.pdfInt(0) }, "0")
        XCTAssertEqual(text { $0.pdfInt(7) }, "7")
        XCTAssertEqual(text { $0.pdfInt(-42) }, "-42")
        XCTAssertEqual(text { $0.pdfInt(1_234_567_890) }, "1234567890")
        XCTAssertEqual(text { $0.pdfInt(Int.min) }, "-9223372036854775808")
        XCTAssertEqual(text { $0.pdfInt(Int.max) }, "9223372036854775807")
        // Every length, and appended after what is already there.
        for value in [9, 10, 99, 100, 101, 1_000, 65_535, 1_000_000_007] {
            XCTAssertEqual(text { $0.ascii("x"); $0.pdfInt(value); $0.pdfInt(-value) }, "x\(value)-\(value)")
        }
    }

    func testRealNumbersAreCompactAndNeverNegativeZero() {
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0, "0"), (1, "1"), (-1, "-1"), (1.5, "1.5"), (-2.25, "-2.25"),
            (0.1 + 0.2, "0.3"), (595.2756, "595.276"), (841.8898, "841.89"), (12.0001, "12"),
            (0.0004, "0"), (-0.0004, "0"), (0.0005, "0.001"), (-0.0005, "-0.001"),
            (0.05, "0.05"), (0.007, "0.007"), (100.1, "100.1"), (123456.789, "123456.789"),
            (1e-9, "0"), (250_000, "250000"), (1e11, "100000000000"),
            (.nan, "0"), (.infinity, "0"), (-.infinity, "0"), (1e300, "0"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(text { $0.pdfNumber(value) }, expected, "\(value)")
        }
    }

    func testReferences() {
        XCTAssertEqual(text { $0.pdfRef(12) }, "12 0 R")
    }

    func testNamesEscapeDelimitersAndNonASCII() {
        XCTAssertEqual(text { $0.pdfName("Type") }, "/Type")
        XCTAssertEqual(text { $0.pdfName("ABCDEF+NotoSans-Regular") }, "/ABCDEF+NotoSans-Regular")
        XCTAssertEqual(text { $0.pdfName("A B#(C)/é") }, "/A#20B#23#28C#29#2F#C3#A9")
    }

    func testLiteralStringsEscape() {
        XCTAssertEqual(text { $0.pdfLiteralString(Array("a(b)c\\d".utf8)) }, "(a\\(b\\)c\\\\d)")
        XCTAssertEqual(text { $0.pdfLiteralString([0x0A, 0x0D, 0x09, 0x08, 0x0C, 0x00, 0x7F, 0xFF]) },
                       "(\\n\\r\\t\\b\\f\\000\\177\\377)")
    }

    func testHexStrings() {
        XCTAssertEqual(text { $0.pdfHexString([0x00, 0x1F, 0xAB, 0xFF]) }, "<001FABFF>")
        XCTAssertEqual(text { $0.pdfHexString([]) }, "<>")
    }

    func testTextStringsUsePDFDocEncodingForASCIIAndUTF16Otherwise() {
        XCTAssertEqual(text { $0.pdfTextString("Consenso informato") }, "(Consenso informato)")
        XCTAssertEqual(text { $0.pdfTextString("it-IT") }, "(it-IT)")
        XCTAssertEqual(text { $0.pdfTextString("città") }, "<FEFF006300690074007400E0>")
        // Non-BMP: surrogate pair.
        XCTAssertEqual(text { $0.pdfTextString("a😀") }, "<FEFF0061D83DDE00>")
        XCTAssertEqual(text { $0.pdfTextString("") }, "()")
    }
}

final class MD5Tests: XCTestCase {
    /// RFC 1321 §A.5 test suite.
    func testRFC1321Vectors() {
        let vectors: [(String, String)] = [
            ("", "d41d8cd98f00b204e9800998ecf8427e"),
            ("a", "0cc175b9c0f1b6a831c399e269772661"),
            ("abc", "900150983cd24fb0d6963f7d28e17f72"),
            ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
            (String(repeating: "1234567890", count: 8), "57edf4a22be3c955ac49da2e2107b67a"),
        ]
        for (message, digest) in vectors {
            let hex = MD5.digest(Array(message.utf8)).map { String(format: "%02x", $0) }.joined()
            XCTAssertEqual(hex, digest, message)
        }
    }
}
