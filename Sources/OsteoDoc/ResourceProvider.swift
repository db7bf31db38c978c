import Foundation

/// Everything the engine takes from the outside world, given once to ``OsteoDoc``:
/// the content folder (templates/, locales/), the font folder, the hyphenation
/// dictionaries and, optionally, a folder where it may keep compiled dictionaries.
///
/// The engine reads no environment variable and writes no file except into
/// ``cacheDirectory``; the CLI builds a provider from its flags and environment,
/// a service from its configuration.
public struct ResourceProvider: Sendable, Equatable {
    /// The folder holding `templates/` and `locales/`.
    public var resources: URL
    /// The folder with the Noto fonts (Debian's fonts-noto-core).
    public var fontDirectory: String
    /// The folder with libhyphen's dictionaries (`hyph_it_IT.dic`, …; Debian's hyphen-* packages).
    public var hyphenationDirectory: String
    /// An RGB ICC profile file for the PDF/A OutputIntent; nil: the built-in sRGB profile
    /// (`SRGBProfile`, 588 bytes; Debian's /usr/share/color/icc/sRGB.icc also serves).
    public var iccProfile: String?
    /// Where compiled hyphenation dictionaries may be kept across processes (German: 2 s to
    /// compile, milliseconds to read back); nil: nothing is written.
    public var cacheDirectory: String?

    /// Debian's font folder.
    public static let debianFonts = "/usr/share/fonts/truetype/noto"
    /// Debian's hyphenation folder.
    public static let debianHyphenation = "/usr/share/hyphen"

    public init(resources: URL, fontDirectory: String = ResourceProvider.debianFonts,
                hyphenationDirectory: String = ResourceProvider.debianHyphenation,
                iccProfile: String? = nil, cacheDirectory: String? = nil) {
        self.resources = resources
        self.fontDirectory = fontDirectory
        self.hyphenationDirectory = hyphenationDirectory
        self.iccProfile = iccProfile
        self.cacheDirectory = cacheDirectory
    }
}
