import ArgumentParser
import Content
import CommandLineSupport
import Foundation
import OsteoDoc

extension LocalesCommand {
    /// `osteodoc locales confirm de consent/risks 3f2a1c0b9d8e7f60`: the translation of that segment
    /// is up to date with the current Italian (unchanged, or just updated by the translator).
    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm",
            abstract: "Record that a translation is up to date with the current Italian: one prose segment (its id from `locales status`), all of a unit's segments (all), or a catalog string that is rightly the same as the Italian.")

        @Argument(help: "The locale (BCP 47 tag).")
        var tag: String

        @Argument(help: "The unit: a prose unit such as consent/risks, or strings.po / codes.po for a catalog string.")
        var unit: String

        @Argument(help: "For prose: the segment id shown by `locales status` (at least 6 leading hex digits), or all. For a catalog: the msgctxt key.")
        var segment: String

        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            do {
                let engine = try resourceOptions.engine()
                guard let resolved = engine.content.locale(tag)?.tag, resolved != engine.content.sourceTag else {
                    throw CLIFailure("unknown translation \(tag); the locales are: \(engine.content.localeTags.joined(separator: ", "))")
                }
                let root = engine.resources
                if unit.hasSuffix(".po") {
                    try confirmString(engine, tag: resolved, root: root)
                } else {
                    try confirmProse(engine, tag: resolved, root: root)
                }
            } catch let e as CLIFailure { Self.fail(e.description) } catch let e as OsteoDocError { Self.fail(e.description) }
        }

        private func confirmProse(_ engine: OsteoDoc, tag: String, root: URL) throws {
            let id = unit.hasSuffix(".md") ? String(unit.dropLast(3)) : unit
            guard let italian = engine.content.locale(engine.content.sourceTag)?.prose[id],
                  let translated = engine.content.locale(tag)?.prose[id],
                  let status = engine.content.status(of: tag)?.units.first(where: { $0.kind == .prose && $0.id == id }) else {
                throw CLIFailure("no prose unit \(id) in locales/\(tag)")
            }
            let target: String?
            if segment == "all" {
                target = nil
            } else {
                let matches = status.changes.filter { $0.hash.hasPrefix(segment.lowercased()) }
                guard segment.count >= 6, matches.count == 1 else {
                    throw CLIFailure(matches.count > 1 ? "segment \(segment) is ambiguous in \(id)"
                        : "no stale segment \(segment) in \(tag)/\(id); stale: "
                          + (status.changes.isEmpty ? "none" : status.changes.map(\.hash).joined(separator: ", ")))
                }
                target = matches[0].hash
            }
            let record = TranslationRecord.confirming(
                target, record: translated.record.map(ProseSegment.segments), current: ProseSegment.segments(italian.text))
            try LocalesFiles.writeRecord(record, root: root, tag: tag, id: id)
            try LocalesFiles.dropLegacyHash(root: root, path: translated.path)
            print("confirmed \(tag)/\(id) " + (target.map { "segment \($0)" } ?? "all segments"))
        }

        private func confirmString(_ engine: OsteoDoc, tag: String, root: URL) throws {
            let path = "locales/\(tag)/\(unit)"
            guard let entry = engine.content.locale(tag)?.strings.entries.first(where: { $0.file == path && $0.context == segment }) else {
                throw CLIFailure("\(path) has no msgctxt \"\(segment)\"")
            }
            let url = root.appendingPathComponent(path)
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            guard !entry.comments.contains(ContentRepository.sameAsItalianComment) else {
                print("\(path): \(segment) is already confirmed"); return
            }
            // A translator comment goes first, above the entry's other comment lines (gettext's order).
            var at = entry.line - 1
            while at > 0, lines[at - 1].hasPrefix("#") { at -= 1 }
            lines.insert(ContentRepository.sameAsItalianComment, at: at)
            try AtomicFile.write(Array(lines.joined(separator: "\n").utf8), to: url, naming: FileNaming(verbose: true))
            print("confirmed \(path) \(segment): same as the Italian on purpose")
        }
    }

    /// `osteodoc locales pot`: writes locales/strings.pot and locales/codes.pot from the Italian catalogs.
    struct Pot: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pot",
            abstract: "Write the gettext templates (locales/strings.pot, locales/codes.pot, locales/staff.pot) from the Italian catalogs, for msgmerge, Poedit and Weblate.")

        @Flag(name: .long, help: "Write nothing; exit 1 when a committed template differs from what would be written.")
        var check = false

        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            do {
                let engine = try resourceOptions.engine()
                var outdated: [String] = []
                // The documents' catalogs and the staff pages' (locales/staff.pot).
                let interface = try InterfaceCatalog.load(locales: engine.resources.appendingPathComponent("locales")).first
                let templates = POTemplate.templates(engine.content) + (interface.map { [("locales/" + InterfaceCatalog.templateName, $0.template)] } ?? [])
                for (path, text) in templates {
                    let url = engine.resources.appendingPathComponent(path)
                    if check {
                        if (try? String(contentsOf: url, encoding: .utf8)) != text { outdated.append(path) }
                    } else {
                        try AtomicFile.write(Array(text.utf8), to: url, naming: FileNaming(verbose: true))
                        print("wrote \(path)")
                    }
                }
                if !outdated.isEmpty { Self.fail("not current: \(outdated.joined(separator: ", ")) (run osteodoc locales pot)") }
                if check { print("templates are current") }
            } catch let e as CLIFailure { Self.fail(e.description) } catch let e as OsteoDocError { Self.fail(e.description) }
        }
    }

    /// `osteodoc locales migrate`: osteodoc 0.2's whole-file `source-hash:` → segment records.
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Turn the whole-file source-hash of older translations into segment records (.source/), replacing an older record; safe to run again after every merge.")

        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            do {
                let engine = try resourceOptions.engine()
                let content = engine.content
                guard let italian = content.locale(content.sourceTag) else { return }
                var migrated = 0, left: [String] = []
                for tag in content.localeTags where tag != content.sourceTag {
                    for (id, unit) in (content.locale(tag)?.prose ?? [:]).sorted(by: { $0.key < $1.key }) {
                        // A source-hash line present wins over an existing record: it was written (or merged
                        // back) after the record was made.
                        guard let hash = unit.sourceHash, let source = italian.prose[id] else { continue }
                        // The Italian the translation was made from: today's, or an older one from git history.
                        let text = ContentRepository.sourceHash(source.text) == hash ? source.text
                            : LocalesFiles.italianFromHistory(root: engine.resources, path: source.path, hash: hash)
                        guard let text else { left.append("\(tag)/\(id)"); continue }
                        try LocalesFiles.writeRecord(TranslationRecord.record(of: text), root: engine.resources, tag: tag, id: id)
                        try LocalesFiles.dropLegacyHash(root: engine.resources, path: unit.path)
                        migrated += 1
                    }
                }
                print("migrated \(migrated) unit(s) to segment records")
                if !left.isEmpty {
                    print("kept source-hash (no Italian text with that hash found, review the whole unit): " + left.joined(separator: ", "))
                }
            } catch let e as CLIFailure { Self.fail(e.description) } catch let e as OsteoDocError { Self.fail(e.description) }
        }
    }
}

/// File work of the translators' commands.
enum LocalesFiles {
    static func writeRecord(_ record: String, root: URL, tag: String, id: String) throws {
        let url = root.appendingPathComponent("locales/\(tag)/\(TranslationRecord.folder)/\(id).md")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch { throw CLIFailure("cannot create \(url.deletingLastPathComponent().path)") }
        try AtomicFile.write(Array(record.utf8), to: url, naming: FileNaming(verbose: true))
    }

    static func dropLegacyHash(root: URL, path: String) throws {
        let url = root.appendingPathComponent(path)
        guard let text = try? String(contentsOf: url, encoding: .utf8), let updated = TranslationRecord.removingLegacyHash(text) else { return }
        try AtomicFile.write(Array(updated.utf8), to: url, naming: FileNaming(verbose: true))
    }

    /// The Italian unit as it was in the newest commit whose text has the 0.2 whole-file `hash`
    /// (git log of that file), or nil (no git, no such version).
    static func italianFromHistory(root: URL, path: String, hash: String) -> String? {
        guard let log = git(root, ["log", "--format=%H", "--", path]) else { return nil }
        for commit in log.split(separator: "\n") {
            guard var text = git(root, ["show", "\(commit):\(path)"]) else { continue }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
            if ContentRepository.sourceHash(text) == hash { return text }
        }
        return nil
    }

    private static func git(_ root: URL, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
