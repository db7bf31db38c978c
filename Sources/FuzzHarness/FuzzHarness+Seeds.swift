import Foundation
import OsteoDoc
import PlanImport
import Templating

extension FuzzHarness {
    /// Seed inputs for every target, made from the repository's own material: the example
    /// plan, the expanded Markdown of every document in every language, the prose and the
    /// catalogs. Written to Fuzz/corpus/ by `OSTEODOC_WRITE_SEEDS=1 swift test --filter FuzzSeedTests`.
    public static func seedInputs() throws -> [String: [(name: String, bytes: [UInt8])]] {
        let example = try [UInt8](Data(contentsOf: repository.appendingPathComponent("examples/plan.json")))
        let exampleText = String(decoding: example, as: UTF8.self)
        var seeds: [String: [(name: String, bytes: [UInt8])]] = [:]
        func add(_ target: String, _ name: String, _ bytes: [UInt8]) { seeds[target, default: []].append((name, bytes)) }
        func variant(_ from: String, _ to: String) -> [UInt8] { Array(exampleText.replacingOccurrences(of: from, with: to).utf8) }

        let plans: [(String, [UInt8])] = [
            ("example", example),
            ("no-outcome", variant(#""outcome": {"#, #""outcome": null, "x-outcome": {"#)),
            ("arabic", variant(#""language": "it""#, #""language": "ar""#)),
            ("ukrainian-minor", variant(#""language": "it""#, #""language": "uk""#)
                .replacingOccurrencesInUTF8(#""birthDate": "1951-03-12""#, #""birthDate": "2012-01-01""#)
                .replacingOccurrencesInUTF8(#""legalRepresentative": null"#, #""legalRepresentative": {"name": "Olena", "role": "parent"}"#)),
            ("utc-offsets", variant("+01:00", "Z")),
            ("vertebra", variant(#""site": "acetabulum""#, #""site": "vertebra", "level": "L2""#)),
        ]
        for (name, bytes) in plans {
            add("PlanDecode", name, bytes)
            add("Pipeline", name, bytes)
        }
        add("PlanDecode", "trailing-comma", variant(#""creatinine"]"#, #""creatinine",]"#))
        add("PlanDecode", "utf16", Array(exampleText.data(using: .utf16LittleEndian) ?? Data()))
        add("PlanDecode", "duplicate", variant(#""sex": "female","#, #""sex": "female", "sex": "male","#))

        let values = ["Ospedale *San* Martino", "Radiologia", "Via <b>Roma</b> 1", "Luca {given}", "Dr. {{name}}",
                      "posterolaterale", "warfarin", "[Ambulatorio](x)", "paracetamolo \\ 1 g"]
        for (n, language) in languages.enumerated() {
            add("Template", "\(language)-consent", [UInt8(n), 0] + Array(values.joined(separator: "\u{0}").utf8))
            add("Template", "\(language)-discharge", [UInt8(n), 1] + Array(values.joined(separator: "\u{0}").utf8))
            for kind in [DocumentKind.consent, .discharge] {
                let markdown = try engine.markdown(kind, plan: examplePlan, language: language)
                add("Markdown", "\(language)-\(kind.rawValue)", blocks(Array(markdown.utf8), upTo: seedLimit))
                // Paragraph seeds: the document's longest lines, at three measures.
                let lines = markdown.split(separator: "\n").sorted { $0.utf8.count > $1.utf8.count }.prefix(2)
                for (k, line) in lines.enumerated() {
                    add("Paragraph", "\(language)-\(kind.rawValue)-\(k)", [UInt8(n), UInt8(k * 0x85 & 0xFF), UInt8(40 + 100 * k)] + Array(line.utf8))
                }
            }
            for catalog in ["strings", "codes"] {
                let po = try [UInt8](Data(contentsOf: repository.appendingPathComponent("locales/\(language)/\(catalog).po")))
                add("PO", "\(language)-\(catalog)", blocks(po, upTo: seedLimit))
            }
        }
        return seeds
    }
}

extension FuzzHarness {
    /// Largest seed of the text targets: libFuzzer's inputs grow from the seeds, and small
    /// inputs mean many executions per second.
    static let seedLimit = 8192

    /// The leading blank-line-separated blocks of `bytes` that fit in `limit` bytes.
    static func blocks(_ bytes: [UInt8], upTo limit: Int) -> [UInt8] {
        guard bytes.count > limit else { return bytes }
        var end = limit
        while end > 1, !(bytes[end - 1] == 0x0A && bytes[end - 2] == 0x0A) { end -= 1 }
        return Array(bytes[..<(end > 1 ? end : limit)])
    }
}

private extension Array where Element == UInt8 {
    func replacingOccurrencesInUTF8(_ from: String, _ to: String) -> [UInt8] {
        Array(String(decoding: self, as: UTF8.self).replacingOccurrences(of: from, with: to).utf8)
    }
}
