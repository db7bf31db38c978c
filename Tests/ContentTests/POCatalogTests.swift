import XCTest
@testable import Content

final class POCatalogTests: XCTestCase {
    let sample = #"""
    # Header comment
    msgid ""
    msgstr ""
    "Language: it\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\n"

    # translator note
    #. extracted note
    #: templates/consent.md:12 templates/discharge.md:3
    #, fuzzy, c-format
    #| msgid "vecchio"
    msgctxt "site.acetabulum"
    msgid "acetabolo (parte dell'anca)"
    msgstr "acetabolo (parte dell'anca)"

    msgctxt "plural.needles"
    msgid "%d ago"
    msgid_plural "%d aghi"
    msgstr[0] "%d ago"
    msgstr[1] "%d aghi"

    msgid ""
    "Prima riga, "
    "seconda riga."
    msgstr "Tab:\tvirgolette:\" barra:\\ a capo:\n"

    #~ msgid "obsoleto"
    #~ msgstr "obsoleto"
    """#

    func testParsesHeaderEntriesAndFields() throws {
        let catalog = try POCatalog.parse(sample, file: "sample.po")
        XCTAssertEqual(catalog.header["Language"], "it")
        XCTAssertEqual(catalog.header["Content-Type"], "text/plain; charset=UTF-8")
        XCTAssertEqual(catalog.header["Plural-Forms"], "nplurals=2; plural=(n != 1);")
        XCTAssertEqual(catalog.entries.count, 3)

        let site = catalog.entries[0]
        XCTAssertEqual(site.context, "site.acetabulum")
        XCTAssertEqual(site.id, "acetabolo (parte dell'anca)")
        XCTAssertEqual(site.strings, ["acetabolo (parte dell'anca)"])
        XCTAssertEqual(site.flags, ["fuzzy", "c-format"])
        XCTAssertTrue(site.isFuzzy)
        XCTAssertEqual(site.comments, ["# translator note", "#. extracted note", "#| msgid \"vecchio\""])
        XCTAssertEqual(site.references, ["templates/consent.md:12", "templates/discharge.md:3"])
        XCTAssertEqual(site.line, 13)

        let plural = catalog.entries[1]
        XCTAssertEqual(plural.idPlural, "%d aghi")
        XCTAssertEqual(plural.strings, ["%d ago", "%d aghi"])
        XCTAssertEqual(plural.line, 17)
        XCTAssertEqual(plural.comments, [])

        let multi = catalog.entries[2]
        XCTAssertNil(multi.context)
        XCTAssertEqual(multi.id, "Prima riga, seconda riga.")
        XCTAssertEqual(multi.strings, ["Tab:\tvirgolette:\" barra:\\ a capo:\n"])
        XCTAssertEqual(multi.line, 23)
    }

    func testLookupByContext() throws {
        var catalog = try POCatalog.parse(sample, file: "sample.po")
        XCTAssertEqual(catalog.entry(context: "plural.needles")?.id, "%d ago")
        XCTAssertNil(catalog.entry(context: "site.sacrum"))
        catalog.entries.append(POEntry(context: "site.sacrum", id: "sacro", strings: ["sacro"]))
        XCTAssertEqual(catalog.entry(context: "site.sacrum")?.id, "sacro", "index follows changes to entries")
    }

    func testCRLFAndByteOrderMark() throws {
        let text = "\u{FEFF}msgctxt \"a\"\r\nmsgid \"x\"\r\nmsgstr \"\"\r\n\"y\"\r\n"
        let catalog = try POCatalog.parse(text, file: "crlf.po")
        XCTAssertEqual(catalog.entries, [POEntry(context: "a", id: "x", strings: ["y"], line: 1)])
    }

    func testEmptyFileAndTrailingComments() throws {
        XCTAssertEqual(try POCatalog.parse("", file: "e.po").entries, [])
        XCTAssertEqual(try POCatalog.parse("msgid \"a\"\nmsgstr \"b\"\n# dangling\n", file: "e.po").entries.count, 1)
    }

    /// Each syntax error names its file and line.
    func testSyntaxErrors() {
        let cases: [(String, Int, String)] = [
            ("msgid \"abc\nmsgstr \"\"", 1, "unterminated string"),
            ("msgid \"a\"\nmsgstr \"b\\q\"", 2, "bad escape"),
            ("# c\nmsgstr \"b\"", 2, "msgstr without msgid"),
            ("msgctxt \"k\"\nmsgid \"a\"\nmsgstr \"b\"\n\nmsgctxt \"k\"\nmsgid \"a\"\nmsgstr \"c\"", 5, "duplicate entry"),
            ("msgid \"a\"\nmsgstr \"b\"\nmsgid \"c\"\n", 3, "msgid without msgstr"),
            ("msgid \"a\"\n\nmsgid \"c\"\nmsgstr \"d\"", 1, "msgid without msgstr"),
            ("msgid \"a\"\nmsgstr[0] \"b\"", 2, "without msgid_plural"),
            ("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"\nmsgstr[2] \"c\"", 4, "out of order"),
            ("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"b\"", 3, "needs msgstr[0]"),
            ("msgid \"a\"\nmsgstr \"b\"\nmsgstr \"c\"", 3, "second msgstr"),
            ("msgid \"a\"\nmsgstr \"b\"\nmsgid_plural \"as\"", 3, "must come before msgstr"),
            ("msgid \"a\"\nmsgtxt \"b\"", 2, "unknown keyword"),
            ("\"orphan\"", 1, "string without a keyword"),
            ("msgid \"a\" x\nmsgstr \"b\"", 1, "after the closing quote"),
            ("msgid \"a\"\nmsgctxt \"k\"\nmsgstr \"b\"", 2, "msgctxt must come before msgid"),
            ("msgid \"a\"\n# note\nmsgstr \"b\"", 2, "comment inside an entry"),
            ("msgid a\nmsgstr \"b\"", 1, "expected a quoted string"),
            ("msgctxt \"k\"\n", 1, "msgctxt without msgid"),
            ("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"\"\nmsgstr \"Language: it\\n\"", 4, "header entry"),
            ("msgid \"\"\nmsgstr \"\"\n\"Language it\\n\"", 2, "header line without ':'"),
        ]
        for (text, line, message) in cases {
            XCTAssertThrowsError(try POCatalog.parse(text, file: "bad.po"), text) { error in
                guard let error = error as? POSyntaxError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.file, "bad.po")
                XCTAssertEqual(error.line, line, "\(text) → \(error)")
                XCTAssertTrue(error.message.contains(message), "\(text) → \(error)")
            }
        }
    }

    func testErrorDescription() {
        XCTAssertEqual(POSyntaxError(file: "x.po", line: 3, message: "m").description, "x.po:3: m")
    }
}
