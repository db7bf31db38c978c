import Foundation
import XCTest
@testable import Content

final class ContentRepositoryTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-content-\(UUID().uuidString)")
        try write("locales/it/strings.po", """
            msgid ""
            msgstr "Language: it\\n"

            msgctxt "consent.title"
            msgid "Consenso informato"
            msgstr "Consenso informato"
            """)
        try write("locales/it/codes.po", """
            msgid ""
            msgstr ""
            "Language: it\\n"
            "Plural-Forms: nplurals=2; plural=(n != 1);\\n"

            msgctxt "side.left"
            msgid "lato sinistro"
            msgstr "lato sinistro"
            """)
        try write("locales/it/consent/risks.md", "## I rischi\r\n\r\nTesto.\r\n")
        try write("locales/it/discharge/wound.md", "## Ferita\n")
        try write("locales/it/notes.txt", "ignored")
        try write("locales/fr/strings.po", """
            msgctxt "consent.title"
            msgid "Consenso informato"
            msgstr ""

            msgctxt "side.left"
            msgid "lato sinistro"
            msgstr "côté gauche"
            """)
        try write("locales/fr-CH/strings.po", "")
        try write("locales/de/strings.po", "")
        try write("locales/ar/strings.po", "")
        try write("locales/.hidden/strings.po", "this is not PO")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func testReadsLocales() throws {
        let repo = try ContentRepository(root: root)
        XCTAssertEqual(repo.sourceTag, "it")
        XCTAssertEqual(repo.localeTags, ["ar", "de", "fr", "fr-CH", "it"])
        let it = try XCTUnwrap(repo.locale("it"))
        XCTAssertEqual(it.direction, .leftToRight)
        XCTAssertEqual(it.strings.entries.map(\.context), ["consent.title", "side.left"], "strings.po first")
        XCTAssertEqual(it.strings.header["Plural-Forms"], "nplurals=2; plural=(n != 1);")
        XCTAssertEqual(it.string("side.left"), "lato sinistro")
        XCTAssertNil(it.string("side.up"))
        XCTAssertEqual(it.prose.keys.sorted(), ["consent/risks", "discharge/wound"])
        XCTAssertEqual(it.prose["consent/risks"], ProseUnit(id: "consent/risks", path: "locales/it/consent/risks.md",
                                                            text: "## I rischi\n\nTesto.\n"))
        XCTAssertEqual(repo.locale("ar")?.direction, .rightToLeft)
        XCTAssertEqual(repo.locale("FR-ch")?.tag, "fr-CH")
    }

    func testEmptyMsgstrFallsBackToMsgid() throws {
        let fr = try XCTUnwrap(ContentRepository(root: root).locale("fr"))
        XCTAssertEqual(fr.string("consent.title"), "Consenso informato")
        XCTAssertEqual(fr.string("side.left"), "côté gauche")
    }

    func testResolve() throws {
        let repo = try ContentRepository(root: root)
        XCTAssertEqual(repo.resolve("fr-CH"), "fr-CH", "exact match preferred")
        XCTAssertEqual(repo.resolve("fr-BE"), "fr")
        XCTAssertEqual(repo.resolve("de-AT"), "de")
        XCTAssertEqual(repo.resolve("it"), "it")
        XCTAssertEqual(repo.resolve("IT-it"), "it", "case-insensitive")
        XCTAssertEqual(repo.resolve("fr_ch"), "fr-CH")
        XCTAssertEqual(repo.resolve("de-Latn-AT-x-private"), "de")
        XCTAssertEqual(repo.resolve("ar-EG"), "ar")
        XCTAssertNil(repo.resolve("pt"), "no other language as fallback")
        XCTAssertNil(repo.resolve("pt-BR"))
        XCTAssertNil(repo.resolve(""))
        XCTAssertNil(repo.resolve("*"))
    }

    func testFallbackChainAndDirection() {
        XCTAssertEqual(LanguageTag.fallbackChain("zh-Hant-TW"), ["zh-hant-tw", "zh-hant", "zh"])
        XCTAssertEqual(LanguageTag.fallbackChain("de-CH-x-phonebk"), ["de-ch-x-phonebk", "de-ch", "de"])
        XCTAssertEqual(LanguageTag.direction("he"), .rightToLeft)
        XCTAssertEqual(LanguageTag.direction("fa-IR"), .rightToLeft)
        XCTAssertEqual(LanguageTag.direction("ur"), .rightToLeft)
        XCTAssertEqual(LanguageTag.direction("az-Arab"), .rightToLeft)
        XCTAssertEqual(LanguageTag.direction("ku-Latn"), .leftToRight)
        XCTAssertEqual(LanguageTag.direction("ro"), .leftToRight)
    }

    func testDuplicateKeyAcrossCatalogs() throws {
        try write("locales/it/codes.po", "msgctxt \"consent.title\"\nmsgid \"x\"\nmsgstr \"x\"\n")
        XCTAssertThrowsError(try ContentRepository(root: root)) { error in
            XCTAssertEqual(error as? ContentError, .duplicateKey(key: "consent.title", path: "locales/it/codes.po", line: 1,
                                                                firstPath: "locales/it/strings.po", firstLine: 4))
        }
    }

    func testDuplicateKeyInOneCatalog() throws {
        try write("locales/it/codes.po", "msgctxt \"k\"\nmsgid \"x\"\nmsgstr \"x\"\n\nmsgctxt \"k\"\nmsgid \"y\"\nmsgstr \"y\"\n")
        XCTAssertThrowsError(try ContentRepository(root: root)) { error in
            XCTAssertEqual(error as? ContentError, .duplicateKey(key: "k", path: "locales/it/codes.po", line: 5,
                                                                firstPath: "locales/it/codes.po", firstLine: 1))
        }
    }

    func testSyntaxErrorNamesTheRelativePath() throws {
        try write("locales/de/strings.po", "msgid \"a\"\nmsgstr \"b\n")
        XCTAssertThrowsError(try ContentRepository(root: root)) { error in
            let error = error as? POSyntaxError
            XCTAssertEqual(error?.file, "locales/de/strings.po")
            XCTAssertEqual(error?.line, 2)
        }
    }

    func testFolderProblems() throws {
        try write("locales/not a tag/strings.po", "")
        XCTAssertThrowsError(try ContentRepository(root: root)) {
            XCTAssertEqual($0 as? ContentError, .badLocaleFolder(path: "locales/not a tag"))
        }
        try FileManager.default.removeItem(at: root.appendingPathComponent("locales/not a tag"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("locales/it"))
        XCTAssertThrowsError(try ContentRepository(root: root)) {
            XCTAssertEqual($0 as? ContentError, .missingSourceLocale(tag: "it"))
        }
        XCTAssertThrowsError(try ContentRepository(root: root.appendingPathComponent("nowhere"))) {
            XCTAssertEqual($0 as? ContentError, .missingDirectory(path: "locales"))
        }
    }

    func testNonUTF8IsReported() throws {
        try Data([0x6D, 0xFF, 0xFE]).write(to: root.appendingPathComponent("locales/it/consent/risks.md"))
        XCTAssertThrowsError(try ContentRepository(root: root)) {
            XCTAssertEqual($0 as? ContentError, .unreadable(path: "locales/it/consent/risks.md", reason: "not UTF-8"))
        }
    }
}

final class ProseLintTests: XCTestCase {
    let values: Set<String> = ["facility.phone"]
    let sections: Set<String> = ["is.sedation", "is.general"]

    func testCleanUnit() {
        let text = """
        ## Titolo

        Chiami il {{facility.phone}}.
        {{#is.sedation}}
        - **Sedazione** e *sonno*.
        {{/is.sedation}}
        {{^is.general}}
        1. Uno.
        {{/is.general}}

        ### Sotto
        """
        XCTAssertEqual(ProseLint.check(text, allowedValues: values, allowedSections: sections), [])
    }

    func testProblems() {
        let text = """
        Testo senza titolo <b>HTML</b>.
        ## Secondo titolo
        {{unknown}} {{{facility.phone}}} {{#is.other}}
        [link](http://x) ![img](a.png)
        | a | b |
        * star
        1) paren
        {{#is.sedation}} {{/is.general}}
        {{#is.general}}
        """
        let lines = ProseLint.check(text, allowedValues: values, allowedSections: sections).map(\.line)
        XCTAssertEqual(lines.sorted(), [1, 1, 2, 3, 3, 3, 3, 4, 5, 6, 7, 8, 8, 9], "\(ProseLint.check(text, allowedValues: values, allowedSections: sections))")
    }

    func testTagScanner() {
        let tags = MustacheTag.scan("a {{ x.y }} {{#s}}\n{{/s}} {{^t}}{{/t}} {{!c}} {{open")
        XCTAssertEqual(tags.map(\.kind), [.value, .section, .close, .invertedSection, .close, .other, .unterminated])
        XCTAssertEqual(tags.map(\.name).prefix(3), ["x.y", "s", "s"])
        XCTAssertEqual(tags.map(\.line), [1, 1, 2, 2, 2, 2, 2])
    }
}
