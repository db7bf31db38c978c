import Foundation

extension PlanDecoder {
    /// Turns raw bytes into a JSON object, or throws a single input-level issue
    /// (or one issue per duplicate key).
    static func parse(_ data: Data) throws(PlanValidationError) -> JSONValue {
        func refuse(_ message: String) -> PlanValidationError {
            PlanValidationError(issues: [PlanIssue(path: "", message: message)])
        }

        guard data.count <= maximumSize else {
            throw refuse("input is larger than 1 MiB (\(maximumSize) bytes)")
        }
        guard !data.isEmpty else { throw refuse("input is empty") }

        let scan = data.withUnsafeBytes { bytes -> JSONPreScan.Outcome? in
            guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
            return JSONPreScan.scan(bytes)
        }
        let duplicateKeys: [JSONPath]
        switch scan {
        case nil:
            throw refuse("input is not valid UTF-8")
        case .tooDeep:
            throw refuse("JSON nesting deeper than \(JSONPreScan.maximumDepth) levels")
        case .scanned(let duplicates):
            duplicateKeys = duplicates
        }

        // Only now, with the depth bounded, is the recursive Foundation parser used.
        // Its error text is not passed on: it may quote part of the input.
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
              let root = JSONValue(foundationObject: object)
        else { throw refuse("not valid JSON") }
        guard case .object = root else { throw refuse("the top level must be a JSON object") }

        if !duplicateKeys.isEmpty {
            // The parser kept one of the values and dropped the other: reading on
            // would validate a guess.
            throw PlanValidationError(issues: duplicateKeys.map {
                PlanIssue(path: $0.rendered, message: "duplicate field")
            })
        }
        return root
    }
}
