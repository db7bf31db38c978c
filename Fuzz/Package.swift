// swift-tools-version:6.0
// libFuzzer programs for osteodoc (issue 14). Built and run by scripts/fuzz.sh:
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --package-path Fuzz
// (Swift's own libFuzzer runtime; lld, because gold fails on these links). The targets'
// bodies live in the main package's FuzzHarness module, so that the test suite replays the
// regression inputs in Fuzz/regressions/ without a sanitizer build. See Fuzz/README.md.
import PackageDescription

let targets = ["PlanDecode", "Pipeline", "Template", "Markdown", "Paragraph", "PO"]

let package = Package(
    name: "osteodoc-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "osteodoc", path: "..")],
    targets: [.target(name: "CFuzzerDriver")] + targets.map { name in
        .executableTarget(name: "Fuzz\(name)",
                          dependencies: ["CFuzzerDriver", .product(name: "FuzzHarness", package: "osteodoc")],
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    }
)
