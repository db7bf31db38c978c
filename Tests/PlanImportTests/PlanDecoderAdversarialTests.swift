import Foundation
import XCTest
@testable import PlanImport

/// Issue 14 classes 1, 8 and 9 and the free-text limits: hostile plans that used to pass
/// `plan check` (and then crashed, or printed nonsense), each refused with its path.
final class PlanDecoderTimeTests: XCTestCase {
    private let scheduled = "\"2026-12-03T09:30:00+01:00\""

    /// +23:59 passed the check and aborted the render (`TimeZone(secondsFromGMT:)` is nil beyond ±18 h).
    func testOffsetsOutsideTheWorldAreRefused() {
        for offset in ["+23:59", "-23:59", "+18:00", "+14:01", "-12:01", "+15:00", "-13:00", "+19:30"] {
            assertSingleIssue(example((scheduled, "\"2026-12-03T09:30:00\(offset)\"")),
                              path: "procedure.scheduledStart", message: "must have an offset between -12:00 and +14:00")
        }
    }

    func testOffsetsAtTheEdgesAndOddMinutesAreAccepted() {
        for offset in ["+14:00", "-12:00", "+05:45", "+12:45", "-09:30", "Z", "z", "+00:00"] {
            // scheduledStart must not be before generatedAt: keep a day's margin.
            XCTAssertNotNil(decoded(example((scheduled, "\"2026-12-04T09:30:00\(offset)\""))), offset)
        }
    }

    func testOtherMalformedOffsets() {
        for (offset, message) in [("+01:00:30", "must be an RFC 3339 date-time"), ("-00:00", "must not use -00:00"),
                                  ("+99:00", "must have an offset"), ("+01:60", "must have an offset"),
                                  ("+0100", "must be an RFC 3339 date-time"), ("+1", "must be an RFC 3339 date-time"),
                                  ("\u{2212}01:00", "must be an RFC 3339 date-time")] {
            assertSingleIssue(example((scheduled, "\"2026-12-03T09:30:00\(offset)\"")),
                              path: "procedure.scheduledStart", message: message)
        }
    }

    func testTheValidatorsOffsetsAreExactlyTheOnesFoundationCanRepresent() {
        for seconds in stride(from: -24 * 3600, through: 24 * 3600, by: 60) where UTCOffset.isValid(seconds) {
            XCTAssertNotNil(TimeZone(secondsFromGMT: seconds), "\(seconds)")
        }
        XCTAssertFalse(UTCOffset.isValid(30))
    }

    // MARK: Times that cannot be ordered

    func testProcedureScheduledBeforeThePlanWasMadeIsRefused() {
        assertSingleIssue(example((scheduled, "\"2026-11-20T10:14:59+01:00\"")),
                          path: "procedure.scheduledStart", message: "must not be before generatedAt")
        // Same instant in another offset: 09:15Z is 10:15+01:00, not before.
        XCTAssertNotNil(decoded(example((scheduled, "\"2026-11-20T09:15:00Z\""))))
    }

    func testProcedurePerformedBeforeThePlanWasMadeIsRefused() {
        assertSingleIssue(example(("\"2026-12-03T09:42:00+01:00\"", "\"2026-11-20T10:14:00+01:00\"")),
                          path: "outcome.performedStart", message: "must not be before generatedAt")
    }

    /// The discharge written in UTC, the start in +02:00: ordered by instant, not by the digits.
    func testMixedOffsetsAreOrderedAsInstants() {
        // 11:00+02:00 = 09:00Z, before the end at 09:51Z although its clock reads later.
        assertSingleIssue(example(("\"2026-12-03T15:30:00+01:00\"", "\"2026-12-03T11:00:00+02:00\"")),
                          path: "outcome.dischargeAt", message: "must be after outcome.performedEnd")
        XCTAssertNotNil(decoded(example(("\"2026-12-03T15:30:00+01:00\"", "\"2026-12-03T14:30:00Z\""))))
    }
}

final class PlanDecoderMinorTests: XCTestCase {
    private func plan(born: String, scheduled: String = "2026-12-03T09:30:00+01:00", representative: String = "null") -> Data {
        example(("\"1951-03-12\"", "\"\(born)\""),
                ("\"2026-12-03T09:30:00+01:00\"", "\"\(scheduled)\""),
                ("\"legalRepresentative\": null", "\"legalRepresentative\": \(representative)"))
    }

    private let parent = #"{ "name": "Anna Rossi", "role": "parent" }"#

    func testMinorWithoutRepresentativeIsRefused() {
        assertSingleIssue(plan(born: "2009-12-04"), path: "patient.legalRepresentative",
                          message: "required: the patient is under 18 on the day of procedure.scheduledStart")
        assertSingleIssue(plan(born: "2020-01-01"), path: "patient.legalRepresentative", message: "under 18")
        // An absent field is the same as null.
        assertSingleIssue(example(("\"1951-03-12\"", "\"2010-05-05\""), (",\n    \"legalRepresentative\": null", "")),
                          path: "patient.legalRepresentative", message: "under 18")
    }

    func testMinorWithRepresentativeIsAccepted() {
        XCTAssertNotNil(decoded(plan(born: "2009-12-04", representative: parent)))
    }

    func testEighteenthBirthdayOnTheDayOfTheProcedureIsAnAdult() {
        XCTAssertNotNil(decoded(plan(born: "2008-12-03")))
        assertSingleIssue(plan(born: "2008-12-04"), path: "patient.legalRepresentative", message: "under 18")
    }

    func testLeapDayBirthday() {
        // Born 29 February 2012: still 17 on 28 February 2030, 18 on 1 March.
        assertSingleIssue(plan(born: "2012-02-29", scheduled: "2030-02-28T09:30:00+01:00"),
                          path: "patient.legalRepresentative", message: "under 18")
        XCTAssertNotNil(decoded(plan(born: "2012-02-29", scheduled: "2030-03-01T09:30:00+01:00")))
    }

    /// The day of the procedure is the facility's day: 23:30Z on 2 December is 00:30 on
    /// 3 December in Rome, the 18th birthday.
    func testTheDayIsCountedOnTheFacilitysClock() throws {
        XCTAssertNotNil(decoded(plan(born: "2008-12-03", scheduled: "2026-12-02T23:30:00Z")))
        let utc = try XCTUnwrap(TimeZone(secondsFromGMT: 0))
        XCTAssertThrowsError(try PlanDecoder.decode(plan(born: "2008-12-03", scheduled: "2026-12-02T23:30:00Z"),
                                                    timeZone: utc))
    }

    func testRepresentativeIsStillOptionalForAdults() {
        XCTAssertNotNil(decoded(plan(born: "1951-03-12")))
        XCTAssertNotNil(decoded(plan(born: "1951-03-12", representative: parent)))
    }
}

final class PlanDecoderVisibleTextTests: XCTestCase {
    /// Values that print as nothing at all.
    static let invisible = [
        "\u{200B}", "\u{200B}\u{200C}\u{200D}\u{2060}", "\u{FEFF}", "\u{3000}", "\u{00A0}\u{2007}\u{202F}",
        "\u{2800}", "\u{3164}", "\u{115F}\u{1160}", "\u{FFA0}", "\u{0301}", "\u{0301}\u{0308}\u{20DD}",
        " \u{0300} ", "\u{202E}\u{2066}\u{2069}", "\u{200E}\u{200F}\u{061C}", "\u{FE0F}\u{E0100}", "\u{034F}",
        "\u{180E}", "\u{E0041}\u{E007F}", "\u{1D173}", "\u{2062}\u{2063}", "   ",
    ]

    func testInvisibleFreeTextIsRefused() {
        for value in Self.invisible {
            for (from, path) in [("\"Ospedale San Martino\"", "facility.name"),
                                 ("\"Luca Bianchi\"", "procedure.operator.name"),
                                 ("\"posterolaterale\"", "targets[0].approach"),
                                 ("\"warfarin\"", "preparation.anticoagulants[0].drug"),
                                 ("\"paracetamolo 1 g fino a 3 volte al giorno per 3 giorni\"", "outcome.analgesia")] {
                let json = String(data: try! JSONEncoder().encode(value), encoding: .utf8)!
                assertSingleIssue(example((from, json)), path: path, message: "needs a visible character")
            }
        }
    }

    func testInvisibleNamesAreRefused() {
        for value in ["\u{3164}", "\u{3164} \u{3164}", "\u{115F}"] {
            assertSingleIssue(example(("\"Maria\"", "\"\(value)\"")), path: "patient.givenName",
                              message: "must not be empty")
        }
    }

    func testVisibleTextWithInvisibleCharactersIsKept() {
        for value in ["a\u{200B}", "\u{0301}e", "x\u{3000}", "Ospedale\u{00A0}San\u{00A0}Martino", "👩\u{200D}⚕️", "·", "—"] {
            let json = String(data: try! JSONEncoder().encode(value), encoding: .utf8)!
            XCTAssertNotNil(decoded(example(("\"Ospedale San Martino\"", json))), value.debugDescription)
        }
    }

    func testLongRunsOfCombiningMarksAreRefused() {
        let ok = "Z" + String(repeating: "\u{0301}", count: 30)
        XCTAssertNotNil(decoded(example(("\"Ospedale San Martino\"", "\"\(ok)\""))))
        assertSingleIssue(example(("\"Ospedale San Martino\"", "\"\(ok)\u{0301}\"")), path: "facility.name",
                          message: "must not have more than 30 combining marks in a row")
        assertSingleIssue(example(("\"Maria\"", "\"Ma" + String(repeating: "\u{0308}", count: 31) + "ria\"")),
                          path: "patient.givenName", message: "combining marks in a row")
    }

    // MARK: Length limits

    func testFreeTextIsAtMost200Characters() {
        let limit = String(repeating: "a", count: 200)
        XCTAssertNotNil(decoded(example(("\"Ospedale San Martino\"", "\"\(limit)\""))))
        for (from, path) in [("\"Ospedale San Martino\"", "facility.name"), ("\"Radiologo interventista\"", "procedure.operator.title"),
                             ("\"Ambulatorio di Oncologia\"", "followUp[1].with"), ("\"Largo Rosanna Benzi 10, 16132 Genova\"", "facility.address")] {
            assertSingleIssue(example((from, "\"\(limit)b\"")), path: path, message: "must be at most 200 characters")
        }
        // Counted in Unicode scalars, as JSON Schema's maxLength: 200 emoji are 200 characters.
        XCTAssertNotNil(decoded(example(("\"Ospedale San Martino\"", "\"" + String(repeating: "🏥", count: 200) + "\""))))
    }

    func testNotesAreAtMost1000Characters() {
        let limit = String(repeating: "paracetamolo ", count: 76) + "ab"  // 990
        let analgesia = "\"paracetamolo 1 g fino a 3 volte al giorno per 3 giorni\""
        XCTAssertNotNil(decoded(example((analgesia, "\"\(limit)1234567890\""))))
        assertSingleIssue(example((analgesia, "\"\(limit)12345678901\"")), path: "outcome.analgesia",
                          message: "must be at most 1000 characters")
        assertSingleIssue(example(("\"posterolaterale\"", "\"" + String(repeating: "x", count: 1001) + "\"")),
                          path: "targets[0].approach", message: "must be at most 1000 characters")
    }

    /// 100,000 characters without a break passed the check in 0.1 s and took 12 s to lay out.
    func testUnbreakableRunsOfAnyLengthAreRefusedCheaply() {
        let run = String(repeating: "x", count: 400_000)
        assertSingleIssue(example(("\"posterolaterale\"", "\"\(run)\"")), path: "targets[0].approach",
                          message: "must be at most 1000 characters")
        let marks = "a" + String(repeating: "\u{0301}", count: 100_000)
        assertSingleIssue(example(("\"Ospedale San Martino\"", "\"\(marks)\"")), path: "facility.name",
                          message: "must be at most 200 characters")
    }
}
