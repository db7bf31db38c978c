import ArgumentParser
import CommandLineSupport
import Foundation
import OsteoDoc
import Templating

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a consent form, a discharge sheet or a preparation sheet as HTML or PDF (format from --out's extension).")

    @Argument(help: "The document: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: DocumentKind

    @Option(name: .long, help: "The plan export (JSON, cementoplasty-plan/1); - reads standard input.")
    var plan: String

    @Option(name: .long, help: "Document language as a BCP 47 tag (default: the patient's language).")
    var lang: String?

    @Option(name: .long, help: "Output file; .html or .pdf. Written atomically: on any error no file is left.")
    var out: String

    @Option(name: .long, help: "A second language: one bilingual document with both side by side (e.g. --lang de --with it).")
    var with: String?

    @Flag(name: .long, help: "Print from a translation that is complete but older than the Italian text; the document says so visibly.")
    var allowStale = false

    @Option(name: .long, help: "PDF creation date (RFC 3339, e.g. 2026-02-03T10:15:00+01:00); without it the PDF has none.")
    var date: String?

    @Flag(name: .long, help: "Large print (body text 16 pt) for patients with low vision; PDF only.")
    var largePrint = false

    @Flag(name: .long, help: "Print errors as JSON on standard output: {\"errors\": [{\"path\": …, \"rule\": …}]}.")
    var json = false

    @Flag(name: .long, help: "Name files by their path in error messages (by default only the option is named: a file name may be a patient's).")
    var verbose = false

    @OptionGroup var resourceOptions: ResourceOptions
    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let outURL = URL(fileURLWithPath: out)
        guard let format = OutputFormat(fileExtension: outURL.pathExtension) else {
            Self.fail(CLIFailure("--out: the file name must end in .html or .pdf"), json: json)
        }
        do {
            let naming = FileNaming(verbose: verbose)
            try AtomicFile.refuseOverwriting([("--plan", plan)], with: outURL, naming: naming)
            let engine = try resourceOptions.engine(settings: try configOptions.settings())
            let data = try PlanFile.read(plan, naming: naming)
            let parsed = try OsteoDoc.plan(from: data, timeZone: engine.facilityTimeZone)
            let language = try engine.resolveLanguage(lang, plan: parsed)
            if largePrint && format != .pdf { Self.fail("--large-print: only for PDF output (.pdf)") }
            let pdf = PDFOptions(creationDate: date, largePrint: largePrint)
            let bytes: [UInt8]
            if let with {
                let second = try engine.resolveLanguage(with, plan: parsed)
                bytes = try engine.renderBilingual(kind, plan: parsed, language: language, second: second,
                                                   format: format, allowStale: allowStale, pdf: pdf)
            } else {
                bytes = try engine.render(kind, plan: parsed, language: language, format: format, allowStale: allowStale,
                                          pdf: pdf)
            }
            try AtomicFile.write(bytes, to: outURL, inputs: [("--plan", plan)], naming: naming)
        } catch let e as OsteoDocError {
            Self.fail(e, json: json)
        } catch let e as CLIFailure {
            Self.fail(e, json: json)
        } catch let e as TemplatingError {
            Self.fail(e, json: json)
        }
    }
}

extension DocumentKind: ExpressibleByArgument {}
