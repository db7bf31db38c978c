extension OsteoDoc {
    /// osteodoc's release version (semantic versioning; see CHANGELOG.md). Printed by
    /// `osteodoc --version`, named in the Debian package, and carried by every PDF as its
    /// Producer (`producer`).
    public static let version = "0.3.0"

    /// The PDF Producer entry (and XMP pdf:Producer): "osteodoc 0.3.0".
    public static var producer: String { "osteodoc \(version)" }
}
