// Catalog strings written into a template before parsing (CatalogInlining): which tags are
// replaced, by what, and which are left for swift-mustache to expand.
import Mustache
import PlanImport
import Settings
import XCTest
@testable import Templating

final class CatalogInliningTests: XCTestCase {
    private let strings: [String: Any] = [
        "label": ["date": "Data", "time": "Ora", "empty": "", "blank": " \u{00A0}", "brace": "a {b}"] as [String: Any],
        "title": "Consenso *informato*",
        "nested": ["deeper": ["leaf": "Foglia"] as [String: Any]] as [String: Any],
    ]

    func testKeysAreThePlainCatalogTagsInOrderOfFirstUse() {
        let source = "{{t.label.date}} {{patient.name}} {{#t.title}}x{{/t.title}} {{t.label.time}} {{t.label.date}}"
            + " {{ t.spaced }} {{! {{t.in-comment}} }} {{t.nested.deeper.leaf}} {{t.bad key}} {{t.trailing.}}"
        XCTAssertEqual(CatalogInlining.keys(in: source), [["label", "date"], ["label", "time"], ["nested", "deeper", "leaf"]])
        XCTAssertEqual(CatalogInlining.keys(in: "{{=<% %>=}} <%t.label.date%> {{t.title}}"), [], "a delimiter change lists nothing")
    }

    func testValuesAreFoundAsSwiftMustacheFindsThem() {
        XCTAssertEqual(CatalogInlining.value(at: ["label", "date"], in: strings), "Data")
        XCTAssertEqual(CatalogInlining.value(at: ["nested", "deeper", "leaf"], in: strings), "Foglia")
        XCTAssertNil(CatalogInlining.value(at: ["label"], in: strings), "a dictionary is not a string")
        XCTAssertNil(CatalogInlining.value(at: ["title", "more"], in: strings), "below a string there is nothing")
        XCTAssertNil(CatalogInlining.value(at: ["missing"], in: strings))
    }

    func testOnlyValuesThatCannotChangeTheParseAreWrittenIn() {
        let source = "A {{t.title}} B {{t.label.empty}} C {{t.label.blank}} D {{t.label.brace}} E {{t.missing}} F {{t.title}}"
        let keys = CatalogInlining.keys(in: source)
        let values = keys.map { CatalogInlining.value(at: $0, in: strings) }
        XCTAssertEqual(CatalogInlining.inline(source, keys: keys, values: values),
                       "A Consenso \\*informato\\* B {{t.label.empty}} C {{t.label.blank}} D {{t.label.brace}} E {{t.missing}} F Consenso \\*informato\\*")
        XCTAssertEqual(CatalogInlining.inline("{{! {{t.title}} }}", keys: [["title"]], values: ["X"]), "{{! {{t.title}} }}",
                       "a comment stays a comment")
    }

    /// The cases the rules guard against, through swift-mustache: the inlined template prints what
    /// the template with its tags prints (an empty value beside a section tag, a brace beside a tag).
    func testInlinedTemplatesRenderAsTheTemplatesWithTheirTags() throws {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        let header = "{{% CONTENT_TYPE: MARKDOWN}}"
        let sources = [
            "{{#flag}}{{t.label.empty}}\nnext\n{{/flag}}\n",
            "{{#flag}}{{t.label.blank}}\nnext\n{{/flag}}\n",
            "{{t.label.brace}}{{value}} and {{t.title}}{{value}}\n",
            "  {{t.label.date}}\n{{#flag}}\n  {{t.label.time}}: {{value}}\n{{/flag}}\n",
        ]
        let model: [String: Any] = ["t": strings, "flag": true, "value": "v"]
        for source in sources {
            let keys = CatalogInlining.keys(in: source)
            let inlined = CatalogInlining.inline(source, keys: keys, values: keys.map { CatalogInlining.value(at: $0, in: strings) })
            let expected = try MustacheTemplate(string: header + source).render(model)
            XCTAssertEqual(try MustacheTemplate(string: header + inlined).render(model), expected, source)
        }
    }

    /// Two wordings that differ only in Unicode normalization get a template each: the one
    /// written in with "è" precomposed must not print it for a catalog that has it decomposed.
    func testWordingsAreToldApartByTheirBytes() throws {
        let locale = try XCTUnwrap(shippedContent.locale("it"))
        let expander = try TemplateExpander(templates: ["consent": "A {{t.x}} B\n"], locale: locale)
        var model = try ViewModelBuilder.build(plan: examplePlan(), kind: .consent, formatter: LocaleFormatter(content: locale),
                                               documentId: "CI-TEST", contentVersion: "1", settings: FacilitySettings())
        for text in ["Caff\u{E8}", "Caffe\u{300}", "Caff\u{E8}"] {
            model.t = ["x": text]
            let out = try expander.expand(.consent, model: model)
            XCTAssertTrue(out.utf8.elementsEqual("A \(text) B\n".utf8), out.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }
}
