import Foundation
import FuzzHarness
import XCTest

/// Replays every input the fuzzers ever broke a promise on (Fuzz/regressions/<Target>/, kept
/// by scripts/fuzz.sh) and the seed corpora (Fuzz/corpus/<Target>/) through the same
/// target bodies, without a sanitizer build: a fixed crash stays fixed.
final class FuzzRegressionTests: XCTestCase {
    private func inputs(_ folder: String, _ target: String) throws -> [URL] {
        let dir = FuzzHarness.repository.appendingPathComponent("Fuzz/\(folder)/\(target)")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { dir.appendingPathComponent($0) }
    }

    private func replay(_ folder: String, targets: [String]) throws -> Int {
        var count = 0
        for target in targets {
            let body = try XCTUnwrap(FuzzHarness.targets[target], target)
            for url in try inputs(folder, target) {
                let data = try Data(contentsOf: url)
                let broken = data.withUnsafeBytes { body($0) }
                XCTAssertNil(broken, "\(folder)/\(target)/\(url.lastPathComponent)")
                count += 1
            }
        }
        return count
    }

    func testEveryTargetHasASeedCorpus() throws {
        for target in FuzzHarness.targets.keys.sorted() {
            XCTAssertFalse(try inputs("corpus", target).isEmpty, "Fuzz/corpus/\(target) is empty")
        }
    }

    func testRegressionInputsKeepTheirPromises() throws {
        _ = try replay("regressions", targets: FuzzHarness.targets.keys.sorted())
    }

    func testSeedInputsKeepTheirPromises() throws {
        // The pipeline's seeds render whole documents: they run in FuzzPropertyTests' budget instead.
        let replayed = try replay("corpus", targets: ["PlanDecode", "Template", "Markdown", "Paragraph", "PO"])
        XCTAssertGreaterThan(replayed, 20)
    }
}
