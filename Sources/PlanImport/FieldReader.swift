/// Reads the fields of one JSON object.
///
/// Created by `Node.object(keys:)`, which reports every key not in the object's
/// contract field list as `unknown field` (sorted by key, before the object's other
/// issues: JSON object key order is not preserved by the parser, so sorting is what
/// keeps the report deterministic).
struct FieldReader {
    let node: Node
    let fields: [String: JSONValue]
    /// The contract's field names for this object, in contract order.
    let keys: [String]

    /// The field's node, or `nil` after reporting `required field is missing`.
    func required(_ key: String) -> Node? {
        assert(keys.contains(key), "\(key) is not declared for \(node.path.rendered)")
        guard let value = fields[key] else {
            node.log.report(node.path.appending(key), "required field is missing")
            return nil
        }
        return node.child(value, .key(key))
    }

    /// The field's node, or `nil` when the field is absent. A `null` value is passed
    /// on (and rejected by the type check): only fields documented as nullable accept it.
    func optional(_ key: String) -> Node? {
        assert(keys.contains(key), "\(key) is not declared for \(node.path.rendered)")
        return fields[key].map { node.child($0, .key(key)) }
    }

    /// The field's node, or `nil` when the field is absent or `null`.
    func nullable(_ key: String) -> Node? {
        guard let node = optional(key), node.value != .null else { return nil }
        return node
    }

    /// Reports a rule about a field that may be absent (e.g. one required by another field).
    func report(_ key: String, _ message: String) {
        node.log.report(node.path.appending(key), message)
    }
}

extension Node {
    /// This value as an object with the given contract fields, or `nil` after
    /// reporting `must be an object`. Unknown keys are reported here.
    func object(keys: [String]) -> FieldReader? {
        guard case .object(let fields) = value else {
            report("must be an object")
            return nil
        }
        let known = Set(keys)
        for key in fields.keys.sorted() where !known.contains(key) {
            log.report(path.appending(key), "unknown field")
        }
        return FieldReader(node: self, fields: fields, keys: keys)
    }

    /// Checks that this value is an object and ignores its content (`extensions`).
    func anyObject() {
        if case .object = value { return }
        report("must be an object")
    }

    /// The elements of this array, or `nil` after reporting `must be an array`.
    /// A count outside `count` is reported too, but the elements are still returned
    /// so that their own problems are found as well.
    func array(count: ClosedRange<Int> = 0...Int.max) -> [Node]? {
        guard case .array(let elements) = value else {
            report("must be an array")
            return nil
        }
        if !count.contains(elements.count) {
            if count.upperBound == Int.max {
                report(count.lowerBound == 1 ? "must not be empty" : "must have at least \(count.lowerBound) items")
            } else {
                report("must have \(count.lowerBound) to \(count.upperBound) items")
            }
        }
        return elements.enumerated().map { child($1, .index($0)) }
    }
}
