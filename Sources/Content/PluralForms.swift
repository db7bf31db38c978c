/// A catalog's `Plural-Forms: nplurals=N; plural=EXPR;` header, parsed and evaluated the way
/// gettext's runtime does (a C expression over `n`: ?:, ||, &&, ==, !=, <, >, <=, >=, +, -, *, /, %, !, parentheses).
///
/// Hand-written because no Swift package evaluates gettext plural expressions and libintl does
/// not expose its parser; the grammar is the few lines of gettext's plural.y.
public struct PluralForms: Sendable, Equatable {
    public let count: Int
    public let expression: String
    private let root: Node

    /// Parses the header value; nil when it is not `nplurals=<int>; plural=<expression>;`.
    public init?(_ header: String) {
        var count: Int?, expression: String?
        for part in header.split(separator: ";") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2 else { continue }
            if kv[0] == "nplurals" { count = Int(kv[1]) }
            if kv[0] == "plural" { expression = kv[1] }
        }
        guard let count, count > 0, let expression else { return nil }
        var parser = Parser(Array(expression.utf8))
        guard let root = parser.parse() else { return nil }
        self.count = count
        self.expression = expression
        self.root = root
    }

    /// The `msgstr[i]` index gettext picks for `n`.
    public func index(_ n: Int) -> Int { root.evaluate(n) }

    private indirect enum Node: Sendable, Equatable {
        case n, number(Int)
        case not(Node)
        case binary(UInt8, String, Node, Node)
        case ternary(Node, Node, Node)

        func evaluate(_ n: Int) -> Int {
            switch self {
            case .n: return n
            case .number(let v): return v
            case .not(let a): return a.evaluate(n) == 0 ? 1 : 0
            case .ternary(let c, let a, let b): return c.evaluate(n) != 0 ? a.evaluate(n) : b.evaluate(n)
            case .binary(_, let op, let a, let b):
                let x = a.evaluate(n)
                if op == "&&" { return x != 0 && b.evaluate(n) != 0 ? 1 : 0 }
                if op == "||" { return x != 0 || b.evaluate(n) != 0 ? 1 : 0 }
                let y = b.evaluate(n)
                switch op {
                case "==": return x == y ? 1 : 0
                case "!=": return x != y ? 1 : 0
                case "<": return x < y ? 1 : 0
                case ">": return x > y ? 1 : 0
                case "<=": return x <= y ? 1 : 0
                case ">=": return x >= y ? 1 : 0
                case "+": return x &+ y
                case "-": return x &- y
                case "*": return x &* y
                case "/": return y == 0 ? 0 : x / y
                case "%": return y == 0 ? 0 : x % y
                default: return 0
                }
            }
        }
    }

    /// Recursive descent, lowest precedence first: ?: || && ==,!= <,>,<=,>= +,- *,/,% ! atoms.
    private struct Parser {
        let s: [UInt8]
        var i = 0
        init(_ s: [UInt8]) { self.s = s }

        mutating func parse() -> Node? {
            guard let node = ternary() else { return nil }
            skip()
            return i == s.count ? node : nil
        }
        mutating func skip() { while i < s.count, s[i] == 0x20 || s[i] == 0x09 { i += 1 } }
        mutating func eat(_ token: String) -> Bool {
            skip()
            let t = Array(token.utf8)
            guard i + t.count <= s.count, Array(s[i..<i + t.count]) == t else { return false }
            // "<" must not take the first character of "<=", "!" not of "!=", "=" alone is no operator.
            if t.count == 1, i + 1 < s.count, s[i + 1] == UInt8(ascii: "="), "<>!".utf8.contains(t[0]) { return false }
            i += t.count
            return true
        }
        mutating func ternary() -> Node? {
            guard let c = binary(0) else { return nil }
            guard eat("?") else { return c }
            guard let a = ternary(), eat(":"), let b = ternary() else { return nil }
            return .ternary(c, a, b)
        }
        static let levels: [[String]] = [["||"], ["&&"], ["==", "!="], ["<=", ">=", "<", ">"], ["+", "-"], ["*", "/", "%"]]
        mutating func binary(_ level: Int) -> Node? {
            guard level < Self.levels.count else { return unary() }
            guard var left = binary(level + 1) else { return nil }
            while let op = Self.levels[level].first(where: { eat($0) }) {
                guard let right = binary(level + 1) else { return nil }
                left = .binary(UInt8(level), op, left, right)
            }
            return left
        }
        mutating func unary() -> Node? {
            if eat("!") { return unary().map { .not($0) } }
            skip()
            if eat("(") {
                guard let inner = ternary(), eat(")") else { return nil }
                return inner
            }
            skip()
            if i < s.count, s[i] == UInt8(ascii: "n") { i += 1; return .n }
            var value = 0, digits = 0
            while i < s.count, s[i] >= 0x30, s[i] <= 0x39 { value = value * 10 + Int(s[i] - 0x30); i += 1; digits += 1 }
            return digits > 0 ? .number(value) : nil
        }
    }
}

extension TranslationCheck {
    /// `Plural-Forms` of each catalog of locale `tag`, against the CLDR rules the documents use:
    /// `expected(n)` is the `msgstr` index CLDR's category of `n` maps to, `forms` their count.
    /// A missing or unparsable header, another count, or any n in 0…1000 (and some large counts)
    /// mapped to another form is a problem.
    public static func pluralFormsProblems(_ repository: ContentRepository, tag: String, forms: Int,
                                           expected: (Int) -> Int) -> [TranslationProblem] {
        guard let locale = repository.locale(tag) else { return [] }
        var problems: [TranslationProblem] = []
        for (path, header) in locale.catalogHeaders {
            guard let value = header["Plural-Forms"] else {
                problems.append(TranslationProblem(file: path, line: 1, message: "header has no Plural-Forms")); continue
            }
            guard let rule = PluralForms(value) else {
                problems.append(TranslationProblem(file: path, line: 1, message: "Plural-Forms \"\(value)\" cannot be parsed")); continue
            }
            if rule.count != forms {
                problems.append(TranslationProblem(file: path, line: 1, message: "Plural-Forms has nplurals=\(rule.count); CLDR's rules for \(tag) need \(forms)"))
                continue
            }
            let counts = Array(0...1000) + [1_000_000, 2_000_000, 1_000_001]
            if let n = counts.first(where: { rule.index($0) != expected($0) }) {
                problems.append(TranslationProblem(file: path, line: 1, message:
                    "Plural-Forms gives form \(rule.index(n)) for n=\(n); CLDR's rules for \(tag) give form \(expected(n))"))
            }
        }
        return problems
    }
}
