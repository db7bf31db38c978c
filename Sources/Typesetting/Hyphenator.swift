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
    private var cache: [Int: [(word: [Unicode.Scalar], points: [Int])]] = [:]
    private var cacheCount = 0

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

    /// One dictionary file, loaded at most once; its own lock lets a slow
    /// load (German) proceed without blocking other languages.
    private final class Slot: @unchecked Sendable {
        private let lock = NSLock()
        private var loaded = false
        private var hyphenator: Hyphenator?

        func get(_ path: String) -> Hyphenator? {
            lock.lock()
            defer { lock.unlock() }
            if !loaded {
                hyphenator = Hyphenator(path: path)
                loaded = true
            }
            return hyphenator
        }
    }

    private static let registryLock = NSLock()
    /// Slots by resolved file path, and the answer per (directory, language tag).
    nonisolated(unsafe) private static var slots: [String: Slot] = [:]
    nonisolated(unsafe) private static var byTag: [String: Hyphenator?] = [:]

    /// Dictionary file per primary language subtag (BCP 47). Languages not
    /// listed (ar, uk, ro, …) have no dictionary here and are never hyphenated.
    private static let defaultFiles = [
        "it": "hyph_it_IT.dic", "de": "hyph_de_DE.dic", "en": "hyph_en_US.dic", "fr": "hyph_fr.dic",
    ]

    /// The hyphenator for a BCP 47 tag ("it", "de-CH", …), loading its
    /// dictionary on first use (Italian: under 1 ms; German, 1 MB of
    /// patterns: about 2 s — see `Typesetter.preloadHyphenation`); nil when
    /// there is none. A regional dictionary (`hyph_de_CH.dic`) is preferred
    /// when the tag names a region and the file exists.
    static func forLanguage(_ tag: String, directory: String = "/usr/share/hyphen") -> Hyphenator? {
        let tagKey = "\(directory)|\(tag)"
        registryLock.lock()
        let known = byTag[tagKey]
        registryLock.unlock()
        if let known { return known }

        let parts = tag.replacingOccurrences(of: "_", with: "-").split(separator: "-").map(String.init)
        var result: Hyphenator?
        if let primary = parts.first?.lowercased(), let fallback = defaultFiles[primary] {
            var candidates = [String]()
            if parts.count > 1, let region = parts.last, region.count == 2 {
                candidates.append("\(directory)/hyph_\(primary)_\(region.uppercased()).dic")
            }
            candidates.append("\(directory)/\(fallback)")
            for candidate in candidates where FileManager.default.fileExists(atPath: candidate) {
                // Regional files are often symbolic links to one dictionary: load it once.
                let path = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
                registryLock.lock()
                let slot = slots[path] ?? Slot()
                slots[path] = slot
                registryLock.unlock()
                if let hyphenator = slot.get(path) {
                    result = hyphenator
                    break
                }
            }
        }
        registryLock.lock()
        byTag[tagKey] = .some(result)
        registryLock.unlock()
        return result
    }

    // MARK: Hyphenation

    /// Allowed hyphenation points of a word made of letters only: offsets `p`
    /// (in Unicode scalars, `leftMin ≤ p ≤ count − rightMin`) such that the
    /// word may be broken between scalar `p − 1` and scalar `p`.
    func points<Letters: Collection>(_ word: Letters) -> [Int] where Letters.Element == Unicode.Scalar {
        guard word.count >= Self.leftMin + Self.rightMin else { return [] }
        // The cache is keyed by a hash of the lower-cased word, checked
        // letter by letter, so that a hit allocates nothing.
        var hasher = Hasher()
        for scalar in word { hasher.combine(Self.lowercased(scalar).value) }
        let hash = hasher.finalize()
        lock.lock()
        defer { lock.unlock() }
        if let bucket = cache[hash] {
            for entry in bucket where entry.word.count == word.count {
                if zip(entry.word, word).allSatisfy({ $0 == Self.lowercased($1) }) { return entry.points }
            }
        }
        let lower = word.map(Self.lowercased)
        let result = compute(lower)
        if cacheCount > 100_000 {
            cache.removeAll(keepingCapacity: true)
            cacheCount = 0
        }
        cache[hash, default: []].append((lower, result))
        cacheCount += 1
        return result
    }

    /// Patterns are lower case; one scalar maps to one scalar so offsets hold.
    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x80 {
            return value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value + 0x20)! : scalar
        }
        if value >= 0xC0 && value <= 0xDE && value != 0xD7 { return Unicode.Scalar(value + 0x20)! }
        if value <= 0xFF { return scalar }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first! : scalar
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
