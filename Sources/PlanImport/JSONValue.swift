import Foundation

/// A parsed JSON value, with booleans and numbers kept apart.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

extension JSONValue {
    /// The class `JSONSerialization` uses for `true` and `false` (`__NSCFBoolean`,
    /// on Linux as on Darwin).
    private static let booleanClass = ObjectIdentifier(type(of: NSNumber(value: true)))

    /// Converts the output of `JSONSerialization.jsonObject(with:options:)`.
    ///
    /// NSNumber bridging is a trap here: on Linux `NSNumber(1) is Bool`,
    /// `NSNumber(0) as? Bool`, and `kCFBooleanTrue as? Int` all succeed, so neither
    /// `as? Bool` nor `as? Int` tells a JSON `true` from a JSON `1`. JSON booleans come
    /// back as instances of one dedicated class, which is what is checked instead.
    ///
    /// The input's nesting depth is bounded by `JSONPreScan`, so the recursion is too.
    init?(foundationObject object: Any) {
        // Containers are matched before `NSNumber`: on Linux, trying `as? NSNumber` on
        // a Swift dictionary or array bridges it first (microseconds per value).
        switch object {
        case let string as String:
            self = .string(string)
        case let dictionary as [String: Any]:
            var fields: [String: JSONValue] = [:]
            fields.reserveCapacity(dictionary.count)
            for (key, element) in dictionary {
                guard let value = JSONValue(foundationObject: element) else { return nil }
                fields[key] = value
            }
            self = .object(fields)
        case let array as [Any]:
            var elements: [JSONValue] = []
            elements.reserveCapacity(array.count)
            for element in array {
                guard let value = JSONValue(foundationObject: element) else { return nil }
                elements.append(value)
            }
            self = .array(elements)
        case let number as NSNumber:
            if ObjectIdentifier(type(of: number)) == Self.booleanClass {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.doubleValue)
            }
        case is NSNull:
            self = .null
        default:
            return nil
        }
    }
}
