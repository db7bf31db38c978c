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
    /// Hyphenation points by word, in two generations (the policy of `GenerationalCache`,
    /// with buckets compared in place): the words every document uses stay, one patient's
    /// names and streets leave after two generations of `cacheGeneration` words.
    private var cache: [Int: [(word: [Unicode.Scalar], points: [Int])]] = [:]
    private var oldCache: [Int: [(word: [Unicode.Scalar], points: [Int])]] = [:]
    private var cacheCount = 0
    static let cacheGeneration = 10_000

    /// Minimum letters before the first and after the last hyphen
    /// (`\lefthyphenmin`/`\righthyphenmin`): two before, three after, so that
    /// a line never ends in one letter and the next never begins with two
    /// ("ca-sa", "anestesi-a"); a dictionary may ask for more.
    static let leftMin = 2, rightMin = 3
    /// Words shorter than this many letters are never hyphenated.
    static let minimumWord = 6
    /// Nor runs of letters longer than this: no word of a shipped language comes
    /// near it; such a run is cut at grapheme boundaries like any overlong text.
    static let maximumWord = 64

    /// The script of the dictionary's words: only letters of this script are
    /// given to it (Latin words in a Ukrainian text, Cyrillic ones in an Italian
    /// text, Arabic anywhere are never hyphenated with the wrong patterns).
    let script: ScriptCode

    private init?(path: String, script: ScriptCode, cacheDirectory: String?) {
        self.script = script
        // libhyphen compiles the patterns into a state machine on every load; for
        // Debian's German file (78,000 patterns) that takes about 2 s. The compiled
        // machine is therefore kept in a cache file and read back in milliseconds.
        let cache = CompiledDictionaryCache(source: path, directory: cacheDirectory)
        if let cached = cache?.load() {
            dictionary = cached
        } else {
            guard let loaded = hnj_hyphen_load(path) else { return nil }
            dictionary = loaded
            cache?.store(loaded)
        }
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

        func get(_ path: String, script: ScriptCode, cacheDirectory: String?) -> Hyphenator? {
            lock.lock()
            defer { lock.unlock() }
            if !loaded {
                hyphenator = Hyphenator(path: path, script: script, cacheDirectory: cacheDirectory)
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
    /// listed (ar, …) have no dictionary here and are never hyphenated.
    private static let defaultFiles = [
        "it": "hyph_it_IT.dic", "de": "hyph_de_DE.dic", "en": "hyph_en_US.dic", "fr": "hyph_fr.dic",
        "ro": "hyph_ro_RO.dic", "uk": "hyph_uk_UA.dic", "ru": "hyph_ru_RU.dic",
    ]

    /// The script of each language's dictionary (Latin unless listed).
    private static let scripts: [String: ScriptCode] = ["uk": .cyrillic, "ru": .cyrillic]

    /// The hyphenator for a BCP 47 tag ("it", "de-CH", …), loading its
    /// dictionary on first use (Italian: under 1 ms; German, 1 MB of
    /// patterns: about 2 s — see `Typesetter.preloadHyphenation`); nil when
    /// there is none. A regional dictionary (`hyph_de_CH.dic`) is preferred
    /// when the tag names a region and the file exists. `cacheDirectory` is where compiled
    /// dictionaries are kept (see `CompiledDictionaryCache`); nil writes and reads none.
    static func forLanguage(_ tag: String, directory: String = "/usr/share/hyphen", cacheDirectory: String? = nil) -> Hyphenator? {
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
                if let hyphenator = slot.get(path, script: scripts[primary] ?? .latin, cacheDirectory: cacheDirectory) {
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

    /// The dictionary file a language should have when it has none in `directory`
    /// (nil: it has one, or osteodoc hyphenates the language without a dictionary, like Arabic).
    static func missingFile(_ tag: String, directory: String) -> String? {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? tag
        guard let file = defaultFiles[primary] else { return nil }
        let path = "\(directory)/\(file)"
        return FileManager.default.fileExists(atPath: path) ? nil : path
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
        func find(_ table: [Int: [(word: [Unicode.Scalar], points: [Int])]]) -> (word: [Unicode.Scalar], points: [Int])? {
            table[hash]?.first { entry in
                entry.word.count == word.count && zip(entry.word, word).allSatisfy { $0 == Self.lowercased($1) }
            }
        }
        if let hit = find(cache) { return hit.points }
        let entry: (word: [Unicode.Scalar], points: [Int])
        if let old = find(oldCache) {
            entry = old
        } else {
            let lower = word.map(Self.lowercased)
            entry = (lower, compute(lower))
        }
        if cacheCount >= Self.cacheGeneration {
            oldCache = cache
            cache = [:]
            cacheCount = 0
        }
        cache[hash, default: []].append(entry)
        cacheCount += 1
        return entry.points
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
        // libhyphen takes a length but also runs strstr() over the word (its NOHYPHEN
        // check), so the buffer must end in NUL; the length passed excludes it.
        let length = bytes.count
        bytes.append(0)
        var hyphens = [CChar](repeating: 0, count: length + 5)
        var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var pos: UnsafeMutablePointer<Int32>?
        var cut: UnsafeMutablePointer<Int32>?
        let status = hnj_hyphen_hyphenate3(dictionary, bytes, Int32(length), &hyphens, nil,
                                           &rep, &pos, &cut,
                                           Int32(Hyphenator.leftMin), Int32(Hyphenator.rightMin),
                                           Int32(Hyphenator.leftMin), Int32(Hyphenator.rightMin))
        defer {
            if let rep {
                for index in 0..<length { free(rep[index]) }
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

// MARK: Compiled dictionaries

/// A file holding libhyphen's compiled state machine for one dictionary, so that
/// later processes skip the compilation. Hand-written because libhyphen has no
/// way to save what it compiles; the structures are the public ones of hyphen.h
/// and are rebuilt with malloc, so `hnj_hyphen_free` releases them as usual.
///
/// Location: the folder the caller gives (the CLI: `$OSTEODOC_CACHE`, else
/// `$XDG_CACHE_HOME/osteodoc`, else `~/.cache/osteodoc`); no folder, no cache. The name carries the source's path, size and modification
/// time, and the file starts with a format tag: a changed dictionary or format is
/// compiled again. Writing is best effort (temporary file, then rename); any
/// problem reading falls back to compiling. Hyphenation results are the same either way.
struct CompiledDictionaryCache {
    let file: String
    private static let magic: [UInt8] = Array("OSTHYPH2".utf8)

    init?(source: String, directory: String?) {
        guard let base = directory, !base.isEmpty,
              let attributes = try? FileManager.default.attributesOfItem(atPath: source),
              let size = (attributes[.size] as? NSNumber)?.intValue,
              let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 else { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in "\(source)|\(size)|\(Int(modified))".utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        let name = (source as NSString).lastPathComponent
        file = "\(base)/\(name).\(String(h, radix: 16)).compiled"
    }

    // MARK: Writing

    func store(_ dictionary: UnsafeMutablePointer<HyphenDict>) {
        var out = Self.magic
        var level: UnsafeMutablePointer<HyphenDict>? = dictionary
        while let dict = level {
            let d = dict.pointee
            out += [UInt8(bitPattern: d.lhmin), UInt8(bitPattern: d.rhmin), UInt8(bitPattern: d.clhmin), UInt8(bitPattern: d.crhmin)]
            Self.int(&out, Int32(d.nohyphenl))
            // `nohyphen` holds `nohyphenl + 1` NUL-terminated strings back to back
            // (`nohyphenl` counts the separators; libhyphen reads one string more).
            if let nohyphen = d.nohyphen {
                var length = 0
                for _ in 0...max(Int(d.nohyphenl), 0) { length += strlen(nohyphen + length) + 1 }
                Self.bytes(&out, UnsafeRawPointer(nohyphen), length)
            } else {
                Self.int(&out, -1)
            }
            Self.int(&out, d.num_states)
            withUnsafeBytes(of: d.cset) { out += $0 }
            Self.int(&out, d.utf8)
            for i in 0..<Int(d.num_states) {
                let state = d.states[i]
                Self.string(&out, state.match)
                Self.string(&out, state.repl)
                out += [UInt8(bitPattern: state.replindex), UInt8(bitPattern: state.replcut)]
                Self.int(&out, state.fallback_state)
                Self.int(&out, state.num_trans)
                for t in 0..<Int(state.num_trans) {
                    out.append(UInt8(bitPattern: state.trans[t].ch))
                    Self.int(&out, state.trans[t].new_state)
                }
            }
            out.append(d.nextlevel == nil ? 0 : 1)
            level = d.nextlevel
        }
        let directory = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = "\(file).\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(out)) else { return }
        if rename(temporary, file) != 0 { unlink(temporary) }
    }

    private static func int(_ out: inout [UInt8], _ value: Int32) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }

    private static func bytes(_ out: inout [UInt8], _ pointer: UnsafeRawPointer, _ count: Int) {
        int(&out, Int32(count))
        out += UnsafeRawBufferPointer(start: pointer, count: count)
    }

    private static func string(_ out: inout [UInt8], _ text: UnsafeMutablePointer<CChar>?) {
        guard let text else { return int(&out, -1) }
        bytes(&out, UnsafeRawPointer(text), strlen(text))
    }

    // MARK: Reading

    func load() -> UnsafeMutablePointer<HyphenDict>? {
        guard let data = FileManager.default.contents(atPath: file), data.count > Self.magic.count,
              data.prefix(Self.magic.count).elementsEqual(Self.magic) else { return nil }
        return data.withUnsafeBytes { raw -> UnsafeMutablePointer<HyphenDict>? in
            var reader = Reader(bytes: raw, offset: Self.magic.count)
            return reader.dictionary()
        }
    }

    /// Rebuilds the structures with malloc (what `hnj_hyphen_free` expects); nil on any inconsistency.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset: Int

        mutating func int() -> Int32? {
            guard offset + 4 <= bytes.count else { return nil }
            var value: Int32 = 0
            withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 4])) }
            offset += 4
            return Int32(littleEndian: value)
        }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        /// A malloc'ed copy of `count` bytes plus a terminating NUL; `.some(nil)` for a NULL pointer.
        mutating func block() -> UnsafeMutablePointer<CChar>?? {
            guard let count = int() else { return nil }
            if count < 0 { return .some(nil) }
            guard offset + Int(count) <= bytes.count, let memory = malloc(Int(count) + 1) else { return nil }
            memcpy(memory, bytes.baseAddress! + offset, Int(count))
            memory.storeBytes(of: 0, toByteOffset: Int(count), as: UInt8.self)
            offset += Int(count)
            return .some(memory.assumingMemoryBound(to: CChar.self))
        }

        mutating func dictionary() -> UnsafeMutablePointer<HyphenDict>? {
            guard let memory = calloc(1, MemoryLayout<HyphenDict>.stride) else { return nil }
            let dict = memory.assumingMemoryBound(to: HyphenDict.self)
            guard let l = byte(), let r = byte(), let cl = byte(), let cr = byte(),
                  let nohyphenl = int(), let nohyphen = block(),
                  let states = int(), states >= 0, offset + MemoryLayout.size(ofValue: dict.pointee.cset) <= bytes.count
            else { free(memory); return nil }
            dict.pointee.lhmin = CChar(bitPattern: l)
            dict.pointee.rhmin = CChar(bitPattern: r)
            dict.pointee.clhmin = CChar(bitPattern: cl)
            dict.pointee.crhmin = CChar(bitPattern: cr)
            dict.pointee.nohyphenl = nohyphenl
            dict.pointee.nohyphen = nohyphen
            withUnsafeMutableBytes(of: &dict.pointee.cset) { cset in
                cset.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + cset.count]))
                offset += cset.count
            }
            guard let utf8 = int(),
                  let stateMemory = calloc(max(Int(states), 1), MemoryLayout<HyphenState>.stride) else {
                hnj_hyphen_free(dict); return nil
            }
            dict.pointee.utf8 = utf8
            dict.pointee.states = stateMemory.assumingMemoryBound(to: HyphenState.self)
            dict.pointee.num_states = states  // every state is zeroed, so a partial read frees cleanly
            for i in 0..<Int(states) {
                guard let match = block(), let repl = block(), let replindex = byte(), let replcut = byte(),
                      let fallback = int(), let transitions = int(), transitions >= 0 else {
                    hnj_hyphen_free(dict); return nil
                }
                let state = dict.pointee.states + i
                state.pointee.match = match
                state.pointee.repl = repl
                state.pointee.replindex = Int8(bitPattern: replindex)
                state.pointee.replcut = Int8(bitPattern: replcut)
                state.pointee.fallback_state = fallback
                if transitions > 0 {
                    guard let trans = calloc(Int(transitions), MemoryLayout<HyphenTrans>.stride) else { hnj_hyphen_free(dict); return nil }
                    state.pointee.trans = trans.assumingMemoryBound(to: HyphenTrans.self)
                    state.pointee.num_trans = transitions
                    for t in 0..<Int(transitions) {
                        guard let ch = byte(), let next = int() else { hnj_hyphen_free(dict); return nil }
                        state.pointee.trans[t] = HyphenTrans(ch: CChar(bitPattern: ch), new_state: next)
                    }
                }
            }
            guard let more = byte() else { hnj_hyphen_free(dict); return nil }
            if more == 1 {
                guard let next = dictionary() else { hnj_hyphen_free(dict); return nil }
                dict.pointee.nextlevel = next
            }
            return dict
        }
    }
}
