/// A scan that cannot be turned into page images: unknown format, corrupt or truncated file,
/// a limit exceeded, the PDF renderer failing. The message names the problem, never the file's
/// bytes (a scan is patient data).
public struct ScanError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, for a person.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
