// The only file of the module that imports libhyphen.
//
// Liang's pattern hyphenation (TeX: The Program §919–§965; The TeXbook
// appendix H) as implemented by libhyphen with the LibreOffice/hunspell
// dictionaries in /usr/share/hyphen. Dictionaries are loaded lazily, once per
// process, and every word's result is cached.
import CHyphen
import Foundation

/// Hyphenation points for one language.
///
/// `@unchecked Sendable`: the dictionary pointer is written once in `init`;
/// libhyphen's hyphenation only reads it, but every call and the word cache
/// are still serialised by `lock`.
final class Hyphenator: @unchecked Sendable {
    private let dictionary: UnsafeMutablePointer<HyphenDict>
    private let isUTF8: Bool
    private let lock = NSLock()
    private var cache: [String: [Int]] = [:]

    /// Minimum letters before the first and after the last hyphen (Italian
    /// usage, `\lefthyphenmin`/`\righthyphenmin`); a dictionary may ask for more.
    static let leftMin = 2, rightMin = 2

    private init?(path: String) {
        guard let dictionary = hnj_hyphen_load(path) else { return nil }
        self.dictionary = dictionary
        isUTF8 = dictionary.pointee.utf8 != 0
    }

    deinit {
        hnj_hyphen_free(dictionary)
    }

    // MARK: Registry

    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var registry: [String: Hyphenator?] = [:]

    /// Dictionary file per primary language subtag (BCP 47). Languages not
    /// listed (ar, uk, ro, …) have no dictionary here and are never hyphenated.
    private static let defaultFiles = [
        "it": "hyph_it_IT.dic", "de": "hyph_de_DE.dic", "en": "hyph_en_US.dic", "fr": "hyph_fr.dic",
    ]

    /// The hyphenator for a BCP 47 tag ("it", "de-CH", …), loading its
    /// dictionary on first use (Italian: under 1 ms; German, 1 MB of
    /// patterns: about 2 s — see `Typesetter.preloadHyphenation`); nil when there is none. A regional dictionary
    /// (`hyph_de_CH.dic`) is preferred when the tag names a region and the file exists.
    static func forLanguage(_ tag: String, directory: String = "/usr/share/hyphen") -> Hyphenator? {
        let parts = tag.replacingOccurrences(of: "_", with: "-").split(separator: "-").map(String.init)
        guard let primary = parts.first?.lowercased(), let fallback = defaultFiles[primary] else { return nil }
        var candidates = [String]()
        if parts.count > 1, let region = parts.last, region.count == 2 {
            candidates.append("\(directory)/hyph_\(primary)_\(region.uppercased()).dic")
        }
        candidates.append("\(directory)/\(fallback)")

        registryLock.lock()
        defer { registryLock.unlock() }
        // Regional files are often symbolic links to one dictionary: load it once.
        let resolved = candidates.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
        for path in resolved {
            if let known = registry[path] {
                if let hyphenator = known { return hyphenator }
                continue
            }
            let loaded = FileManager.default.fileExists(atPath: path) ? Hyphenator(path: path) : nil
            registry[path] = .some(loaded)
            if let loaded { return loaded }
        }
        return nil
    }

    // MARK: Hyphenation

    /// Allowed hyphenation points of a word made of letters only: offsets `p`
    /// (in Unicode scalars, `leftMin ≤ p ≤ count − rightMin`) such that the
    /// word may be broken between scalar `p − 1` and scalar `p`.
    func points(_ word: [Unicode.Scalar]) -> [Int] {
        guard word.count >= Self.leftMin + Self.rightMin else { return [] }
        var lower = String.UnicodeScalarView()
        for scalar in word {
            // Patterns are lower case; keep one scalar per scalar so offsets hold.
            let mapped = scalar.properties.lowercaseMapping.unicodeScalars
            lower.append(mapped.count == 1 ? mapped.first! : scalar)
        }
        let key = String(lower)
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[key] { return cached }
        let result = compute(Array(lower))
        if cache.count > 100_000 { cache.removeAll(keepingCapacity: true) }
        cache[key] = result
        return result
    }

    /// Runs `hnj_hyphen_hyphenate3` (must be called with `lock` held).
    private func compute(_ scalars: [Unicode.Scalar]) -> [Int] {
        // Encode in the dictionary's charset.
        var bytes = [CChar]()
        for scalar in scalars {
            if isUTF8 {
                for unit in String(scalar).utf8 { bytes.append(CChar(bitPattern: unit)) }
            } else {
                // ISO 8859-1 dictionaries (German): a word outside Latin-1 is not hyphenated.
                guard scalar.value <= 0xFF else { return [] }
                bytes.append(CChar(bitPattern: UInt8(scalar.value)))
            }
        }
        var hyphens = [CChar](repeating: 0, count: bytes.count + 5)
        var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var pos: UnsafeMutablePointer<Int32>?
        var cut: UnsafeMutablePointer<Int32>?
        let status = hnj_hyphen_hyphenate3(dictionary, bytes, Int32(bytes.count), &hyphens, nil,
                                           &rep, &pos, &cut,
                                           Int32(Hyphenator.leftMin), Int32(Hyphenator.rightMin),
                                           Int32(Hyphenator.leftMin), Int32(Hyphenator.rightMin))
        defer {
            if let rep {
                for index in 0..<bytes.count { free(rep[index]) }
                free(rep)
            }
            free(pos)
            free(cut)
        }
        guard status == 0 else { return [] }
        // libhyphen reports positions per character, also for UTF-8
        // dictionaries: an odd value at index i allows a break after character i.
        var result = [Int]()
        for index in 0..<scalars.count where hyphens[index] & 1 == 1 {
            // Non-standard hyphenation (a spelling change at the break, e.g.
            // old German "Schiff-fahrt") is not supported: skip such points.
            if let rep, rep[index] != nil { continue }
            let point = index + 1
            if point >= Self.leftMin, point <= scalars.count - Self.rightMin { result.append(point) }
        }
        return result
    }
}
