/// Collects the issues of one decoding run, in the order they are found.
///
/// Readers walk the document in contract order (fields in the contract's order,
/// arrays by index), so this order is the document order the API promises.
final class IssueLog {
    private(set) var issues: [PlanIssue] = []

    func report(_ path: JSONPath, _ message: String) {
        issues.append(PlanIssue(path: path.rendered, message: message))
    }
}
