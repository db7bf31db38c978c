import CFuzzerDriver
import FuzzHarness

// libFuzzer program for FuzzHarness.targets["PlanDecode"] (see Fuzz/README.md).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanDecode(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    if let broken = FuzzHarness.planDecode(bytes) { fuzz_promise_broken(broken) }
    return 0
}

/// SwiftPM makes `<Target>_main` the program's `main`: hand over to libFuzzer.
@_cdecl("FuzzPlanDecode_main")
public func fuzzPlanDecodeMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzPlanDecode(data, size) }
}
