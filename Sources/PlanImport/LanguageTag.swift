/// Well-formedness of a BCP 47 language tag (RFC 5646 §2.1), for the subset
/// patients' languages need: `language[-script][-region](-variant)*`.
///
/// - language: 2–3 letters (`it`, `de`, `ar`, `fil`)
/// - script: 4 letters (`sr-Latn`)
/// - region: 2 letters or 3 digits (`fr-CH`, `es-419`)
/// - variant: 5–8 letters/digits, or a digit followed by 3 letters/digits (`de-CH-1996`)
///
/// Case-insensitive. Subtags are not looked up in the IANA registry. Extended
/// language subtags, extensions (`-u-…`), private use (`-x-…`) and grandfathered
/// tags are refused: the planning core has no reason to send them.
enum LanguageTag {
    static func isWellFormed(_ tag: String) -> Bool {
        let subtags = tag.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let language = subtags.first, (2...3).contains(language.count), language.allSatisfy(\.isASCIILetter)
        else { return false }
        var rest = subtags.dropFirst()
        if let script = rest.first, script.count == 4, script.allSatisfy(\.isASCIILetter) {
            rest = rest.dropFirst()
        }
        if let region = rest.first,
           (region.count == 2 && region.allSatisfy(\.isASCIILetter)) || (region.count == 3 && region.allSatisfy(\.isASCIIDigit)) {
            rest = rest.dropFirst()
        }
        return rest.allSatisfy { variant in
            guard variant.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit }) else { return false }
            return (5...8).contains(variant.count) || (variant.count == 4 && variant.first?.isASCIIDigit == true)
        }
    }
}
