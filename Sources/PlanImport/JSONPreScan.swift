/// A single cheap pass over the raw bytes, run before Foundation's JSON parser.
///
/// - **Nesting depth.** Foundation's JSON parser is recursive: each nested array or
///   object costs stack frames, so input like 200,000 `[` could exhaust the stack of
///   a thread with a small stack. Recent Foundation releases stop at 512 levels on
///   their own, but that is an implementation detail this module does not rely on.
///   The contract needs 4 levels; anything deeper than `maximumDepth` is refused here,
///   iteratively, in O(n) time and O(depth) memory.
/// - **Duplicate keys.** `JSONSerialization` silently keeps one of two equal keys in an
///   object. In a patient document "which `birthDate` wins" must not be a guess, so
///   duplicate keys are found here, with their paths. Inside the top-level
///   `extensions` object (free content, ignored) they are allowed.
///
/// The scan assumes the bytes are JSON. On input that is not, whatever it reports is
/// discarded, because Foundation's parser rejects such input afterwards.
enum JSONPreScan {
    /// Deepest nesting accepted: the root object counts as level 1.
    static let maximumDepth = 32

    enum Outcome: Equatable {
        case tooDeep
        case scanned(duplicateKeys: [JSONPath])
    }

    private struct Frame {
        let isObject: Bool
        /// Inside `extensions`: keys are neither tracked nor checked.
        let isIgnored: Bool
        var keys: Set<String> = []
        var currentKey: String?
        var index = 0

        var pathComponent: JSONPath.Component {
            isObject ? .key(currentKey ?? "") : .index(index)
        }
    }

    static func scan(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        var frames: [Frame] = []
        var duplicates: [JSONPath] = []
        var lastString: Range<Int>?
        var lastStringHasEscape = false
        var i = 0
        let n = bytes.count

        while i < n {
            switch bytes[i] {
            case UInt8(ascii: "\""):
                // Skip the string; only its extent matters (it may be a key).
                var j = i + 1
                var hasEscape = false
                while j < n, bytes[j] != UInt8(ascii: "\"") {
                    if bytes[j] == UInt8(ascii: "\\") {
                        hasEscape = true
                        j += 1
                    }
                    j += 1
                }
                lastString = (i + 1)..<min(j, n)
                lastStringHasEscape = hasEscape
                i = j + 1
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if frames.count == maximumDepth { return .tooDeep }
                let underExtensions = frames.count == 1 && frames[0].isObject
                    && frames[0].currentKey == "extensions"
                let ignored = (frames.last?.isIgnored ?? false) || underExtensions
                frames.append(Frame(isObject: bytes[i] == UInt8(ascii: "{"), isIgnored: ignored))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !frames.isEmpty { frames.removeLast() }
            case UInt8(ascii: ","):
                guard let top = frames.indices.last else { break }
                if frames[top].isObject {
                    frames[top].currentKey = nil
                } else {
                    frames[top].index += 1
                }
            case UInt8(ascii: ":"):
                guard let top = frames.indices.last, frames[top].isObject, let range = lastString else { break }
                let key = lastStringHasEscape ? decodeEscaped(bytes, range) : String(decoding: bytes[range], as: UTF8.self)
                frames[top].currentKey = key
                if !frames[top].isIgnored, !frames[top].keys.insert(key).inserted {
                    let parent = frames.dropLast().reduce(JSONPath.root) { $0.appending($1.pathComponent) }
                    duplicates.append(parent.appending(key))
                }
            default:
                break
            }
            i += 1
        }
        return .scanned(duplicateKeys: duplicates)
    }

    /// Decodes a JSON string body with escapes (RFC 8259 §7), so that `"a"` and
    /// `"\u0061"` are recognised as the same key. Malformed escapes (which
    /// Foundation rejects later) become U+FFFD.
    private static func decodeEscaped(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        var utf8: [UInt8] = []
        var pendingHighSurrogate: UInt32?
        var i = range.lowerBound

        func append(_ scalar: Unicode.Scalar) {
            utf8.append(contentsOf: UTF8.encode(scalar)!)
        }
        func flushSurrogate() {
            if pendingHighSurrogate != nil {
                append("\u{FFFD}")
                pendingHighSurrogate = nil
            }
        }

        while i < range.upperBound {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "\\"), i + 1 < range.upperBound else {
                flushSurrogate()
                utf8.append(byte)
                i += 1
                continue
            }
            let escape = bytes[i + 1]
            i += 2
            if escape == UInt8(ascii: "u") {
                guard i + 4 <= range.upperBound,
                      let unit = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16)
                else {
                    flushSurrogate()
                    append("\u{FFFD}")
                    continue
                }
                i += 4
                switch unit {
                case 0xD800...0xDBFF:
                    flushSurrogate()
                    pendingHighSurrogate = unit
                case 0xDC00...0xDFFF:
                    if let high = pendingHighSurrogate {
                        append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))!)
                        pendingHighSurrogate = nil
                    } else {
                        append("\u{FFFD}")
                    }
                default:
                    flushSurrogate()
                    append(Unicode.Scalar(unit)!)
                }
                continue
            }
            flushSurrogate()
            switch escape {
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            default: utf8.append(escape)  // \" \\ \/ (anything else is invalid JSON anyway)
            }
        }
        flushSurrogate()
        return String(decoding: utf8, as: UTF8.self)
    }
}
