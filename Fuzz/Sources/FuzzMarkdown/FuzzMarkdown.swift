import CFuzzerDriver
import FuzzHarness

// libFuzzer program for FuzzHarness.targets["Markdown"] (see Fuzz/README.md).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    if let broken = FuzzHarness.markdown(bytes) { fuzz_promise_broken(broken) }
    return 0
}

/// SwiftPM makes `<Target>_main` the program's `main`: hand over to libFuzzer.
@_cdecl("FuzzMarkdown_main")
public func fuzzMarkdownMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzMarkdown(data, size) }
}
