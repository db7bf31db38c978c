import ArgumentParser
import Content
import CommandLineSupport
import Foundation
import OsteoDoc

struct LocalesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locales", abstract: "Tools for translators: status, check, preview, confirm, pot, migrate.",
        subcommands: [Status.self, Check.self, Preview.self, Confirm.self, Pot.self, Migrate.self])

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Every unit of every translation: complete, stale (Italian changed since) or missing, with word counts; for each changed Italian segment, a word diff of before and after.")

        @Flag(name: .long, help: "Exit with status 1 when any unit is missing or stale.")
        var strict = false

        @Flag(name: .long, help: "List every unit, not only the ones needing work.")
        var all = false

        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            let engine: OsteoDoc
            do { engine = try resourceOptions.engine() } catch { Self.fail(String(describing: error)) }
            var needsWork = 0
            // The staff pages' catalogs (locales/<tag>/interface/staff.po), where a language has one.
            let interface: [String: LocaleStatus]
            do { interface = try LocalesCommand.interfaceStatus(engine) } catch { Self.fail(String(describing: error)) }
            for locale in engine.translationStatus() {
                let words = locale.units.reduce(0) { $0 + $1.words }
                print("\(locale.tag): \(locale.count(.complete)) complete, \(locale.count(.stale)) stale, "
                      + "\(locale.count(.missing)) missing — \(String(format: "%.1f", locale.percentComplete))% of "
                      + "\(locale.units.reduce(0) { $0 + $1.sourceWords }) source words; \(words) words translated")
                for unit in locale.units where all || unit.state != .complete {
                    let review = unit.changes.isEmpty ? ""
                        : "; \(unit.changes.count) segment(s), \(unit.changes.reduce(0) { $0 + $1.words }) words to review"
                    print("  \(unit.state.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(unit.kind.rawValue) \(unit.id) (\(unit.sourceWords) words\(review))")
                    for change in unit.changes {
                        print(LocalesCommand.describe(change, unit: unit.id))
                    }
                }
                needsWork += locale.count(.stale) + locale.count(.missing)
                if let pages = interface[locale.tag] {
                    print("  staff pages (\(InterfaceCatalog.relativePath)): \(pages.count(.complete)) complete, \(pages.count(.stale)) stale, \(pages.count(.missing)) missing")
                    for unit in pages.units where all || unit.state != .complete {
                        print("    \(unit.state.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) string \(unit.id) (\(unit.sourceWords) words)")
                    }
                    needsWork += pages.count(.stale) + pages.count(.missing)
                }
            }
            if strict && needsWork > 0 { Self.fail("\(needsWork) unit(s) missing or stale") }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Find placeholders, template tags, section structure or Markdown in translations that differ from the Italian.")

        @Argument(help: "Locales to check (default: all translations).")
        var tags: [String] = []

        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            let engine: OsteoDoc
            do { engine = try resourceOptions.engine() } catch { Self.fail(String(describing: error)) }
            let unknown = tags.filter { engine.content.locale($0) == nil }
            if !unknown.isEmpty {
                Self.fail("unknown locale \(unknown.joined(separator: ", ")); the locales are: \(engine.content.localeTags.joined(separator: ", "))")
            }
            let problems = engine.translationProblems(tags.isEmpty ? nil : tags).map(\.description)
            var interfaceProblems: [String] = []
            do {
                let catalogs = try InterfaceCatalog.load(locales: engine.resources.appendingPathComponent("locales"))
                if let source = catalogs.first {
                    for catalog in catalogs.dropFirst() where tags.isEmpty || tags.contains(catalog.tag) {
                        interfaceProblems += catalog.placeholderProblems(against: source)
                    }
                }
            } catch { interfaceProblems.append(String(describing: error)) }
            for p in problems + interfaceProblems { print(p) }
            if !(problems + interfaceProblems).isEmpty { Self.fail("\(problems.count + interfaceProblems.count) problem(s)") }
            print("no problems in \(tags.isEmpty ? engine.content.localeTags.filter { $0 != engine.content.sourceTag } : tags)")
        }
    }

    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "preview",
            abstract: "Write an HTML page with the Italian and the translation side by side, stale and missing units marked.")

        @Argument(help: "The locale to preview (BCP 47 tag).")
        var tag: String

        @Option(name: .long, help: "Output HTML file.")
        var out: String

        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            do {
                let engine = try resourceOptions.engine()
                let html = try engine.translationPreview(tag)
                try AtomicFile.write(Array(html.utf8), to: URL(fileURLWithPath: out), naming: FileNaming(verbose: false))
            } catch let e as OsteoDocError { Self.fail(e.description) } catch let e as CLIFailure { Self.fail(e.description) }
        }
    }

    /// A changed segment as `locales status` prints it: id, Italian line, word diff.
    static func describe(_ change: SegmentChange, unit: String) -> String {
        let place = change.line.map { "locales/it/\(unit).md:\($0)" } ?? "removed from locales/it/\(unit).md"
        let kind = change.before == nil ? "new (no earlier Italian recorded)" : change.after == nil ? "removed" : "changed"
        return "    segment \(change.hash) \(kind), \(place)\n      " + change.wordDiff
    }

    /// Where each staff-page catalog stands against the Italian one, by language.
    static func interfaceStatus(_ engine: OsteoDoc) throws -> [String: LocaleStatus] {
        let catalogs = try InterfaceCatalog.load(locales: engine.resources.appendingPathComponent("locales"))
        guard let source = catalogs.first else { return [:] }
        return Dictionary(uniqueKeysWithValues: catalogs.dropFirst().map { ($0.tag, $0.status(against: source)) })
    }
}
