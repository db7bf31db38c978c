// The shipped templates cut into pieces for swift-mustache's parser (TemplateChunks):
// nothing lost, no cut inside a section, and the expansion identical to that of the
// whole template parsed at once.
import Content
import Foundation
import Mustache
import PlanImport
import Settings
import XCTest
@testable import Templating

final class TemplateChunksTests: XCTestCase {
    private func template(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("templates/\(name).mustache"), encoding: .utf8)
    }

    func testPiecesGiveTheTemplateBackAndCutOnlyBetweenBlocks() throws {
        for name in ["consent", "discharge", "preparation"] {
            let source = try template(name)
            let pieces = TemplateChunks.split(source)
            XCTAssertEqual(pieces.joined(), source, name)
            if source.utf8.count > 2 * TemplateChunks.targetSize {
                XCTAssertGreaterThan(pieces.count, 2, "\(name): \(source.utf8.count) bytes in \(pieces.count) pieces")
            }
            for (index, piece) in pieces.enumerated() {
                let opened = piece.components(separatedBy: "{{#").count + piece.components(separatedBy: "{{^").count - 2
                XCTAssertEqual(opened, piece.components(separatedBy: "{{/").count - 1, "\(name) piece \(index): a whole section")
                if index > 0 {
                    XCTAssertTrue(pieces[index - 1].hasSuffix("\n\n"), "\(name) piece \(index) follows a blank line")
                    XCTAssertFalse(["{{#", "{{^", "{{/", "{{!", "{{>", "{{%", "{{="].contains { piece.hasPrefix($0) },
                                   "\(name) piece \(index) starts with a line that is not a standalone tag")
                }
            }
        }
        XCTAssertEqual(TemplateChunks.split("short {{x}}\n"), ["short {{x}}\n"])
    }

    /// The expander (pieces, catalog strings written in) against swift-mustache given the whole
    /// template with its tags, for every kind, shipped language and wording (the patient's sex
    /// chooses gendered variants) on the example plan: the same CommonMark, character for
    /// character. And the expander without inlining, the same again.
    func testExpansionIsTheSameAsOfTheWholeTemplate() throws {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        let header = "{{% CONTENT_TYPE: MARKDOWN}}"
        let templates = try Dictionary(uniqueKeysWithValues: ["consent", "discharge", "preparation"].map { ($0, try template($0)) })
        var compared = 0
        for tag in shippedContent.localeTags {
            let locale = try XCTUnwrap(shippedContent.locale(tag))
            let expander = try TemplateExpander(templates: templates, locale: locale)
            let plain = try TemplateExpander(templates: templates, locale: locale, inlineCatalog: false)
            let formatter = LocaleFormatter(content: locale)
            for kind in [DocumentKind.consent, .discharge, .preparation] {
                let name = kind.descriptor.template
                var whole = MustacheLibrary()
                try whole.register(header + templates[name]!, named: name)
                for id in TemplateExpander.partials(in: templates[name]!) {
                    guard let unit = locale.prose[id] else { continue }
                    try whole.register(header + UnitSpacing.apply(unit.text), named: id)
                }
                for sex in Sex.allCases {
                    var plan = examplePlan()
                    plan.patient.sex = sex
                    let model = try ViewModelBuilder.build(plan: plan, kind: kind, formatter: formatter,
                                                           documentId: "CI-TEST", contentVersion: "1", settings: FacilitySettings())
                    let expected = BidiIsolation.joinPhrases(try XCTUnwrap(whole.render(model, withTemplate: name)))
                    XCTAssertEqual(try expander.expand(kind, model: model), expected, "\(kind) \(tag) \(sex)")
                    XCTAssertEqual(try plain.expand(kind, model: model), expected, "\(kind) \(tag) \(sex), tags as written")
                    compared += 1
                }
            }
        }
        XCTAssertGreaterThanOrEqual(compared, 7 * 3 * 4)
    }
}
