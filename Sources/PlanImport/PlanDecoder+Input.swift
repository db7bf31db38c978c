import Foundation

extension PlanDecoder {
    /// Turns raw bytes into a JSON object, or throws a single input-level issue
    /// (or one issue per duplicate key).
    ///
    /// The contract's encoding is UTF-8 JSON by RFC 8259 and nothing else: UTF-16 and
    /// UTF-32 (with or without a byte-order mark) are refused by name, and the JSON is
    /// read by `StrictJSON`. A UTF-8 byte-order mark is skipped (RFC 8259 §8.1 lets a
    /// parser ignore it; Windows tools write one).
    static func parse(_ data: Data) throws(PlanValidationError) -> JSONValue {
        func refuse(_ message: String) -> PlanValidationError {
            PlanValidationError(issues: [PlanIssue(path: "", message: message)])
        }

        guard data.count <= maximumSize else {
            throw refuse("input is larger than 1 MiB (\(maximumSize) bytes)")
        }
        guard !data.isEmpty else { throw refuse("input is empty") }
        if let encoding = otherUnicodeEncoding(data) {
            throw refuse("input is \(encoding), not UTF-8; plan exports must be UTF-8 JSON (RFC 8259 §8.1)")
        }

        let result = data.withUnsafeBytes { bytes -> Result<StrictJSON.Parsed, StrictJSON.Failure>? in
            guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
            let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
            return StrictJSON.parse(bytes, start: bom ? 3 : 0).mapError { failure in
                guard case .syntax(let message, let offset) = failure else { return failure }
                // Position, never content: the input is patient data.
                let (line, column) = StrictJSON.position(of: offset, in: bytes)
                return .syntax("\(message) (line \(line), column \(column))", offset: offset)
            }
        }
        let parsed: StrictJSON.Parsed
        switch result {
        case nil:
            throw refuse("input is not valid UTF-8")
        case .failure(.tooDeep):
            throw refuse("JSON nesting deeper than \(StrictJSON.maximumDepth) levels")
        case .failure(.syntax(let message, _)):
            throw refuse("not valid JSON (RFC 8259): \(message)")
        case .success(let p):
            parsed = p
        }
        guard case .object = parsed.value else { throw refuse("the top level must be a JSON object") }
        if !parsed.duplicateKeys.isEmpty {
            // Which of two values was meant cannot be known: reading on would validate a guess.
            throw PlanValidationError(issues: parsed.duplicateKeys.map {
                PlanIssue(path: $0.rendered, message: "duplicate field")
            })
        }
        return parsed.value
    }

    /// The name of the encoding when the bytes are UTF-16 or UTF-32: by byte-order mark,
    /// or by the pattern of NUL bytes that the first two ASCII characters of a JSON text
    /// have in those encodings (RFC 4627 §3; UTF-8 JSON never contains a NUL byte).
    static func otherUnicodeEncoding(_ data: Data) -> String? {
        let b = Array(data.prefix(4))
        func starts(_ prefix: [UInt8]) -> Bool { b.count >= prefix.count && Array(b.prefix(prefix.count)) == prefix }
        if starts([0x00, 0x00, 0xFE, 0xFF]) || starts([0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32 (with a byte-order mark)" }
        if starts([0xFE, 0xFF]) || starts([0xFF, 0xFE]) { return "UTF-16 (with a byte-order mark)" }
        guard b.count == 4 else { return nil }
        let zero = b.map { $0 == 0 }
        if zero == [true, true, true, false] || zero == [false, true, true, true] { return "UTF-32" }
        if zero == [true, false, true, false] || zero == [false, true, false, true] { return "UTF-16" }
        return nil
    }
}
