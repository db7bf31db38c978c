import Foundation
import TestSupport

/// Runs Python's `jsonschema` (draft 2020-12) on JSON instances, as the planning
/// core's team would. Python's `re` lacks ECMA-262's `\p{…}` classes and lets `$`
/// match before a final newline, so the script translates `\p{L}`/`\p{M}` into code
/// point ranges (from `unicodedata`) and a final `$` into `\Z` before compiling.
enum SchemaValidator {
    static let schemaPath = packageRoot.appendingPathComponent("schema/plan-export-v1.schema.json").path
    static let examplePath = packageRoot.appendingPathComponent("examples/plan.json").path

    struct Report: Decodable {
        /// Error locations (JSON paths) for `examples/plan.json`.
        var example: [String]
        /// Error locations for each instance, in order.
        var instances: [[String]]
    }

    enum Failure: Error, CustomStringConvertible {
        case python(status: Int32, stderr: String)
        var description: String {
            switch self {
            case .python(let status, let stderr):
                "python3 -c … exited with \(status) (python3 with the jsonschema package is required: "
                    + "pip install jsonschema):\n\(stderr)"
            }
        }
    }

    /// Validates `examples/plan.json` and each instance against the schema.
    static func validate(_ instances: [Data]) throws -> Report {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("plan-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let instancesPath = directory.appendingPathComponent("instances.json")
        var array = Data("[".utf8)
        for (n, instance) in instances.enumerated() {
            if n > 0 { array.append(contentsOf: Array(",\n".utf8)) }
            array.append(instance)
        }
        array.append(contentsOf: Array("]".utf8))
        try array.write(to: instancesPath)

        let result = try ProcessRunner.run("python3", ["-c", script, schemaPath, examplePath, instancesPath.path])
        guard result.status == 0 else {
            throw Failure.python(status: result.status, stderr: result.stderr)
        }
        return try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    }

    private static let script = #"""
import json, re, sys, unicodedata
from functools import lru_cache
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

def category_ranges():
    ranges = {"L": [], "M": []}
    start = {"L": None, "M": None}
    for cp in range(0x110001):
        major = unicodedata.category(chr(cp))[0] if cp <= 0x10FFFF else ""
        for key in ranges:
            if major == key and start[key] is None:
                start[key] = cp
            elif major != key and start[key] is not None:
                ranges[key].append((start[key], cp - 1))
                start[key] = None
    return {key: "".join("\\U%08X-\\U%08X" % r for r in value) for key, value in ranges.items()}

CLASSES = None

def translate(pattern):
    global CLASSES
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("\\p{", i):
            end = pattern.index("}", i)
            name = pattern[i + 3:end]
            if CLASSES is None:
                CLASSES = category_ranges()
            body = CLASSES[name]
            out.append(body if in_class else "[" + body + "]")
            i = end + 1
            continue
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    result = "".join(out)
    if result.endswith("$") and not result.endswith("\\$"):
        result = result[:-1] + "\\Z"
    return result

@lru_cache(maxsize=None)
def compiled(pattern):
    return re.compile(translate(pattern))

def pattern(validator, patrn, instance, schema):
    if validator.is_type(instance, "string") and not compiled(patrn).search(instance):
        yield ValidationError("does not match the pattern")

schema_path, example_path, instances_path = sys.argv[1:4]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
# The meta-schema's "regex" format would compile patterns with Python's re (no \p{…}).
Draft202012Validator.check_schema(schema, format_checker=None)
Validator = validators.extend(Draft202012Validator, {"pattern": pattern})
validator = Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)

def locations(instance):
    return sorted(error.json_path for error in validator.iter_errors(instance))

with open(example_path, encoding="utf-8") as f:
    example = json.load(f)
with open(instances_path, encoding="utf-8") as f:
    instances = json.load(f)
print(json.dumps({"example": locations(example), "instances": [locations(i) for i in instances]}))
"""#
}
