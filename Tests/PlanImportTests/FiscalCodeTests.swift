import XCTest
@testable import PlanImport

final class FiscalCodeTests: XCTestCase {
    func testExampleCodeIsValid() {
        XCTAssertNil(FiscalCode.validate("RSSMRA51C52D969I"))
    }

    func testCheckCharacterOfTheExample() {
        // Odd positions (1st, 3rd, …) through the odd table, even positions by ordinal:
        //   R→8  S→18  S→12  M→12  R→8  A→0  5→13  1→1  C→5  5→5  2→5  D→3  9→21  6→6  9→21
        //   sum 138; 138 mod 26 = 8 → I
        XCTAssertEqual(FiscalCode.checkCharacter(Array("RSSMRA51C52D969".utf8)[...]), UInt8(ascii: "I"))
    }

    func testWrongCheckCharacterIsRefused() {
        XCTAssertEqual(FiscalCode.validate("RSSMRA51C52D969J"), .checkCharacter)
        XCTAssertEqual(FiscalCode.validate("RSSMRA51C52D969A"), .checkCharacter)
    }

    func testOmocodicCodeIsValid() {
        // Omocodia replaces the last digit, 9 (15th position, odd), by V.
        // Odd-table values: 9 → 21, V → 10, so the sum becomes 138 − 21 + 10 = 127;
        // 127 mod 26 = 23 → X.
        XCTAssertNil(FiscalCode.validate("RSSMRA51C52D96VX"))
        XCTAssertEqual(FiscalCode.validate("RSSMRA51C52D96VI"), .checkCharacter)
        // All seven digit positions replaced (5→R 1→M 5→R 2→N 9→V 6→S 9→V).
        let all = "RSSMRARMCRNDVSV"
        let check = Character(Unicode.Scalar(FiscalCode.checkCharacter(Array(all.utf8)[...])))
        XCTAssertNil(FiscalCode.validate(all + String(check)))
    }

    func testFormat() {
        let invalid = [
            "", "RSSMRA51C52D969", "RSSMRA51C52D969II",
            "rssmra51c52d969i",   // lower case
            "RSSMRA51Z52D969I",   // Z is not a month letter
            "RSSMRA51C32D969I",   // day 32
            "RSSMRA51C40D969I",   // day 40 (women: 41–71)
            "RSSMRA51C72D969I",   // day 72
            "RSSMRA51CA2D969I",   // A is not an omocodia letter
            "RSSMR551C52D969I",   // digit in the name part
            "RSSMRA51C5201969I",  // 17 characters
            "RSSMRA51C52D9691",   // digit as check character
            "RSSMRA51C52D969Ì",
        ]
        for code in invalid {
            XCTAssertEqual(FiscalCode.validate(code), .format, code)
        }
    }

    func testMaleDaysAreAccepted() {
        // Same code, born on the 12th as a man (day 12 instead of 52).
        let first15 = "RSSMRA51C12D969"
        let check = Character(Unicode.Scalar(FiscalCode.checkCharacter(Array(first15.utf8)[...])))
        XCTAssertNil(FiscalCode.validate(first15 + String(check)))
    }
}
