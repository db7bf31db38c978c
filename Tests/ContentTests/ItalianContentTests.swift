import Foundation
import XCTest
import Content

/// Checks on the real Italian content in locales/it (the source locale).
final class ItalianContentTests: XCTestCase {
    /// The repository root, found from this file: Tests/ContentTests/ItalianContentTests.swift.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The units the templates refer to by id.
    static let units = [
        "consent/what-it-is", "consent/why", "consent/how", "consent/benefits", "consent/risks",
        "consent/alternatives", "consent/refusal", "consent/preparation", "consent/rights",
        "discharge/after-procedure", "discharge/activity", "discharge/wound", "discharge/pain",
        "discharge/call-hospital", "discharge/emergency",
        "preparation/arrival", "preparation/fasting", "preparation/medicines", "preparation/bring", "preparation/escort",
    ]

    /// The Mustache tags the view model offers to prose units.
    static let allowedValues: Set<String> = [
        "facility.name", "facility.department", "facility.phone", "facility.emergencyNumber",
        "preparation.fastingText", "preparation.anticoagulantAdvice", "driving.statement",
        "contacts.outOfHoursAdvice",
    ]
    static let allowedSections: Set<String> = Set([
        "sedation", "general", "localOnly", "daySurgery", "inpatient", "ablation", "cementoplasty",
        "sacroplasty", "vertebroplasty", "pelvis", "acetabulum", "sacrum", "vertebra", "longBone", "ct",
        "fluoroscopy", "anticoagulants", "childbearing", "fasting", "anticoagulantsStopped", "labTests",
    ].map { "is.\($0)" })

    /// Every code of plan-export-v1 that needs a display name, by catalog category.
    static let codes: [String: [String]] = [
        "procedure-type": ["cementoplasty", "sacroplasty", "vertebroplasty"],
        "indication": ["painful-metastasis", "myeloma-lesion", "pathological-fracture", "fracture-prevention"],
        "setting": ["day-surgery", "inpatient"],
        "anaesthesia": ["local", "local-with-sedation", "general"],
        "guidance": ["ct", "fluoroscopy", "cone-beam-ct"],
        "ablation": ["radiofrequency", "microwave", "cryoablation"],
        "site": ["humerus-proximal", "humerus-shaft", "femur-proximal", "femur-shaft", "acetabulum", "iliac-bone",
                 "ischium", "pubis", "sacrum", "vertebra", "scapula", "rib", "tibia-proximal", "calcaneus", "sternum"],
        "side": ["left", "right", "midline"],
        "lesion": ["osteolytic-metastasis", "mixed-metastasis", "myeloma", "fracture"],
        "allergy": ["iodinated-contrast", "local-anaesthetics", "latex", "pmma", "other"],
        "lab-test": ["blood-count", "coagulation", "creatinine", "pregnancy-test"],
        "resume": ["same-day", "next-day", "as-instructed"],
        "follow-up": ["visit", "phone-call", "imaging"],
        "leakage": ["none", "minor-asymptomatic", "symptomatic"],
        "complication": ["haematoma", "infection", "cement-embolism", "nerve-irritation", "allergic-reaction",
                         "fracture", "other"],
        "representative-role": ["parent", "guardian", "support-administrator"],
        "sex": ["female", "male", "other", "unknown"],
    ]

    private func italian() throws -> LocaleContent {
        try XCTUnwrap(ContentRepository(root: Self.root).locale("it"))
    }

    func testEveryUnitIsPresent() throws {
        let it = try italian()
        for id in Self.units { XCTAssertNotNil(it.prose[id], "missing locales/it/\(id).md") }
    }

    /// Gulpease ≥ 60 for every consent, discharge and preparation-sheet unit (the checklist's G minimum for Italian).
    func testGulpeaseAtLeast60() throws {
        let it = try italian()
        var report: [String] = []
        for unit in it.prose.values.sorted(by: { $0.id < $1.id })
        where unit.id.hasPrefix("consent/") || unit.id.hasPrefix("discharge/") || unit.id.hasPrefix("preparation/") {
            let score = Readability.gulpease(markdown: unit.text)
            report.append(unit.id.padding(toLength: 28, withPad: " ", startingAt: 0)
                + String(format: "G %5.1f  %3d sentences  %4d words  %5d letters  %4.1f words/sentence",
                         score.gulpease, score.sentences, score.words, score.letters, score.wordsPerSentence))
            XCTAssertGreaterThanOrEqual(score.gulpease, 60, "\(unit.path): Gulpease \(score.gulpease)")
        }
        print("Gulpease, locales/it:\n" + report.joined(separator: "\n"))
    }

    func testProseUsesOnlyAllowedMarkupAndTags() throws {
        for unit in try italian().prose.values.sorted(by: { $0.id < $1.id }) {
            let problems = ProseLint.check(unit.text, allowedValues: Self.allowedValues,
                                           allowedSections: Self.allowedSections)
            XCTAssertEqual(problems, [], "\(unit.path): \(problems)")
            XCTAssertTrue(unit.text.hasPrefix("## "), unit.path)
            XCTAssertNil(unit.text.range(of: "<[A-Za-z/!?]", options: .regularExpression), "\(unit.path): raw HTML")
        }
    }

    func testCodesCatalogCoversTheContract() throws {
        let path = "locales/it/codes.po"
        let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        let codes = try POCatalog.parse(text, file: path)
        XCTAssertEqual(codes.header["Language"], "it")
        XCTAssertEqual(codes.header["Content-Type"], "text/plain; charset=UTF-8")
        XCTAssertEqual(codes.header["Plural-Forms"], "nplurals=2; plural=(n != 1);")

        let expected = Set(Self.codes.flatMap { category, codes in codes.map { "\(category).\($0)" } })
        let present = Set(codes.entries.compactMap(\.context))
        XCTAssertEqual(expected.subtracting(present).sorted(), [], "codes without an Italian name")
        XCTAssertEqual(present.subtracting(expected).sorted(), [], "entries for codes the contract does not have")
        XCTAssertEqual(codes.entries.count, expected.count)
        for entry in codes.entries {
            XCTAssertEqual(entry.strings, [entry.id], "\(path):\(entry.line): the source catalog repeats msgid in msgstr")
            XCTAssertFalse(entry.id.isEmpty)
        }

        // And through the repository, merged with strings.po.
        let it = try italian()
        for key in expected.sorted() { XCTAssertNotNil(it.string(key), key) }
        XCTAssertEqual(it.string("site.acetabulum"), "acetabolo (parte dell’anca)")
    }
}
