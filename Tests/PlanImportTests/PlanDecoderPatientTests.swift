import Foundation
import XCTest
@testable import PlanImport

final class PlanDecoderPatientTests: XCTestCase {
    func testRecordNumber() {
        for bad in ["0004_471123", "0004 471123", "", String(repeating: "1", count: 33)] {
            assertSingleIssue(example(("\"0004471123\"", "\"\(bad)\"")), path: "patient.mrn",
                              message: "must be 1–32 characters: letters A–Z a–z, digits, '-'")
        }
        XCTAssertEqual(decoded(example(("\"0004471123\"", "\"MRN-00a\"")))?.patient.mrn, "MRN-00a")
    }

    func testNamesAcceptLettersOfAnyScript() {
        for name in ["D'Alessandro", "D’Alessandro", "Nicolò", "Nicolo\u{300}", "Müller-Lüdenscheidt",
                     "محمد", "王", "Anna Maria", "Ξενοφών", String(repeating: "a", count: 100)] {
            XCTAssertEqual(decoded(example(("\"Rossi\"", "\"\(name)\"")))?.patient.familyName, name)
        }
    }

    func testNameCharacters() {
        for bad in ["Ma<ria1", "Maria2", "Maria.", "Maria_", "Maria\\u00A0"] {
            assertSingleIssue(example(("\"Maria\"", "\"\(bad)\"")), path: "patient.givenName",
                              message: "may contain only letters, combining marks, spaces, apostrophes and hyphens")
        }
    }

    func testNameLength() {
        assertSingleIssue(example(("\"Rossi\"", "\"\(String(repeating: "a", count: 101))\"")),
                          path: "patient.familyName", message: "must be at most 100 characters")
    }

    func testNameMustNotBeEmptyOrLetterless() {
        assertSingleIssue(example(("\"Rossi\"", "\"\"")), path: "patient.familyName", message: "must not be empty")
        assertSingleIssue(example(("\"Rossi\"", "\"  \"")), path: "patient.familyName", message: "must not be empty")
        assertSingleIssue(example(("\"Rossi\"", "\"'-\"")), path: "patient.familyName",
                          message: "must contain at least one letter")
    }

    func testBirthDateFormat() {
        for bad in ["12/03/1951", "1951-3-12", "1951-03-12T00:00:00Z", "51-03-12"] {
            assertSingleIssue(example(("\"1951-03-12\"", "\"\(bad)\"")), path: "patient.birthDate",
                              message: "must be a date in the form YYYY-MM-DD")
        }
    }

    func testBirthDateMustExist() {
        for bad in ["1951-02-29", "1951-04-31", "1951-13-01", "1951-00-10", "1951-01-00"] {
            assertSingleIssue(example(("\"1951-03-12\"", "\"\(bad)\"")), path: "patient.birthDate",
                              message: "must be a valid calendar date")
        }
        XCTAssertEqual(decoded(example(("\"1951-03-12\"", "\"1952-02-29\"")))?.patient.birthDate,
                       CalendarDate(year: 1952, month: 2, day: 29))
    }

    func testBirthDateNotBefore1900() {
        assertSingleIssue(example(("\"1951-03-12\"", "\"1899-12-31\"")), path: "patient.birthDate",
                          message: "must not be before 1900-01-01")
        XCTAssertNotNil(decoded(example(("\"1951-03-12\"", "\"1900-01-01\""))))
    }

    func testBirthDateNotAfterTheDateOfGeneratedAt() {
        // A newborn is a minor: the plan names a parent (see PlanDecoderMinorTests).
        let parent = ("\"legalRepresentative\": null", "\"legalRepresentative\": { \"name\": \"Anna Rossi\", \"role\": \"parent\" }")
        assertSingleIssue(example(("\"1951-03-12\"", "\"2026-11-21\""), parent), path: "patient.birthDate",
                          message: "must not be after the date of generatedAt")
        XCTAssertNotNil(decoded(example(("\"1951-03-12\"", "\"2026-11-20\""), parent)))
        // The date as written in generatedAt's own offset counts: 00:30+01:00 is still
        // 19 November in UTC, yet the plan's date is the 20th.
        XCTAssertNotNil(decoded(example(("\"1951-03-12\"", "\"2026-11-20\""),
                                        ("\"2026-11-20T10:15:00+01:00\"", "\"2026-11-20T00:30:00+01:00\""), parent)))
    }

    func testSex() {
        assertSingleIssue(example(("\"female\"", "\"F\"")), path: "patient.sex",
                          message: "must be one of: female, male, other, unknown")
        XCTAssertEqual(decoded(example(("\"female\"", "\"unknown\"")))?.patient.sex, .unknown)
    }

    func testFiscalCodeCheckCharacter() {
        assertSingleIssue(example(("\"RSSMRA51C52D969I\"", "\"RSSMRA51C52D969J\"")), path: "patient.fiscalCode",
                          message: "check character does not match the first 15 characters")
    }

    func testFiscalCodeFormat() {
        for bad in ["rssmra51c52d969i", "RSSMRA51C52D969", "RSSMRA51C52D969IX", "RSSMRA51F52D969I",
                    "RSSMRA51C35D969I", "RSSMRA51C00D969I", "RSSMRA51C72D969I", "RSSMRA5AC52D969I", "RSSMR151C52D969I"] {
            assertSingleIssue(example(("\"RSSMRA51C52D969I\"", "\"\(bad)\"")), path: "patient.fiscalCode",
                              message: "must be 16 characters in the codice fiscale format")
        }
    }

    func testFiscalCodeIsOptionalButNotNullable() {
        XCTAssertNil(decoded(example(("\"fiscalCode\": \"RSSMRA51C52D969I\",", "")))?.patient.fiscalCode)
        assertSingleIssue(example(("\"RSSMRA51C52D969I\"", "null")), path: "patient.fiscalCode",
                          message: "must be a string")
    }

    func testOmocodicFiscalCodeIsAccepted() {
        // See FiscalCodeTests for the computation of the check character X.
        XCTAssertEqual(decoded(example(("\"RSSMRA51C52D969I\"", "\"RSSMRA51C52D96VX\"")))?.patient.fiscalCode,
                       "RSSMRA51C52D96VX")
    }

    func testLanguage() {
        for good in ["it", "de", "ar", "ro", "fr-CH", "sr-Latn-RS", "es-419", "de-CH-1996", "fil"] {
            XCTAssertEqual(decoded(example(("\"language\": \"it\"", "\"language\": \"\(good)\"")))?.patient.language,
                           good)
        }
        for bad in ["italian", "it_IT", "it-", "i", "", "it-CH-x-private", "12"] {
            assertSingleIssue(example(("\"language\": \"it\"", "\"language\": \"\(bad)\"")),
                              path: "patient.language", message: "must be a BCP 47 language tag")
        }
    }

    func testInterpreterRequiredMustBeABooleanNotANumber() {
        for bad in ["0", "1", "\"false\"", "null"] {
            assertSingleIssue(example(("\"interpreterRequired\": false", "\"interpreterRequired\": \(bad)")),
                              path: "patient.interpreterRequired", message: "must be a boolean")
        }
        XCTAssertEqual(decoded(example(("\"interpreterRequired\": false", "\"interpreterRequired\": true")))?
            .patient.interpreterRequired, true)
    }

    func testLegalRepresentative() throws {
        let null = "\"legalRepresentative\": null"
        let plan = try XCTUnwrap(decoded(example((null,
            "\"legalRepresentative\": { \"name\": \"Anna Rossi\", \"role\": \"support-administrator\" }"))))
        XCTAssertEqual(plan.patient.legalRepresentative,
                       LegalRepresentative(name: "Anna Rossi", role: .supportAdministrator))
        XCTAssertNil(decoded(example((",\n    \"legalRepresentative\": null", "")))?.patient.legalRepresentative)

        assertSingleIssue(example((null, "\"legalRepresentative\": { \"name\": \"Anna Rossi\", \"role\": \"tutor\" }")),
                          path: "patient.legalRepresentative.role",
                          message: "must be one of: parent, guardian, support-administrator")
        assertSingleIssue(example((null, "\"legalRepresentative\": { \"role\": \"parent\" }")),
                          path: "patient.legalRepresentative.name", message: "required field is missing")
        assertSingleIssue(example((null, "\"legalRepresentative\": \"Anna Rossi\"")),
                          path: "patient.legalRepresentative", message: "must be an object")
    }
}
