import CFuzzerDriver
import FuzzHarness

// libFuzzer program for FuzzHarness.targets["PO"] (see Fuzz/README.md).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPO(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    if let broken = FuzzHarness.po(bytes) { fuzz_promise_broken(broken) }
    return 0
}

/// SwiftPM makes `<Target>_main` the program's `main`: hand over to libFuzzer.
@_cdecl("FuzzPO_main")
public func fuzzPOMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzPO(data, size) }
}
