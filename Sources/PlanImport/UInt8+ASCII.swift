/// Byte classes shared by the hand-written checks (see `TextRule` for why no regex).
extension UInt8 {
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

    var isASCIIUppercase: Bool { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") }

    /// A–Z or a–z (ASCII letters differ from their lower case only in bit 5).
    var isASCIILetter: Bool {
        let lower = self | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    /// The value of an ASCII digit.
    var asciiDigitValue: Int? { isASCIIDigit ? Int(self - UInt8(ascii: "0")) : nil }
}
