// Fonts: the faces osteodoc prints with, loaded once per process.

/// The four faces of a family. Arabic has no italic: italic falls back to
/// regular, bold italic to bold.
public enum FontStyle: Sendable, Hashable, CaseIterable {
    case regular, bold, italic, boldItalic

    var isBold: Bool { self == .bold || self == .boldItalic }

    /// 0…3, for table lookups.
    var index: Int {
        switch self {
        case .regular: 0
        case .bold: 1
        case .italic: 2
        case .boldItalic: 3
        }
    }
}

/// Which font family a run of text is set in.
public enum ScriptClass: Sendable, Hashable {
    /// Latin, Greek, Cyrillic and common characters (digits, punctuation): Noto Sans.
    case latin
    /// Arabic: Noto Naskh Arabic.
    case arabic
}

/// A font file opened once, immutable afterwards.
///
/// `@unchecked Sendable`: all properties are constants set in `init`; the
/// HarfBuzz face it wraps is immutable too (see `HarfBuzzFace`).
public final class LoadedFont: @unchecked Sendable, CustomStringConvertible {
    /// The face's index in its file (0 unless the file is a collection).
    public let faceIndex: Int
    /// The font's PostScript name (name table, ID 6), e.g. "NotoSans-Regular".
    public let postScriptName: String
    /// Font units per em (1000 for Noto Sans, 2048 for some fonts).
    public let unitsPerEm: Int
    /// Ascender (positive) and descender (negative, below the baseline) from
    /// the font's horizontal header, in em, i.e. in pt per 1 pt of size.
    public let ascender: Double, descender: Double
    /// Stable identity, the file name without extension, e.g. "NotoSans-Regular".
    public let key: String

    let face: HarfBuzzFace

    convenience init(path: String, key: String, index: Int = 0) throws {
        guard let face = HarfBuzzFace(path: path, index: index) else {
            throw FontLoadingError(path: path)
        }
        self.init(face: face, key: key, index: index)
    }

    /// Loads face `index` of font file bytes held in memory (tests, or a font
    /// that did not come from a file).
    /// - Throws: ``FontLoadingError`` (path `key`) when the bytes are not a font.
    public convenience init(bytes: [UInt8], key: String, index: Int = 0) throws {
        guard let face = HarfBuzzFace(bytes: bytes, index: index) else {
            throw FontLoadingError(path: key)
        }
        self.init(face: face, key: key, index: index)
    }

    private init(face: HarfBuzzFace, key: String, index: Int) {
        self.face = face
        self.key = key
        faceIndex = index
        postScriptName = face.postScriptName
        unitsPerEm = face.unitsPerEm
        ascender = face.ascender
        descender = face.descender
    }

    /// Horizontal advance of a glyph in em (pt per 1 pt of size).
    public func advance(of glyph: UInt16) -> Double { face.advance(of: glyph) }

    /// Whether the font has a glyph for the character (cmap lookup).
    public func covers(_ scalar: Unicode.Scalar) -> Bool { face.covers(scalar.value) }

    /// The glyph the font's cmap assigns to `scalar`, if any (never `.notdef`).
    public func nominalGlyph(_ scalar: Unicode.Scalar) -> UInt16? { face.nominalGlyph(scalar.value) }

    /// Whether GDEF classes the glyph as a mark (without GDEF: it has no advance).
    public func isMark(_ glyph: UInt16) -> Bool { face.isMark(glyph) }

    /// The values a writer needs to embed the font, read from its tables.
    public func programFacts() -> FontProgramFacts { face.programFacts() }

    /// A font program with `.notdef` and `glyphs` (sorted, unique), glyph ids
    /// unchanged, without layout tables or hinting: what a document whose text is
    /// already shaped embeds. Safe to call from several threads.
    /// - Throws: ``FontSubsetError`` when hb-subset fails.
    public func subset(glyphs: [UInt16]) throws -> [UInt8] { try face.subset(glyphs: glyphs) }

    /// The font's `key`.
    public var description: String { key }
}

/// A fallback font family of `FontLibrary`: files `<name>-Regular.<ext>` and
/// `<name>-Bold.<ext>`, face `faceIndex` of each (collections hold several).
public struct FallbackFamily: Sendable, Hashable {
    /// Which of the library's two folders holds the files.
    public enum Directory: Sendable, Hashable {
        /// The TrueType folder (fonts-noto-core: /usr/share/fonts/truetype/noto).
        case trueType
        /// The OpenType folder (fonts-noto-cjk: /usr/share/fonts/opentype/noto).
        case openType
    }

    public var name: String
    public var directory: Directory
    public var fileExtension: String
    public var faceIndex: Int

    /// A family `name` (e.g. "NotoSansHebrew") of `.ttf` files in the TrueType folder unless told otherwise.
    public init(name: String, directory: Directory = .trueType, fileExtension: String = "ttf", faceIndex: Int = 0) {
        self.name = name
        self.directory = directory
        self.fileExtension = fileExtension
        self.faceIndex = faceIndex
    }
}

/// A font file is missing or unreadable.
public struct FontLoadingError: Error, CustomStringConvertible {
    /// The full path of the file that could not be loaded.
    public let path: String

    /// A message naming the file.
    public var description: String {
        "cannot load font file \(path) (missing or not a font; on Debian install fonts-noto-core)"
    }
}

/// Every font osteodoc uses, loaded once per process and shared by all
/// documents; immutable after `init`.
///
/// `@unchecked Sendable`: the stored dictionaries are constants and every
/// `LoadedFont` is immutable.
public final class FontLibrary: @unchecked Sendable {
    /// The fonts per script and style, primary first: a character is set in
    /// the first font of the chain that covers it.
    private let chains: [ChainKey: [LoadedFont]]
    /// Every loaded font, in a fixed order (Latin faces first, then Arabic).
    public let allFonts: [LoadedFont]

    private struct ChainKey: Hashable {
        var script: ScriptClass
        var style: FontStyle
    }

    /// Fallback families, after Noto Sans and the Arabic family in every chain, for
    /// the scripts of names a hospital in Italy meets: Chinese (and Japanese, Korean)
    /// from Noto Sans CJK SC, and the Noto Sans families of fonts-noto-core for
    /// Hebrew, Devanagari (Hindi), Bengali, Gurmukhi (Punjabi), Tamil, Sinhala,
    /// Malayalam, Georgian, Armenian, Ethiopic (Amharic, Tigrinya) and Thai. Greek
    /// and Cyrillic are in Noto Sans itself. A file that is not installed is left
    /// out; `covers` then reports the characters only it would print.
    public static let fallbackFamilies: [FallbackFamily] = [
        FallbackFamily(name: "NotoSansCJK", directory: .openType, fileExtension: "ttc", faceIndex: 2),  // SC
        FallbackFamily(name: "NotoSansHebrew"), FallbackFamily(name: "NotoSansDevanagari"),
        FallbackFamily(name: "NotoSansBengali"), FallbackFamily(name: "NotoSansGurmukhi"),
        FallbackFamily(name: "NotoSansTamil"), FallbackFamily(name: "NotoSansSinhala"),
        FallbackFamily(name: "NotoSansMalayalam"), FallbackFamily(name: "NotoSansGeorgian"),
        FallbackFamily(name: "NotoSansArmenian"), FallbackFamily(name: "NotoSansEthiopic"),
        FallbackFamily(name: "NotoSansThai"),
    ]

    /// Loads Noto Sans (regular, bold, italic, bold italic) and an Arabic
    /// family (regular, bold; Noto Naskh Arabic unless told otherwise, e.g.
    /// "NotoSansArabic") from `directory`, then the regular and bold faces of the
    /// `fallbacks` that are installed (TrueType ones from `directory`, collections
    /// from `openTypeDirectory`, Debian's fonts-noto-cjk).
    /// - Throws: `FontLoadingError` naming the first file that is missing.
    public init(directory: String = "/usr/share/fonts/truetype/noto", arabicFamily: String = "NotoNaskhArabic",
                openTypeDirectory: String = "/usr/share/fonts/opentype/noto",
                fallbacks: [FallbackFamily] = FontLibrary.fallbackFamilies) throws {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        func load(_ key: String) throws -> LoadedFont {
            try LoadedFont(path: "\(base)/\(key).ttf", key: key)
        }
        // Indexed by `FontStyle.index`: regular, bold, italic, bold italic.
        let sans: [LoadedFont] = [
            try load("NotoSans-Regular"), try load("NotoSans-Bold"),
            try load("NotoSans-Italic"), try load("NotoSans-BoldItalic"),
        ]
        let naskhRegular = try load("\(arabicFamily)-Regular")
        let naskhBold = try load("\(arabicFamily)-Bold")

        // Fallbacks: (regular, bold) pairs; a family without a bold file uses its regular.
        var extra = [(regular: LoadedFont, bold: LoadedFont)]()
        let openTypeBase = openTypeDirectory.hasSuffix("/") ? String(openTypeDirectory.dropLast()) : openTypeDirectory
        for family in fallbacks {
            let folder = family.directory == .openType ? openTypeBase : base
            func face(_ weight: String) -> LoadedFont? {
                let file = "\(family.name)-\(weight)"
                return try? LoadedFont(path: "\(folder)/\(file).\(family.fileExtension)", key: file,
                                       index: family.faceIndex)
            }
            guard let regular = face("Regular") else { continue }
            extra.append((regular, face("Bold") ?? regular))
        }

        var chains = [ChainKey: [LoadedFont]]()
        for style in FontStyle.allCases {
            let naskh = style.isBold ? naskhBold : naskhRegular
            let tail = extra.map { style.isBold ? $0.bold : $0.regular }
            chains[ChainKey(script: .latin, style: style)] = [sans[style.index], naskh] + tail
            chains[ChainKey(script: .arabic, style: style)] = [naskh, sans[style.index]] + tail
        }
        self.chains = chains
        var all = sans + [naskhRegular, naskhBold]
        for pair in extra {
            all.append(pair.regular)
            if pair.bold !== pair.regular { all.append(pair.bold) }
        }
        allFonts = all
    }

    /// Whether every character of `text` that needs a glyph has one in some font
    /// of the library: the question `plan check` asks of every printed value, so
    /// that a PDF never fails half-way for a name in a script nothing covers.
    /// Spaces, line breaks, controls and default-ignorable characters (bidi
    /// controls, joiners, variation selectors, soft hyphens) need none.
    public func covers(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x7F || CharacterClass.isNoBreakSpace(value) || CharacterClass.isNewline(value)
                || CharacterClass.isDefaultIgnorable(value) { continue }
            let category = scalar.properties.generalCategory
            if category == .control || category == .format || category == .spaceSeparator { continue }
            if !allFonts.contains(where: { $0.face.covers(value) }) { return false }
        }
        return true
    }

    /// The primary font for a script class and style.
    public func font(for script: ScriptClass, style: FontStyle) -> LoadedFont {
        chain(for: script, style: style)[0]
    }

    /// The fallback chain for a script class and style, primary first.
    public func chain(for script: ScriptClass, style: FontStyle) -> [LoadedFont] {
        chains[ChainKey(script: script, style: style)]!
    }

    /// The chains as indices into `allFonts`, indexed by `FontTable.chainIndex`.
    func chainIndices() -> [[Int]] {
        var result = [[Int]]()
        for script in [ScriptClass.latin, .arabic] {
            for style in FontStyle.allCases {
                result.append(chain(for: script, style: style).map { font in
                    allFonts.firstIndex { $0 === font }!
                })
            }
        }
        return result
    }
}

/// The library's fonts, fallback chains and the metrics the hot loops need,
/// as plain values indexed by font number (no class references to retain).
struct FontTable {
    let fonts: [LoadedFont]
    /// Fonts of all chains, one after the other; chain `c` is
    /// `chainFonts[chainStarts[c]..<chainStarts[c + 1]]`.
    private let chainFonts: [Int]
    private let chainStarts: [Int]
    /// BMP coverage bitmaps, 1024 words per font.
    private let coverage: [UInt64]
    let spaceAdvance: [Double]
    let hyphenAdvance: [Double]
    let spaceGlyph: [UInt16]
    let noBreakSpaceGlyph: [UInt16]
    let hyphenGlyph: [UInt16]
    /// "-" (U+002D), or "‐" (U+2010) where the font has only that.
    let hyphenText: [String]

    init(_ library: FontLibrary) {
        fonts = library.allFonts
        var chainFonts = [Int](), chainStarts = [0]
        for chain in library.chainIndices() {
            chainFonts += chain
            chainStarts.append(chainFonts.count)
        }
        self.chainFonts = chainFonts
        self.chainStarts = chainStarts
        coverage = fonts.flatMap { $0.face.bmpCoverage }
        spaceAdvance = fonts.map { $0.face.spaceAdvance }
        hyphenAdvance = fonts.map { $0.face.hyphenAdvance }
        spaceGlyph = fonts.map { $0.face.spaceGlyph }
        noBreakSpaceGlyph = fonts.map { $0.face.noBreakSpaceGlyph }
        hyphenGlyph = fonts.map { $0.face.hyphenGlyph }
        hyphenText = fonts.map { $0.face.hyphenIsMinus ? "-" : "\u{2010}" }
    }

    /// The chain for a script class and style (an index for `firstCovering`, `primary`).
    func chain(arabic: Bool, style: FontStyle) -> Int {
        (arabic ? 4 : 0) + style.index
    }

    func primary(_ chain: Int) -> Int { chainFonts[chainStarts[chain]] }

    func covers(_ font: Int, _ scalar: UInt32) -> Bool {
        if scalar < 0x10000 {
            return coverage[font &* 1024 &+ Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
        }
        return fonts[font].face.covers(scalar)
    }

    /// The first font of the chain that has a glyph for the scalar, or −1.
    func firstCovering(_ chain: Int, _ scalar: UInt32) -> Int {
        for index in chainStarts[chain]..<chainStarts[chain + 1] where covers(chainFonts[index], scalar) {
            return chainFonts[index]
        }
        return -1
    }
}
