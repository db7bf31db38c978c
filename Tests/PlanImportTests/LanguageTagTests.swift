import XCTest
@testable import PlanImport

final class LanguageTagTests: XCTestCase {
    func testWellFormedTags() {
        for tag in ["it", "de", "en", "ar", "ro", "fr-CH", "IT", "zh-Hant", "zh-Hant-TW", "sr-Latn-RS", "es-419",
                    "de-CH-1996", "sl-rozaj", "sl-rozaj-biske", "fil", "yue-HK"] {
            XCTAssertTrue(LanguageTag.isWellFormed(tag), tag)
        }
    }

    func testMalformedTags() {
        for tag in ["", "i", "italian", "it_IT", "it-", "-it", "it--CH", "fr-C", "fr-CHE1", "de-CH-199",
                    "it-CH-x-private", "en-US-u-ca-gregory", "12", "it-Ital-", "it CH", "ìt", "x-klingon"] {
            XCTAssertFalse(LanguageTag.isWellFormed(tag), tag)
        }
    }
}
