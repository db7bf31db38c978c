import XCTest
@testable import Typesetting

/// A reused layout is the layout: same text, style and measure give the same lines; any difference misses.
final class LayoutCacheTests: XCTestCase {
    func testReuseIsExactAndKeyedByEverything() throws {
        let fonts = try FontLibrary()
        let fresh = Typesetter(fonts: fonts), reused = Typesetter(fonts: fonts)
        let text = [TextSpan("La cementoplastica rinforza l'osso con un cemento speciale, iniettato con un ago sottile.")]
        let style = ParagraphStyle(size: 11.5, language: "it", direction: .leftToRight, alignment: .justified)
        let first = try reused.layout(text, style: style, width: 200)
        let second = try reused.layout(text, style: style, width: 200)
        XCTAssertEqual(debugLog(first), debugLog(second))
        XCTAssertEqual(debugLog(second), debugLog(try fresh.layout(text, style: style, width: 200)))
        XCTAssertNotEqual(debugLog(second), debugLog(try reused.layout(text, style: style, width: 150)), "measure is part of the key")
        var bold = text
        bold[0].style = .bold
        XCTAssertNotEqual(debugLog(second), debugLog(try reused.layout(bold, style: style, width: 200)), "style is part of the key")
        var ragged = style
        ragged.alignment = .start
        XCTAssertNotEqual(debugLog(second), debugLog(try reused.layout(text, style: ragged, width: 200)))
    }
}
