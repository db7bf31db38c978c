import Foundation
import XCTest
@testable import PlanImport

/// `schema/plan-export-v1.schema.json`, checked with the stock validators (Debian's and PyPI's Python
/// `jsonschema`, `check-jsonschema`; see `SchemaValidator`), and cross-checked against `PlanDecoder`
/// on the same documents.
final class PlanSchemaTests: XCTestCase {
    /// Variants of the example; `valid` is what both the schema and the decoder must say.
    private static let variants: [(name: String, data: Data, valid: Bool)] = [
        ("example", example(), true),
        ("extensions with any content", example(("\"schema\":", "\"extensions\": {\"a\": [1, {\"b\": null}]},\n  \"schema\":")), true),
        ("vertebra with level", example(("\"site\": \"humerus-proximal\",", "\"site\": \"vertebra\", \"level\": \"T12\",")), true),
        ("midline on sacrum", example(("\"site\": \"acetabulum\"", "\"site\": \"sacrum\""), ("\"side\": \"right\"", "\"side\": \"midline\"")), true),
        ("omocodic fiscal code", example(("\"RSSMRA51C52D969I\"", "\"RSSMRA51C52D96VX\"")), true),
        ("names in other scripts", example(("\"Maria\"", "\"محمد\""), ("\"Rossi\"", "\"D’Alessandro-Nicolò\"")), true),
        ("integer written 2.0", example(("\"needles\": 2", "\"needles\": 2.0")), true),
        ("time in UTC with fraction", example(("\"2026-11-20T10:15:00+01:00\"", "\"2026-11-20T09:15:00.5Z\"")), true),
        ("representative", example(("\"legalRepresentative\": null", "\"legalRepresentative\": {\"name\": \"Anna Rossi\", \"role\": \"parent\"}")), true),

        ("unsupported schema", example(("\"cementoplasty-plan/1\"", "\"cementoplasty-plan/2\"")), false),
        ("unknown key", example(("\"sex\":", "\"nickname\": \"Mimi\", \"sex\":")), false),
        ("unknown key in a target", example(("\"needles\": 1,", "\"needles\": 1, \"colour\": \"red\",")), false),
        ("planId with a space", example(("\"PLN-2026-004217\"", "\"PLN 2026\"")), false),
        ("planId with a final newline", example(("\"PLN-2026-004217\"", "\"PLN\\n\"")), false),
        ("time without offset", example(("\"2026-11-20T10:15:00+01:00\"", "\"2026-11-20T10:15:00\"")), false),
        ("unknown offset", example(("\"2026-11-20T10:15:00+01:00\"", "\"2026-11-20T10:15:00-00:00\"")), false),
        ("birth date before 1900", example(("\"1951-03-12\"", "\"1899-12-31\"")), false),
        ("30 February", example(("\"1951-03-12\"", "\"1951-02-30\"")), false),
        ("unknown sex code", example(("\"female\"", "\"F\"")), false),
        ("name with digits", example(("\"Maria\"", "\"Ma<ria1\"")), false),
        ("name without letters", example(("\"Maria\"", "\"'-\"")), false),
        ("blank generator name", example(("\"planning-core\"", "\"  \"")), false),
        ("text with a tab", example(("\"posterolaterale\"", "\"postero\\tlaterale\"")), false),
        ("text with a final newline", example(("\"posterolaterale\"", "\"posterolaterale\\n\"")), false),
        ("text of a byte-order mark only", example(("\"planning-core\"", "\"\\ufeff\"")), false),
        ("name with a final newline", example(("\"Maria\"", "\"Maria\\n\"")), false),
        ("name with a symbol", example(("\"Maria\"", "\"Maria+\"")), false),
        ("mrn with a final newline", example(("\"0004471123\"", "\"0004471123\\n\"")), false),
        ("fiscal code day 35", example(("\"RSSMRA51C52D969I\"", "\"RSSMRA51C35D969I\"")), false),
        ("fiscal code month Z", example(("\"RSSMRA51C52D969I\"", "\"RSSMRA51Z52D969I\"")), false),
        ("language it_IT", example(("\"language\": \"it\"", "\"language\": \"it_IT\"")), false),
        ("interpreter 0", example(("\"interpreterRequired\": false", "\"interpreterRequired\": 0")), false),
        ("needles true", example(("\"needles\": 2", "\"needles\": true")), false),
        ("needles 2.5", example(("\"needles\": 2", "\"needles\": 2.5")), false),
        ("needles 7", example(("\"needles\": 2", "\"needles\": 7")), false),
        ("cement 61", example(("\"plannedCementMl\": 8.0", "\"plannedCementMl\": 61")), false),
        ("empty guidance", example(("[\"ct\", \"fluoroscopy\"]", "[]")), false),
        ("repeated guidance", example(("[\"ct\", \"fluoroscopy\"]", "[\"ct\", \"ct\"]")), false),
        ("midline on acetabulum", example(("\"side\": \"right\"", "\"side\": \"midline\"")), false),
        ("vertebra without level", example(("\"site\": \"humerus-proximal\"", "\"site\": \"vertebra\"")), false),
        ("level outside vertebra", example(("\"site\": \"humerus-proximal\",", "\"site\": \"humerus-proximal\", \"level\": \"L2\",")), false),
        ("level T13", example(("\"site\": \"humerus-proximal\",", "\"site\": \"vertebra\", \"level\": \"T13\",")), false),
        ("phone with letters", example(("\"+39 010 555 0134\"", "\"+39 010 CALL\"")), false),
        ("emergency number 1", example(("\"112\"", "\"1\"")), false),
        ("unknown complication", example(("\"complications\": [],", "\"complications\": [\"pain\"],")), false),
        ("ablation laser", example(("\"combinedWithAblation\": null", "\"combinedWithAblation\": \"laser\"")), false),
        // Issue 14: limits the schema shares with the decoder.
        ("facility name of 200", example(("\"Ospedale San Martino\"", "\"" + String(repeating: "a", count: 200) + "\"")), true),
        ("facility name of 201", example(("\"Ospedale San Martino\"", "\"" + String(repeating: "a", count: 201) + "\"")), false),
        ("analgesia of 1000", example(("\"paracetamolo 1 g fino a 3 volte al giorno per 3 giorni\"", "\"" + String(repeating: "a", count: 1000) + "\"")), true),
        ("analgesia of 1001", example(("\"paracetamolo 1 g fino a 3 volte al giorno per 3 giorni\"", "\"" + String(repeating: "a", count: 1001) + "\"")), false),
        ("offset +14:00", example(("\"2026-11-20T10:15:00+01:00\"", "\"2026-11-19T20:15:00+14:00\"")), true),
        ("offset -12:00", example(("\"2026-11-20T10:15:00+01:00\"", "\"2026-11-19T21:15:00-12:00\"")), true),
        ("offset +23:59", example(("\"2026-11-20T10:15:00+01:00\"", "\"2026-11-20T10:15:00+23:59\"")), false),
        ("offset -13:00", example(("\"2026-11-20T10:15:00+01:00\"", "\"2026-11-20T10:15:00-13:00\"")), false),
    ]

    func testExampleAndVariantsWithEveryStockValidator() throws {
        for (name, validate) in try SchemaValidator.all() {
            let report = try validate(Self.variants.map(\.data))
            XCTAssertEqual(report.example, [], "\(name): examples/plan.json must validate against the schema")
            XCTAssertEqual(report.instances.count, Self.variants.count)
            for (variant, errors) in zip(Self.variants, report.instances) {
                XCTAssertEqual(errors.isEmpty, variant.valid, "\(name) on «\(variant.name)»: \(errors)")
            }
        }
    }

    func testDecoderAgreesWithTheSchemaOnTheVariants() {
        for variant in Self.variants {
            let decoderValid = (try? PlanDecoder.decode(variant.data)) != nil
            XCTAssertEqual(decoderValid, variant.valid, "decoder on «\(variant.name)»")
        }
    }

    func testSchemaDeclaresDraft202012() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: SchemaValidator.schemaPath))
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(schema["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        XCTAssertEqual(schema["additionalProperties"] as? Bool, false)
        let properties = try XCTUnwrap(schema["properties"] as? [String: Any])
        XCTAssertEqual(Set(properties.keys), Set(PlanDecoder.planFields))
    }
}
