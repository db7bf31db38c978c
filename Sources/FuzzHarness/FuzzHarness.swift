import Foundation
import OsteoDoc
import PlanImport
import Typesetting

/// The fuzz targets' bodies (issue 14), shared by the libFuzzer programs in `Fuzz/` and by
/// the regression test that replays every input they once crashed on
/// (`Tests/FuzzHarnessTests`). Each target takes raw bytes and returns `nil` when every
/// promise held, or which promise broke; a crash is a finding too.
public enum FuzzHarness {
    /// The targets, by the name of their fuzz program (`Fuzz<Name>`) and regression folder.
    public static let targets: [String: @Sendable (UnsafeRawBufferPointer) -> String?] = [
        "PlanDecode": planDecode, "Pipeline": pipeline, "Template": template,
        "Markdown": markdown, "Paragraph": paragraph, "PO": po,
    ]

    /// The repository root (this file is Sources/FuzzHarness/FuzzHarness.swift).
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Compiled hyphenation dictionaries, kept across fuzz processes (in `Fuzz/.build`, never
    /// in git). libhyphen's own loader leaves about 1 KB of each dictionary's patterns
    /// unreachable; LeakSanitizer reports all unreachable memory whenever libFuzzer checks an
    /// input for leaks (after an input that allocated more than it freed, e.g. when a cache
    /// starts a new generation), and so charged that kilobyte to whichever input it was. Only
    /// the first process ever compiles a dictionary (in fork mode: the parent, which does not
    /// fuzz); every later one reads the compiled state machine and has nothing unreachable.
    static let hyphenationCache: String = {
        let folder = repository.appendingPathComponent("Fuzz/.build/hyphenation")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }()

    /// One engine for the whole run: fonts and catalogs are loaded once.
    static let engine: OsteoDoc = {
        do { return try OsteoDoc(provider: ResourceProvider(resources: repository, cacheDirectory: hyphenationCache)) } catch {
            fatalError("fuzz set-up: cannot load the resources in \(repository.path): \(error)")
        }
    }()

    /// The decoded example plan.
    public static let examplePlan: Plan = {
        do {
            return try OsteoDoc.plan(from: Data(contentsOf: repository.appendingPathComponent("examples/plan.json")))
        } catch {
            fatalError("fuzz set-up: the example plan does not decode: \(error)")
        }
    }()

    /// One typesetter per process, with the fonts documents use.
    static let typesetter: Typesetter = {
        do {
            return Typesetter(fonts: try FontLibrary(directory: ResourceProvider.debianFonts),
                              compiledDictionaryCache: hyphenationCache)
        } catch {
            fatalError("fuzz set-up: cannot load the fonts: \(error)")
        }
    }()

    /// Loads the engine, fonts and example once, before the first input: a fuzz program
    /// calls it before handing over to libFuzzer, so that set-up never counts as a slow input.
    public static func prepare() {
        _ = typesetter.preloadHyphenation(languages: languages)
        // The engine reads languages on first use: read them all now, not during an input —
        // libhyphen keeps a few bytes of every dictionary it loads unreachable (the patterns
        // with '/' rules), which LeakSanitizer would report against whichever input came first.
        try? engine.preload(languages: languages)
        // The first render loads fonts and dictionaries: do it here, not on the first input.
        _ = try? engine.render(.consent, plan: examplePlan, language: "it", format: .pdf)
    }

    /// The languages osteodoc ships, in a fixed order.
    static var languages: [String] { engine.content.localeTags.sorted() }

    /// Splits the input into `count` strings at 0x00 bytes (invalid UTF-8 repaired).
    static func strings(_ bytes: UnsafeRawBufferPointer, count: Int) -> [String] {
        var parts = bytes.split(separator: 0, maxSplits: count - 1, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        while parts.count < count { parts.append("") }
        return parts
    }
}
