import OsteoDoc

/// What a scanned, signed document says, and what needs a second look at the front desk.
public struct ScanReport: Sendable, Equatable, Codable {
    /// The id printed on the document.
    public var documentId: String
    public var pages: Int
    /// Pages (1-based) found in the scan, and those not found.
    public var pagesReceived: [Int]
    public var pagesMissing: [Int]
    /// Each question or list, in reading order, with what was ticked.
    public var answers: [Answer]
    /// Each signature block's fields, with whether there is ink.
    public var signatures: [Signature]
    public var flags: [Flag]

    public struct Answer: Sendable, Equatable, Codable {
        /// The question, or "" for a list of statements.
        public var prompt: String
        /// Exactly one box expected.
        public var oneAnswer: Bool
        public var options: [Option]
    }

    public struct Option: Sendable, Equatable, Codable {
        public var label: String
        public var ticked: Bool
        /// Share of dark pixels inside the box (three decimals): how clear the answer is.
        public var ink: Double
    }

    public struct Signature: Sendable, Equatable, Codable {
        /// The block's caption ("Il paziente", "Il medico").
        public var caption: String
        /// The field ("Firma", "Data", …).
        public var label: String
        public var required: Bool
        public var present: Bool
        /// Share of dark pixels in the signature space (three decimals).
        public var ink: Double
    }

    /// Something the front desk must look at.
    public struct Flag: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable {
            case pageMissing = "page-missing"
            /// A page of another document (another patient's, or another issue) in the scan.
            case foreignPage = "foreign-page"
            /// A page without a readable osteodoc code.
            case unreadablePage = "unreadable-page"
            case noBoxTicked = "no-box-ticked"
            case severalBoxesTicked = "several-boxes-ticked"
            case signatureMissing = "signature-missing"
        }
        public var kind: Kind
        /// What it is about: a page number, the question, the signature block's caption, the other document's id.
        public var about: String

        public init(kind: Kind, about: String) { self.kind = kind; self.about = about }
    }

    /// Answers, signatures and flags from the pages read; `foreign` and `unreadable`: what the
    /// scan held besides (other documents' ids; 1-based positions in the scan of unreadable pages).
    public init(form: DocumentForm, pages readings: [PageReading], foreign: [String], unreadable: [Int]) {
        documentId = form.documentId
        pages = form.pages.count
        var byPage: [Int: PageReading] = [:]
        for reading in readings where reading.code.documentId == form.documentId { byPage[reading.code.page] = byPage[reading.code.page] ?? reading }
        pagesReceived = byPage.keys.sorted()
        pagesMissing = form.pages.indices.map { $0 + 1 }.filter { byPage[$0] == nil }
        flags = pagesMissing.map { Flag(kind: .pageMissing, about: String($0)) }
        flags += Array(Set(foreign)).sorted().map { Flag(kind: .foreignPage, about: $0) }
        flags += unreadable.map { Flag(kind: .unreadablePage, about: "scan page \($0)") }
        // Groups in reading order (page, then position); fields of a missing page are not known to be blank.
        var answers: [Answer] = [], groupIndex: [Int: Int] = [:]
        var signatures: [Signature] = []
        for page in pagesReceived {
            guard let reading = byPage[page] else { continue }
            for r in reading.fields {
                switch r.field.kind {
                case .choice, .checklist:
                    if let i = groupIndex[r.field.group] {
                        answers[i].options.append(Option(label: r.field.label, ticked: r.marked, ink: Self.rounded(r.ink)))
                    } else {
                        groupIndex[r.field.group] = answers.count
                        answers.append(Answer(prompt: r.field.prompt, oneAnswer: r.field.oneAnswer,
                                              options: [Option(label: r.field.label, ticked: r.marked, ink: Self.rounded(r.ink))]))
                    }
                case .signature:
                    signatures.append(Signature(caption: r.field.prompt, label: r.field.label, required: r.field.required,
                                                present: r.marked, ink: Self.rounded(r.ink)))
                case .pageCode:
                    break
                }
            }
        }
        for answer in answers where answer.oneAnswer {
            let ticked = answer.options.filter(\.ticked).count
            let about = answer.prompt.isEmpty ? answer.options.map(\.label).joined(separator: " / ") : answer.prompt
            if ticked == 0 { flags.append(Flag(kind: .noBoxTicked, about: about)) }
            if ticked > 1 { flags.append(Flag(kind: .severalBoxesTicked, about: about)) }
        }
        for signature in signatures where signature.required && !signature.present {
            flags.append(Flag(kind: .signatureMissing, about: signature.caption))
        }
        self.answers = answers
        self.signatures = signatures
    }

    private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// Nothing to look at again: every page there, every single answer given once, every signature present.
    public var isComplete: Bool { flags.isEmpty }
}
