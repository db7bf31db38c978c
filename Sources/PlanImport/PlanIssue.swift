/// One violation of the plan-export contract.
///
/// Messages name the rule, never the offending value: a plan carries patient data,
/// and issues end up in logs and on screens. Only codes that are valid in their
/// list (and disallowed by a rule) are ever quoted.
public struct PlanIssue: Sendable, Equatable, CustomStringConvertible {
    /// JSON path of the offending value, like `targets[1].side` or `patient.birthDate`;
    /// empty for problems with the input as a whole.
    public let path: String
    /// The rule that was broken, e.g. `must be one of: left, right, midline`.
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`, e.g. `targets[1].side: "midline" is only allowed for sacrum, vertebra, sternum`.
    public var description: String { "\(path): \(message)" }
}

/// Thrown by `PlanDecoder.decode(_:)` when the input is not a valid plan export.
public struct PlanValidationError: Error, Sendable, CustomStringConvertible {
    /// Every violation found, in document order (contract field order within an
    /// object, arrays by index). Never empty.
    public let issues: [PlanIssue]

    public init(issues: [PlanIssue]) {
        self.issues = issues
    }

    /// One issue per line.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
