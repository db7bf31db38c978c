import Foundation
import TestSupport

/// Runs the stock JSON Schema validators a planning-core team would use, unpatched, on the
/// schema and on JSON instances:
/// - Python `jsonschema` as Debian ships it (`/usr/bin/python3`, package python3-jsonschema),
/// - Python `jsonschema` from PyPI (a `python3` whose jsonschema is not Debian's: `$OSTEODOC_PYPI_PYTHON`,
///   the `python3` on `PATH`, or the tools venv `scripts/setup.sh` makes in `.build/pytools`),
/// - `check-jsonschema` (PyPI), with its default ECMA-262 regex engine (regress) and with Python's `re`.
/// Each reads the schema as it is: no pattern translation, no extra keywords.
enum SchemaValidator {
    static let schemaPath = packageRoot.appendingPathComponent("schema/plan-export-v1.schema.json").path
    static let examplePath = packageRoot.appendingPathComponent("examples/plan.json").path

    /// One validator's verdicts: error locations (JSON paths) for the example, then for each instance.
    struct Report: Decodable {
        var example: [String]
        var instances: [[String]]
    }

    enum Failure: Error, CustomStringConvertible {
        case missing(String)
        case failed(String, status: Int32, stderr: String)
        var description: String {
            switch self {
            case .missing(let what): "\(what) not found (bash scripts/setup.sh installs it)"
            case .failed(let what, let status, let stderr): "\(what) exited with \(status):\n\(stderr)"
            }
        }
    }

    /// The validators, by name, each a function from instances to its report.
    static func all() throws -> [(name: String, validate: ([Data]) throws -> Report)] {
        let debian = "/usr/bin/python3"
        guard jsonschemaLocation(debian)?.hasPrefix("/usr/lib/python3/dist-packages") == true else {
            throw Failure.missing("Debian's python3-jsonschema (/usr/bin/python3 -c 'import jsonschema')")
        }
        guard let pypi = pypiPython() else { throw Failure.missing("PyPI's jsonschema (pip install jsonschema)") }
        guard let check = checkJSONSchema() else { throw Failure.missing("check-jsonschema (pip install check-jsonschema)") }
        return [
            ("jsonschema (Debian, \(debian))", { try python(debian, $0) }),
            ("jsonschema (PyPI, \(pypi))", { try python(pypi, $0) }),
            ("check-jsonschema (ECMA-262 regex)", { try checkJSONSchema(check, variant: "default", $0) }),
            ("check-jsonschema --regex-variant python", { try checkJSONSchema(check, variant: "python", $0) }),
        ]
    }

    // MARK: Python jsonschema

    private static func python(_ interpreter: String, _ instances: [Data]) throws -> Report {
        try withFiles(instances) { directory, files in
            let listing = directory.appendingPathComponent("instances.txt")
            try files.map(\.path).joined(separator: "\n").write(to: listing, atomically: true, encoding: .utf8)
            let out = try run(interpreter, ["-c", script, schemaPath, examplePath, listing.path], what: interpreter)
            return try JSONDecoder().decode(Report.self, from: out.stdout)
        }
    }

    /// Stock use: check the schema against the meta-schema (with its "regex" format, so every pattern
    /// must compile in Python's `re`), then validate with the default format checker.
    private static let script = #"""
import json, sys
from jsonschema import Draft202012Validator
schema_path, example_path, listing = sys.argv[1:4]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
def locations(path):
    with open(path, encoding="utf-8") as f:
        return sorted(error.json_path for error in validator.iter_errors(json.load(f)))
with open(listing, encoding="utf-8") as f:
    paths = [p for p in f.read().split("\n") if p]
print(json.dumps({"example": locations(example_path), "instances": [locations(p) for p in paths]}))
"""#

    private static func jsonschemaLocation(_ interpreter: String) -> String? {
        guard FileManager.default.isExecutableFile(atPath: interpreter) || !interpreter.hasPrefix("/"),
              let out = try? run(interpreter, ["-c", "import jsonschema; print(jsonschema.__file__)"], what: interpreter)
        else { return nil }
        return String(decoding: out.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func pypiPython() -> String? {
        let env = ProcessInfo.processInfo.environment
        let candidates = [env["OSTEODOC_PYPI_PYTHON"], "python3",
                          packageRoot.appendingPathComponent(".build/pytools/bin/python3").path].compactMap { $0 }
        return candidates.first { c in
            guard let location = jsonschemaLocation(c) else { return false }
            return !location.hasPrefix("/usr/lib/python3/dist-packages")
        }
    }

    // MARK: check-jsonschema

    private static func checkJSONSchema() -> String? {
        let venv = packageRoot.appendingPathComponent(".build/pytools/bin/check-jsonschema").path
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        return (try? run("check-jsonschema", ["--version"], what: "check-jsonschema")) != nil ? "check-jsonschema" : nil
    }

    private struct CheckOutput: Decodable {
        struct Item: Decodable { var filename: String; var path: String }
        var errors: [Item]
    }

    private static func checkJSONSchema(_ tool: String, variant: String, _ instances: [Data]) throws -> Report {
        try withFiles(instances) { _, files in
            let out = try run(tool, ["--schemafile", schemaPath, "--regex-variant", variant, "--output-format", "json",
                                     examplePath] + files.map(\.path), what: "check-jsonschema", allowStatus: [0, 1])
            let decoded = try JSONDecoder().decode(CheckOutput.self, from: out.stdout)
            func errors(_ path: String) -> [String] { decoded.errors.filter { $0.filename == path }.map(\.path).sorted() }
            return Report(example: errors(examplePath), instances: files.map { errors($0.path) })
        }
    }

    // MARK: Plumbing

    private static func withFiles<T>(_ instances: [Data], _ body: (URL, [URL]) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plan-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [URL] = []
        for (n, instance) in instances.enumerated() {
            let url = directory.appendingPathComponent("instance-\(n).json")
            try instance.write(to: url)
            files.append(url)
        }
        return try body(directory, files)
    }

    private static func run(_ tool: String, _ arguments: [String], what: String,
                            allowStatus: Set<Int32> = [0]) throws -> (stdout: Data, status: Int32) {
        let result = try ProcessRunner.run(tool, arguments)
        guard allowStatus.contains(result.status) else {
            throw Failure.failed(what, status: result.status, stderr: result.stderr)
        }
        return (Data(result.stdout.utf8), result.status)
    }
}
