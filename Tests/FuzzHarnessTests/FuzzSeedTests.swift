import Foundation
import FuzzHarness
import XCTest

/// Writes the seed corpora (Fuzz/corpus/<Target>/) when OSTEODOC_WRITE_SEEDS=1; otherwise
/// only checks that seeds can be made for every target.
final class FuzzSeedTests: XCTestCase {
    func testSeedsForEveryTarget() throws {
        let seeds = try FuzzHarness.seedInputs()
        XCTAssertEqual(Set(seeds.keys), Set(FuzzHarness.targets.keys))
        guard ProcessInfo.processInfo.environment["OSTEODOC_WRITE_SEEDS"] == "1" else { return }
        for (target, inputs) in seeds {
            let dir = FuzzHarness.repository.appendingPathComponent("Fuzz/corpus/\(target)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for input in inputs {
                try Data(input.bytes).write(to: dir.appendingPathComponent("seed-\(input.name)"))
            }
        }
    }
}
