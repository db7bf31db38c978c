import Foundation
import XCTest
@testable import PlanImport

final class PlanDecoderPerformanceTests: XCTestCase {
    /// In release builds one decode of the example takes about 0.09 ms (JSONSerialization
    /// ~25 µs of it). This guard is loose on purpose (debug build, shared CI machines):
    /// it catches gross regressions such as compiling a regex per field.
    func testDecodingTheExampleIsFast() {
        let data = Data(exampleText.utf8)
        _ = try? PlanDecoder.decode(data)
        let runs = 200
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<runs { XCTAssertNotNil(try? PlanDecoder.decode(data)) }
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(runs) / 1e6
        XCTAssertLessThan(milliseconds, 10, "average decode: \(milliseconds) ms")
    }

    func testLargestInputIsRefusedQuickly() {
        let deep = Data(repeating: UInt8(ascii: "["), count: PlanDecoder.maximumSize)
        let start = DispatchTime.now().uptimeNanoseconds
        XCTAssertNil(try? PlanDecoder.decode(deep))
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        XCTAssertLessThan(milliseconds, 500)
    }
}
