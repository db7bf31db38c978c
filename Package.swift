// swift-tools-version:6.0
// osteodoc — cementoplasty plan → patient documents (consent form, discharge sheet).
// Pipeline and module layout: see README.md and Sources/OsteoDoc/OsteoDoc.swift.
import PackageDescription

/// A system C library reached through a module map under Sources/<name>.
func shim(_ name: String, pkgConfig: String?, apt: [String]) -> Target {
    .systemLibrary(name: name, path: "Sources/Shims/\(name)", pkgConfig: pkgConfig, providers: [.apt(apt)])
}

let package = Package(
    name: "osteodoc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "osteodoc", targets: ["osteodoc"]),
        .executable(name: "osteodoc-bench", targets: ["osteodoc-bench"]),
        .library(name: "OsteoDoc", targets: ["OsteoDoc", "PlanImport", "Templating"]),
        // The fuzz targets' bodies, for the libFuzzer programs in Fuzz/ (a package that depends on this one by path).
        .library(name: "FuzzHarness", targets: ["FuzzHarness"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // System C libraries, each wrapped by exactly one Swift file.
        shim("CCmark", pkgConfig: "libcmark", apt: ["libcmark-dev"]),
        shim("CHarfBuzz", pkgConfig: "harfbuzz-subset", apt: ["libharfbuzz-dev"]),
        shim("CFriBidi", pkgConfig: "fribidi", apt: ["libfribidi-dev"]),
        shim("CUnibreak", pkgConfig: "libunibreak", apt: ["libunibreak-dev"]),
        shim("CHyphen", pkgConfig: nil, apt: ["libhyphen-dev"]),
        shim("CZlib", pkgConfig: "zlib", apt: ["zlib1g-dev"]),
        shim("CQRencode", pkgConfig: "libqrencode", apt: ["libqrencode-dev"]),

        // Pipeline stages (one-way).
        .target(name: "PlanImport"),
        .target(name: "DocumentModel"),
        .target(name: "BodyDiagram"),
        .target(name: "QRCode", dependencies: ["CQRencode"]),
        .target(name: "Content"),
        // The facility's configuration file (osteodoc.toml): out-of-hours phone, ward hours, time zone.
        .target(name: "Settings", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "Templating", dependencies: [
            "PlanImport", "Content", "Settings",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "Markdown", dependencies: ["DocumentModel", "BodyDiagram", "CCmark"]),
        .target(name: "HTMLExport", dependencies: ["DocumentModel", "BodyDiagram"]),
        .target(name: "Typesetting", dependencies: ["CHarfBuzz", "CFriBidi", "CUnibreak", "CHyphen"]),
        .target(name: "PDFWriter", dependencies: ["CHarfBuzz", "CZlib"]),
        .target(name: "Layout", dependencies: ["DocumentModel", "Typesetting", "BodyDiagram", "QRCode"]),
        .target(name: "PDFExport", dependencies: ["Layout", "Typesetting", "PDFWriter"]),
        .target(name: "OsteoDoc", dependencies: [
            "PlanImport", "Content", "Templating", "DocumentModel", "Markdown",
            "HTMLExport", "Layout", "PDFExport", "Settings",
        ]),
        .executableTarget(name: "osteodoc", dependencies: [
            "OsteoDoc", "PlanImport", "Templating", "Content", "Settings", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "FuzzHarness", dependencies: [
            "OsteoDoc", "PlanImport", "Templating", "Content", "Markdown", "DocumentModel", "Typesetting",
        ]),
        .executableTarget(name: "osteodoc-bench", dependencies: ["OsteoDoc", "PlanImport", "Templating", "Typesetting"]),

        // Shared by the test targets: one process runner (stdout and stderr read concurrently).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PlanImportTests", dependencies: ["PlanImport", "TestSupport"]),
        .testTarget(name: "ContentTests", dependencies: ["Content"]),
        .testTarget(name: "SettingsTests", dependencies: ["Settings"]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "HTMLExportTests", dependencies: ["HTMLExport", "Markdown", "BodyDiagram"]),
        .testTarget(name: "TypesettingTests", dependencies: ["Typesetting", "CHyphen"], exclude: ["Golden"]),
        .testTarget(name: "PDFWriterTests", dependencies: ["PDFWriter", "CHarfBuzz", "TestSupport"]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "Typesetting", "DocumentModel"]),
        .testTarget(name: "BodyDiagramTests", dependencies: ["BodyDiagram", "PlanImport"]),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"]),
        .testTarget(name: "FuzzHarnessTests", dependencies: ["FuzzHarness", "OsteoDoc", "PlanImport"]),
        .testTarget(name: "OsteoDocTests", dependencies: ["OsteoDoc", "PlanImport", "Templating", "Settings", "TestSupport"], exclude: ["Golden"]),
    ]
)
