import XCTest

// Removed when the PDFWriter tests land.
final class PDFWriterPlaceholderTests: XCTestCase {}
