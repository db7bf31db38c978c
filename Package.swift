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
        .executable(name: "osteodoc-server", targets: ["osteodoc-server"]),
        .executable(name: "osteodoc-bench", targets: ["osteodoc-bench"]),
        .library(name: "OsteoDoc", targets: ["OsteoDoc", "PlanImport", "Templating"]),
        // The fuzz targets' bodies, for the libFuzzer programs in Fuzz/ (a package that depends on this one by path).
        .library(name: "FuzzHarness", targets: ["FuzzHarness"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        // The server (`osteodoc serve`): only Registry, Service and the CLI depend on these.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The staff pages' scan upload (multipart/form-data, RFC 7578).
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // System C libraries, each wrapped by exactly one Swift file.
        shim("CCmark", pkgConfig: "libcmark", apt: ["libcmark-dev"]),
        shim("CHarfBuzz", pkgConfig: "harfbuzz-subset", apt: ["libharfbuzz-dev"]),
        shim("CFriBidi", pkgConfig: "fribidi", apt: ["libfribidi-dev"]),
        shim("CUnibreak", pkgConfig: "libunibreak", apt: ["libunibreak-dev"]),
        shim("CHyphen", pkgConfig: nil, apt: ["libhyphen-dev"]),
        shim("CDeflate", pkgConfig: "libdeflate", apt: ["libdeflate-dev"]),
        shim("CQRencode", pkgConfig: "libqrencode", apt: ["libqrencode-dev"]),
        shim("CPNG", pkgConfig: "libpng", apt: ["libpng-dev"]),
        shim("CTurboJPEG", pkgConfig: "libturbojpeg", apt: ["libturbojpeg0-dev"]),
        shim("CZbar", pkgConfig: "zbar", apt: ["libzbar-dev"]),

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
        .target(name: "PDFWriter", dependencies: ["CDeflate"]),
        .target(name: "Layout", dependencies: ["DocumentModel", "Typesetting", "BodyDiagram", "QRCode"]),
        .target(name: "PDFExport", dependencies: ["Layout", "Typesetting", "PDFWriter"]),
        .target(name: "OsteoDoc", dependencies: [
            "PlanImport", "Content", "Templating", "DocumentModel", "Markdown",
            "HTMLExport", "Layout", "PDFExport", "Settings",
        ]),
        // The registry of plan revisions, issued documents and events (SQLite or PostgreSQL).
        .target(name: "Registry", dependencies: [
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Runs an outside program to its end (posix_spawn and waitpid): the print server's clients, pdftoppm.
        .target(name: "Subprocesses"),
        // Scan-back (issue 11): a scanned form's bytes (PNG, JPEG, PDF) → grey page images → QR codes with corners.
        .target(name: "ScanReading", dependencies: ["CPNG", "CTurboJPEG", "CZbar", "Subprocesses"]),
        // A scanned, signed document read against the form osteodoc laid out: ticks, signatures, flags.
        .target(name: "ScanBack", dependencies: ["ScanReading", "OsteoDoc"]),
        // The HTTP service behind `osteodoc serve`.
        .target(name: "Service", dependencies: [
            "Registry", "OsteoDoc", "PlanImport", "Templating", "Settings", "Subprocesses", "ScanBack", "ScanReading",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "TOMLKit", package: "TOMLKit"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            "Content",
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "osteodoc", dependencies: [
            "OsteoDoc", "PlanImport", "Templating", "Content", "Settings", "CommandLineSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // `osteodoc serve`: a program of its own, so that the document CLI links no network stack.
        .executableTarget(name: "osteodoc-server", dependencies: [
            "Service", "Settings", "CommandLineSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // What the two programs share: where the resources are, the user-facing error.
        .target(name: "CommandLineSupport"),
        .target(name: "FuzzHarness", dependencies: [
            "OsteoDoc", "PlanImport", "Templating", "Content", "Markdown", "DocumentModel", "Typesetting",
        ]),
        .executableTarget(name: "osteodoc-bench", dependencies: ["OsteoDoc", "PlanImport", "Templating", "Typesetting"]),

        // Shared by the test targets: one process runner (stdout and stderr read concurrently).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PlanImportTests", dependencies: ["PlanImport", "TestSupport"]),
        .testTarget(name: "ContentTests", dependencies: ["Content"]),
        .testTarget(name: "SettingsTests", dependencies: ["Settings"]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating", "TestSupport"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "TestSupport"]),
        .testTarget(name: "HTMLExportTests", dependencies: ["HTMLExport", "Markdown", "BodyDiagram"]),
        .testTarget(name: "TypesettingTests", dependencies: ["Typesetting", "CHyphen", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "PDFWriterTests", dependencies: ["PDFWriter", "PDFExport", "Typesetting", "CHarfBuzz", "TestSupport"]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "Typesetting", "DocumentModel"]),
        .testTarget(name: "BodyDiagramTests", dependencies: ["BodyDiagram", "PlanImport"]),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"]),
        .testTarget(name: "FuzzHarnessTests", dependencies: ["FuzzHarness", "OsteoDoc", "PlanImport"]),
        .testTarget(name: "OsteoDocTests", dependencies: ["OsteoDoc", "PlanImport", "Templating", "Settings", "ScanReading", "TestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "RegistryTests", dependencies: ["Registry", "Subprocesses", "TestSupport"]),
        .testTarget(name: "ScanReadingTests", dependencies: ["ScanReading", "TestSupport"]),
        .testTarget(name: "ScanBackTests", dependencies: ["ScanBack", "ScanReading", "OsteoDoc", "PlanImport", "Templating", "TestSupport"]),
        .testTarget(name: "ServiceTests", dependencies: [
            "Service", "Registry", "OsteoDoc", "Content", "TestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        ]),
    ]
)
