import XCTest
@testable import Templating

final class PluralRulesTests: XCTestCase {
    private func categories(_ lang: String, _ ns: [Int]) -> [PluralCategory] { ns.map(PluralRules(language: lang).category) }

    func testItalianGermanEnglish() {
        for lang in ["it", "de", "en"] {
            XCTAssertEqual(categories(lang, [0, 1, 2, 5, 21]), [.other, .one, .other, .other, .other], lang)
        }
    }

    func testFrenchCountsZeroAsOne() {
        XCTAssertEqual(categories("fr-CH", [0, 1, 2, 1_000_000]), [.one, .one, .other, .many])
    }

    func testArabicHasSixCategories() {
        XCTAssertEqual(categories("ar", [0, 1, 2, 3, 10, 11, 99, 100, 102, 111]),
                       [.zero, .one, .two, .few, .few, .many, .many, .other, .other, .many])
    }

    func testUkrainian() {
        XCTAssertEqual(categories("uk", [1, 2, 4, 5, 11, 12, 21, 22, 25, 111]),
                       [.one, .few, .few, .many, .many, .many, .one, .few, .many, .many])
    }

    func testRomanian() {
        XCTAssertEqual(categories("ro", [0, 1, 2, 19, 20, 101, 119, 120]), [.few, .one, .few, .few, .other, .other, .few, .other])
    }

    func testCatalogIndexFollowsPluralForms() {
        XCTAssertEqual(PluralRules(language: "it").catalogIndex(1), 0)
        XCTAssertEqual(PluralRules(language: "it").catalogIndex(2), 1)
        XCTAssertEqual(PluralRules(language: "ar").catalogIndex(0), 0)
        XCTAssertEqual(PluralRules(language: "ar").catalogIndex(100), 5)
        XCTAssertEqual(PluralRules(language: "uk").catalogIndex(5), 2)
    }
}
