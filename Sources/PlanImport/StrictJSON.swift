/// JSON exactly as RFC 8259 defines it, parsed in one pass over the bytes the caller
/// validated as UTF-8 — the same bytes for the syntax, the values and the duplicate-key
/// check.
///
/// Hand-written rather than Foundation's `JSONSerialization`, which is lenient where a
/// patient document must not be: it guesses UTF-16 and UTF-32 from the bytes (so a check
/// of the UTF-8 bytes and its parser saw different documents, and a second `birthDate`
/// could win unseen), accepts trailing commas in some releases, keeps one of two equal
/// keys without saying so, and recurses without a bound. Here:
/// - whitespace is space, tab, LF, CR only; no comments, trailing commas, single quotes,
///   `NaN`, leading zeros, `+1` or `.5`;
/// - strings may not hold raw control characters (U+0000–U+001F) or unpaired surrogate
///   escapes; escapes are decoded (`"\u0061"` and `"a"` are the same key);
/// - a number must fit a `Double` (finite);
/// - nesting deeper than `maximumDepth` is refused (the recursion is bounded by it);
/// - duplicate keys are collected with their paths, except inside the top-level
///   `extensions` object, whose content is free.
struct StrictJSON {
    /// Deepest nesting accepted: the root object counts as level 1. The contract needs 4.
    static let maximumDepth = 32

    struct Parsed {
        var value: JSONValue
        var duplicateKeys: [JSONPath]
    }

    enum Failure: Error, Equatable {
        /// Not JSON by RFC 8259: what was wrong, and the byte offset where it was seen.
        case syntax(String, offset: Int)
        case tooDeep
    }

    private let bytes: UnsafeRawBufferPointer
    private var i = 0
    private var path: [JSONPath.Component] = []
    private var duplicates: [JSONPath] = []

    private init(_ bytes: UnsafeRawBufferPointer, start: Int) {
        self.bytes = bytes
        self.i = start
    }

    /// Parses one JSON text (any value at the top) starting at byte `start`.
    /// The bytes must be valid UTF-8 (checked by the caller).
    static func parse(_ bytes: UnsafeRawBufferPointer, start: Int = 0) -> Result<Parsed, Failure> {
        var parser = StrictJSON(bytes, start: start)
        do throws(Failure) {
            parser.skipWhitespace()
            let value = try parser.value(depth: 1, ignored: false)
            parser.skipWhitespace()
            if parser.i < bytes.count { throw parser.fail("unexpected content after the JSON value") }
            return .success(Parsed(value: value, duplicateKeys: parser.duplicates))
        } catch {
            return .failure(error)
        }
    }

    /// Line and column (both from 1, the column in characters) of a byte offset.
    static func position(of offset: Int, in bytes: UnsafeRawBufferPointer) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for k in 0..<min(offset, bytes.count) {
            if bytes[k] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if bytes[k] & 0xC0 != 0x80 {  // not a UTF-8 continuation byte
                column += 1
            }
        }
        return (line, column)
    }

    // MARK: Grammar

    private func fail(_ message: String) -> Failure { .syntax(message, offset: i) }

    private var current: UInt8? { i < bytes.count ? bytes[i] : nil }

    private mutating func skipWhitespace() {
        while let b = current, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1 }
    }

    private mutating func value(depth: Int, ignored: Bool) throws(Failure) -> JSONValue {
        guard let b = current else { throw fail("unexpected end of input, a value was expected") }
        switch b {
        case UInt8(ascii: "{"):
            guard depth <= Self.maximumDepth else { throw .tooDeep }
            return try object(depth: depth, ignored: ignored)
        case UInt8(ascii: "["):
            guard depth <= Self.maximumDepth else { throw .tooDeep }
            return try array(depth: depth, ignored: ignored)
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try number())
        case UInt8(ascii: "/"):
            throw fail("comments are not JSON")
        case UInt8(ascii: "'"):
            throw fail("strings must be in double quotes")
        default:
            throw fail("a value was expected")
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let expected = Array(word.utf8)
        let count = expected.count
        guard i + count <= bytes.count, (0..<count).allSatisfy({ bytes[i + $0] == expected[$0] }) else {
            throw fail("a value was expected")
        }
        i += count
    }

    private mutating func object(depth: Int, ignored: Bool) throws(Failure) -> JSONValue {
        i += 1  // {
        var fields: [String: JSONValue] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            i += 1
            return .object(fields)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw fail(current == UInt8(ascii: "}") ? "trailing comma" : "a key in double quotes was expected")
            }
            let key = try string()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw fail("':' was expected after a key") }
            i += 1
            skipWhitespace()
            // The top-level `extensions` object is free content: its keys are not checked.
            let childIgnored = ignored || (depth == 1 && key == "extensions")
            path.append(.key(key))
            let element = try value(depth: depth + 1, ignored: childIgnored)
            path.removeLast()
            if fields.updateValue(element, forKey: key) != nil, !ignored {
                duplicates.append(path.reduce(JSONPath.root) { $0.appending($1) }.appending(key))
            }
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"): i += 1; return .object(fields)
            case nil: throw fail("unexpected end of input in an object")
            default: throw fail("',' or '}' was expected")
            }
        }
    }

    private mutating func array(depth: Int, ignored: Bool) throws(Failure) -> JSONValue {
        i += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            i += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "]") { throw fail("trailing comma") }
            path.append(.index(elements.count))
            elements.append(try value(depth: depth + 1, ignored: ignored))
            path.removeLast()
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"): i += 1; return .array(elements)
            case nil: throw fail("unexpected end of input in an array")
            default: throw fail("',' or ']' was expected")
            }
        }
    }

    private mutating func number() throws(Failure) -> Double {
        let start = i
        if current == UInt8(ascii: "-") { i += 1 }
        guard let first = current, first.isASCIIDigit else { throw fail("a digit was expected in a number") }
        i += 1
        if first == UInt8(ascii: "0"), let next = current, next.isASCIIDigit {
            throw fail("numbers must not have leading zeros")
        }
        while let b = current, b.isASCIIDigit { i += 1 }
        if current == UInt8(ascii: ".") {
            i += 1
            guard let b = current, b.isASCIIDigit else { throw fail("a digit was expected after '.'") }
            while let b = current, b.isASCIIDigit { i += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            i += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { i += 1 }
            guard let b = current, b.isASCIIDigit else { throw fail("a digit was expected in an exponent") }
            while let b = current, b.isASCIIDigit { i += 1 }
        }
        let lexeme = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let number = Double(lexeme), number.isFinite else {
            i = start
            throw fail("number out of range")
        }
        return number
    }

    private mutating func string() throws(Failure) -> String {
        i += 1  // "
        let start = i
        // Fast path: no escapes.
        while let b = current, b != UInt8(ascii: "\""), b != UInt8(ascii: "\\") {
            guard b >= 0x20 else { throw fail("control characters must be escaped in strings") }
            i += 1
        }
        if current == UInt8(ascii: "\"") {
            defer { i += 1 }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        }
        var utf8 = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<i]))
        while true {
            guard let b = current else { throw fail("unterminated string") }
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                i += 1
                guard let escape = current else { throw fail("unterminated string") }
                i += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: String(try unicodeEscape()).utf8)
                default:
                    i -= 2
                    throw fail("invalid escape in a string")
                }
            case 0..<0x20:
                throw fail("control characters must be escaped in strings")
            default:
                utf8.append(b)
                i += 1
            }
        }
    }

    /// After `\u`: four hex digits, and for a high surrogate the `\uDC00`–`\uDFFF` that must follow.
    private mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
        let unit = try hex4()
        switch unit {
        case 0xD800...0xDBFF:
            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                throw fail("unpaired surrogate in a \\u escape")
            }
            i += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low),
                  let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            else { throw fail("unpaired surrogate in a \\u escape") }
            return scalar
        case 0xDC00...0xDFFF:
            throw fail("unpaired surrogate in a \\u escape")
        default:
            guard let scalar = Unicode.Scalar(unit) else { throw fail("invalid \\u escape") }
            return scalar
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("a \\u escape needs four hex digits") }
        var unit: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw fail("a \\u escape needs four hex digits")
            }
            unit = unit << 4 | UInt32(digit)
            i += 1
        }
        return unit
    }
}
