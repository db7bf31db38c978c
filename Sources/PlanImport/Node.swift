/// A JSON value together with its path and the log its problems go to.
///
/// Each reading accessor (`Node+…` files, `object(keys:)`, `array(count:)`) checks one
/// contract type or rule. On a violation it reports the issue itself (once per
/// offending value, at that value's path) and returns `nil`, so callers never report
/// again. A `nil` from an accessor therefore always comes with an issue in the log.
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
