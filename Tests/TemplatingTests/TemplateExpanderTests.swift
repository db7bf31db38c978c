// The expander's guard against unescaped output, and unit spacing.
import Content
import XCTest
@testable import Templating

final class TemplateExpanderTests: XCTestCase {
    private func locale(_ prose: [String: String]) -> LocaleContent {
        LocaleContent(tag: "it", direction: .leftToRight, strings: POCatalog(),
                      prose: prose.mapValues { ProseUnit(id: "", path: "unit.md", text: $0) })
    }

    /// Triple mustaches and `{{&` are refused in templates and prose when the expander
    /// is made, before any document; single braces and escaped tags are fine.
    func testUnescapedOutputIsRefusedAnywhere() {
        for bad in ["a {{{name}}} b", "{{&name}}", "x{{{y}}}", "{{{", "{ {{&a}}"] {
            XCTAssertThrowsError(try TemplateExpander(templates: ["t": "ok"], locale: locale(["u": bad])), bad)
            XCTAssertThrowsError(try TemplateExpander(templates: ["t": bad], locale: locale([:])), bad)
        }
        for good in ["{{name}}", "{ {{name}} }", "{{#a}}{{b}}{{/a}}", "{&}", "{{ &", "{{\n{"] {
            XCTAssertNoThrow(try TemplateExpander(templates: ["t": good], locale: locale(["u": good])), good)
        }
    }

    func testNumbersKeepTheirUnits() {
        XCTAssertEqual(UnitSpacing.apply("ago da 11 G e 7,5 mL, 2–3 mm, {dose} mg"),
                       "ago da 11\u{A0}G e 7,5\u{A0}mL, 2–3\u{A0}mm, {dose}\u{A0}mg")
        XCTAssertEqual(UnitSpacing.apply("dopo 2 giorni, 10 %, 37 °C"), "dopo 2 giorni, 10\u{A0}%, 37\u{A0}°C")
        XCTAssertEqual(UnitSpacing.apply("٣ mL"), "٣\u{A0}mL", "Arabic-Indic digits are numbers")
        XCTAssertEqual(UnitSpacing.apply("nessuno"), "nessuno")
        XCTAssertEqual(UnitSpacing.apply("5 m\u{301}L 5 mL"), "5 m\u{301}L 5\u{A0}mL", "a mark ends the token")
    }
}
