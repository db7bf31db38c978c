/// An error message for the user; exit code 1. A message starting with an option
/// ("--plan: cannot read …") names that option as the error's path in `--json` output.
public struct CLIFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
