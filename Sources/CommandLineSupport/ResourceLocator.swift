import Foundation

/// Where templates/ and locales/ are, in this order:
/// 1. `--resources`, 2. `$OSTEODOC_RESOURCES`,
/// 3. `<prefix>/share/osteodoc` for a program installed as `<prefix>/bin/osteodoc` (or `osteodoc-server`)
///    (scripts/install.sh, the Debian package: /usr/bin/osteodoc → /usr/share/osteodoc),
/// 4. the source tree the program was built in (`.build/<config>/osteodoc` → the folder above `.build`).
/// The current folder is not searched: a program run from some folder must not pick up whatever
/// templates happen to lie there.
public enum ResourceLocator {
    /// The resource folder, or a ``CLIFailure`` saying where osteodoc looked.
    public static func locate(explicit: String?) throws -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = ProcessInfo.processInfo.environment["OSTEODOC_RESOURCES"], !env.isEmpty { return URL(fileURLWithPath: env) }
        let binDirectory = executable().deletingLastPathComponent()
        var candidates = [binDirectory.deletingLastPathComponent().appendingPathComponent("share/osteodoc")]
        var dir = binDirectory
        for _ in 0..<6 { candidates.append(dir); dir = dir.deletingLastPathComponent() }
        if let found = candidates.first(where: holdsResources) { return found }
        throw CLIFailure("cannot find templates/ and locales/ (looked in \(candidates[0].path) and the source tree); "
                         + "pass --resources or set OSTEODOC_RESOURCES")
    }

    private static func holdsResources(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("templates").path)
            && FileManager.default.fileExists(atPath: url.appendingPathComponent("locales").path)
    }

    /// The running program, symlinks resolved (/proc/self/exe on Linux; argv[0] elsewhere).
    private static func executable() -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    }
}
