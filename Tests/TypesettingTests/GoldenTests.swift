import XCTest
@testable import Typesetting

/// Compares the lines of one Italian paragraph with a reviewed log committed
/// beside this file. A difference fails the test and prints the new log; if
/// the change is intended, review it and replace the file by hand.
final class GoldenTests: XCTestCase {
    static let spans = [
        TextSpan("Come ogni atto medico, l'osteoplastica comporta alcuni rischi: "),
        TextSpan("la fuoriuscita di cemento dai margini dell'osso", style: .bold),
        TextSpan(", di solito senza conseguenze, l'ematoma nel punto di accesso, l'infezione, l'irritazione di un nervo e, molto raramente, l'embolia polmonare da cemento. L'équipe di radiologia interventistica la seguirà con attenzione durante tutto il ricovero, e il giorno 3 dicembre 2026 alle ore 9:30 riceverà le istruzioni per la dimissione "),
        TextSpan("(foglio di dimissione)", style: .italic),
        TextSpan("."),
    ]

    /// One line per line: width to 0.1 pt, "H" if hyphenated, the text in logical order.
    static func log(_ layout: ParagraphLayout) -> String {
        layout.lines.map { line in
            "\(format(line.width, decimals: 1)) \(line.hyphenated ? "H" : "-") \(line.logicalText)"
        }.joined(separator: "\n") + "\n"
    }

    static func goldenURL(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
    }

    static var goldenURL: URL { goldenURL("italian-240pt.txt") }

    /// The mixed Arabic, Latin and digits paragraph in two lines, as `debugLog` prints it.
    static func arabicLayout() throws -> ParagraphLayout {
        let style = ParagraphStyle(size: 11.5, leading: 15, language: "ar", direction: .rightToLeft,
                                   alignment: .justified, hyphenate: true, firstLineIndent: 0)
        return try Fixtures.typesetter.layout([TextSpan(Fixtures.arabicMixed)], style: style, width: 200)
    }

    func testItalianParagraphMatchesGolden() throws {
        let style = ParagraphStyle(size: 11.5, leading: 15, language: "it", direction: .auto,
                                   alignment: .justified, hyphenate: true, firstLineIndent: 0)
        let layout = try Fixtures.typesetter.layout(Self.spans, style: style, width: 240)
        let actual = Self.log(layout)
        let expected = try String(contentsOf: Self.goldenURL, encoding: .utf8)
        if actual != expected {
            XCTFail("layout differs from \(Self.goldenURL.lastPathComponent); new log:\n\(actual)")
        }
    }

    func testArabicDebugLogMatchesGolden() throws {
        let actual = debugLog(try Self.arabicLayout())
        let url = Self.goldenURL("arabic-mixed-debuglog.txt")
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            XCTFail("layout differs from \(url.lastPathComponent); new log:\n\(actual)")
        }
    }
}
