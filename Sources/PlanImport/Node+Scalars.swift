extension Node {
    /// A JSON string that satisfies `rule`.
    func string(_ rule: TextRule) -> String? {
        guard case .string(let string) = value else {
            report("must be a string")
            return nil
        }
        if let message = rule.violation(in: string) {
            report(message)
            return nil
        }
        return string
    }

    /// A JSON `true` or `false` (never a number).
    func bool() -> Bool? {
        guard case .bool(let flag) = value else {
            report("must be a boolean")
            return nil
        }
        return flag
    }

    /// A JSON number with no fractional part, within `range`.
    ///
    /// `2.0` and `2e0` are accepted as 2: JSON has a single number type and many
    /// serializers write whole doubles with `.0`. `2.5`, `"2"` and `true` are refused.
    func integer(in range: ClosedRange<Int>) -> Int? {
        guard case .number(let number) = value, number.isFinite, number.rounded(.towardZero) == number else {
            report("must be an integer")
            return nil
        }
        // Compare as Double first: converting a huge value to Int would trap.
        guard number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            report("must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return Int(number)
    }

    /// A code from a closed list: the string must be one of `E`'s raw values.
    /// An unknown code is not quoted (it may be anything the sender typed).
    func code<E: RawRepresentable & CaseIterable>(_: E.Type) -> E? where E.RawValue == String {
        guard case .string(let string) = value else {
            report("must be a string")
            return nil
        }
        guard let code = E(rawValue: string) else {
            report("must be one of: " + E.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        return code
    }

    /// An array of distinct codes from a closed list. A repeated code is reported at
    /// its second position; it is quoted because it is a valid code of the list.
    func codes<E: RawRepresentable & CaseIterable & Hashable>(
        _ type: E.Type, count: ClosedRange<Int> = 0...Int.max
    ) -> [E]? where E.RawValue == String {
        guard let elements = array(count: count) else { return nil }
        var codes: [E] = []
        var seen: Set<E> = []
        var valid = true
        for element in elements {
            guard let code = element.code(type) else {
                valid = false
                continue
            }
            if !seen.insert(code).inserted {
                element.report("\"\(code.rawValue)\" is already listed")
                valid = false
            }
            codes.append(code)
        }
        return valid ? codes : nil
    }

    /// How a volume in millilitres becomes a whole number of tenths.
    enum TenthsRounding {
        /// The number must be a whole number of tenths (at most one decimal).
        case exact
        /// Any number; rounded half-up to the nearest tenth.
        case halfUp
    }

    /// A JSON number of millilitres within `range` (given in tenths, so that the
    /// bounds are exact), as a whole number of tenths.
    func tenths(in range: ClosedRange<Int>, rounding: TenthsRounding) -> Int? {
        guard case .number(let number) = value, number.isFinite else {
            report("must be a number")
            return nil
        }
        // Dividing an exact integer by 10 gives the double nearest to the decimal,
        // which is what parsing the decimal text gives too: the bounds are exact.
        guard number >= Double(range.lowerBound) / 10, number <= Double(range.upperBound) / 10 else {
            report("must be between \(Self.millilitres(range.lowerBound)) and \(Self.millilitres(range.upperBound))")
            return nil
        }
        switch rounding {
        case .exact:
            // `8.0` → 80. For `8.05`, no whole number of tenths maps back to the
            // parsed double, so it is refused. Same nearest-double argument as above.
            let tenths = (number * 10).rounded()
            guard tenths / 10 == number else {
                report("must have at most one decimal")
                return nil
            }
            return Int(tenths)
        case .halfUp:
            return Self.tenthsRoundedHalfUp(number)
        }
    }

    /// Rounds a non-negative number half-up to tenths, on its decimal digits.
    ///
    /// `number * 10` rounded in binary gets ties wrong (1.15 is stored as
    /// 1.149999…, yet the sender wrote 1.15, which rounds up to 1.2). Swift's
    /// `description` is the shortest decimal that reads back as the same double,
    /// i.e. the number as the sender wrote it (up to 15–17 significant digits), so
    /// its first two decimals decide. For the 0–60 range of this contract, only values
    /// below 1e-4 print in exponent form, and they all round to 0.
    static func tenthsRoundedHalfUp(_ number: Double) -> Int {
        assert(number >= 0 && number < 1e15)
        let text = number.description
        guard !text.contains("e"), let dot = text.firstIndex(of: ".") else { return 0 }
        let whole = Int(text[..<dot]) ?? 0
        let decimals = text[text.index(after: dot)...].compactMap(\.wholeNumberValue)
        let first = decimals.first ?? 0
        let roundsUp = decimals.count > 1 && decimals[1] >= 5
        return whole * 10 + first + (roundsUp ? 1 : 0)
    }

    private static func millilitres(_ tenths: Int) -> String {
        tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
