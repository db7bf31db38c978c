/// A parsed JSON value (see `StrictJSON`), with booleans and numbers kept apart.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}
