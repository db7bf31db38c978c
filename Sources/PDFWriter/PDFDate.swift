// Dates: RFC 3339 in, ISO 32000-1 §7.9.4 date strings and XMP (ISO 8601) out.
// Parsed by hand: no Foundation formatter, no time zone database, no clock.

/// A date-time given as RFC 3339, kept with its own UTC offset.
struct PDFDate: Equatable {
    var year: Int, month: Int, day: Int
    var hour: Int, minute: Int, second: Int
    /// Fractional-second digits as written (may be empty).
    var fraction: String
    /// Offset from UTC in minutes; nil for "Z" (and RFC 3339's "-00:00").
    var offsetMinutes: Int?

    /// Parses `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`; "t", "z" and a space for
    /// "T" are accepted too (RFC 3339 §5.6).
    init(rfc3339 text: String) throws {
        let bytes = Array(text.utf8)
        func fail() -> PDFWriterError {
            PDFWriterError(.invalidDate, "creationDate \"\(text)\" is not an RFC 3339 date-time")
        }
        func digits(_ start: Int, _ count: Int) throws -> Int {
            guard start + count <= bytes.count else { throw fail() }
            var value = 0
            for byte in bytes[start..<start + count] {
                guard byte >= 0x30 && byte <= 0x39 else { throw fail() }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func expect(_ index: Int, _ allowed: [UInt8]) throws {
            guard index < bytes.count, allowed.contains(bytes[index]) else { throw fail() }
        }
        year = try digits(0, 4)
        try expect(4, [0x2D])
        month = try digits(5, 2)
        try expect(7, [0x2D])
        day = try digits(8, 2)
        try expect(10, [0x54, 0x74, 0x20])  // T t space
        hour = try digits(11, 2)
        try expect(13, [0x3A])
        minute = try digits(14, 2)
        try expect(16, [0x3A])
        second = try digits(17, 2)
        var index = 19
        var fractionBytes: [UInt8] = []
        if index < bytes.count && bytes[index] == 0x2E {
            index += 1
            while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                fractionBytes.append(bytes[index])
                index += 1
            }
            guard !fractionBytes.isEmpty else { throw fail() }
        }
        fraction = String(decoding: fractionBytes, as: UTF8.self)
        guard index < bytes.count else { throw fail() }
        switch bytes[index] {
        case 0x5A, 0x7A:  // Z z
            offsetMinutes = nil
            index += 1
        case 0x2B, 0x2D:  // + -
            let sign = bytes[index] == 0x2D ? -1 : 1
            let hours = try digits(index + 1, 2)
            try expect(index + 3, [0x3A])
            let minutes = try digits(index + 4, 2)
            guard hours <= 23, minutes <= 59 else { throw fail() }
            let total = sign * (hours * 60 + minutes)
            offsetMinutes = total == 0 && sign < 0 ? nil : total
            index += 6
        default:
            throw fail()
        }
        guard index == bytes.count else { throw fail() }

        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...monthDays[month - 1]).contains(day),
              hour <= 23, minute <= 59, second <= 60
        else { throw fail() }
    }

    /// §7.9.4: `D:YYYYMMDDHHmmSSOHH'mm'` (O is +, - or Z). PDF has no leap second,
    /// so :60 is written as 59.
    var pdfString: String {
        var text = "D:" + pad(year, 4) + pad(month, 2) + pad(day, 2)
            + pad(hour, 2) + pad(minute, 2) + pad(min(second, 59), 2)
        if let offset = offsetMinutes {
            text += (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + "'" + pad(abs(offset) % 60, 2) + "'"
        } else {
            text += "Z"
        }
        return text
    }

    /// The XMP (ISO 8601) form, normalised: upper-case T, Z or ±HH:MM.
    var xmpString: String {
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
            + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
        if !fraction.isEmpty { text += "." + fraction }
        if let offset = offsetMinutes {
            text += (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
        } else {
            text += "Z"
        }
        return text
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
