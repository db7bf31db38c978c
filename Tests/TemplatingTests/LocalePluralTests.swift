import XCTest
@testable import Templating

/// Every shipped catalog has one form per CLDR category of its language, and counts pick the right one.
final class LocalePluralTests: XCTestCase {
    func testEveryLocaleHasItsPluralForms() throws {
        for tag in shippedContent.localeTags {
            let locale = try XCTUnwrap(shippedContent.locale(tag))
            let rules = PluralRules(language: tag)
            for entry in locale.strings.entries where entry.idPlural != nil {
                XCTAssertEqual(entry.strings.count, rules.catalogOrder.count, "\(tag) \(entry.context ?? "")")
            }
        }
    }

    func testNeedleCountsUseTheirForms() throws {
        let expectations: [String: [(Int, Int)]] = [  // (count, msgstr index)
            "it": [(1, 0), (2, 1), (5, 1)], "de": [(1, 0), (2, 1)], "en": [(1, 0), (2, 1)],
            "fr": [(0, 0), (1, 0), (2, 1)], "ro": [(1, 0), (2, 1), (19, 1), (20, 2)],
            "uk": [(1, 0), (2, 1), (4, 1), (5, 2), (11, 2), (21, 0)],
            "ar": [(0, 0), (1, 1), (2, 2), (3, 3), (11, 4), (100, 5)],
        ]
        for (tag, cases) in expectations {
            let f = LocaleFormatter(content: try XCTUnwrap(shippedContent.locale(tag)))
            let entry = try XCTUnwrap(f.content.strings.entry(context: "target.needles"))
            for (count, index) in cases {
                let expected = entry.strings[index].replacingOccurrences(of: "{count}", with: String(count))
                    .replacingOccurrences(of: "{gauge}", with: "11")
                XCTAssertEqual(try f.plural("target.needles", count: count, ["gauge": "11"]), expected, "\(tag) \(count)")
            }
        }
        let it = LocaleFormatter(content: try XCTUnwrap(shippedContent.locale("it")))
        XCTAssertEqual(try it.plural("target.needles", count: 1, ["gauge": "11"]), "1 ago da 11\u{A0}G")
        XCTAssertEqual(try it.plural("target.needles", count: 2, ["gauge": "11"]), "2 aghi da 11\u{A0}G")
    }
}
