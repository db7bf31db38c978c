import CFuzzerDriver
import FuzzHarness

// libFuzzer program for FuzzHarness.targets["Paragraph"] (see Fuzz/README.md).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParagraph(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    if let broken = FuzzHarness.paragraph(bytes) { fuzz_promise_broken(broken) }
    return 0
}

/// SwiftPM makes `<Target>_main` the program's `main`: hand over to libFuzzer.
@_cdecl("FuzzParagraph_main")
public func fuzzParagraphMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzParagraph(data, size) }
}
