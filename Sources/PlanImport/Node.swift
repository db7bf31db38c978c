/// A JSON value together with its path and the log its problems go to.
///
/// Each reading accessor (in the `Node+…` files) checks one contract type or rule.
/// On a violation it reports exactly one issue at `path` and returns `nil`, so a
/// caller never reports twice for the same value. A `nil` from an accessor therefore
/// always comes with an issue in the log.
struct Node {
    let value: JSONValue
    let path: JSONPath
    let log: IssueLog

    func report(_ message: String) {
        log.report(path, message)
    }

    /// The node for a value inside this one.
    func child(_ value: JSONValue, _ component: JSONPath.Component) -> Node {
        Node(value: value, path: path.appending(component), log: log)
    }
}
