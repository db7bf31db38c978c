// Public value types: what goes into the typesetter and what comes out.
import Foundation

/// A piece of paragraph text in one style.
///
/// Spans are equal when their texts are the same UTF-8 bytes, not when they are canonically
/// equivalent Strings: "é" precomposed and decomposed are set with other glyphs and give other
/// extracted text, so a layout cached for one must not serve the other. (String's `==` and hash
/// also normalize non-ASCII text on every call: a layout-cache lookup cost 2,700 instructions
/// that way, 2,100 by bytes; a consent makes 380.)
public struct TextSpan: Sendable, Hashable {
    /// The characters; "\n" forces a line break, U+00A0 is a no-break space, U+00AD a soft hyphen.
    public var text: String
    public var style: FontStyle

    /// A span of `text` in `style` (regular by default).
    public init(_ text: String, style: FontStyle = .regular) {
        self.text = text
        self.style = style
    }

    public static func == (a: TextSpan, b: TextSpan) -> Bool {
        guard a.style == b.style else { return false }
        var x = a.text, y = b.text
        return x.withUTF8 { p in
            y.withUTF8 { q in
                guard p.count == q.count, let p0 = p.baseAddress, let q0 = q.baseAddress else { return p.count == q.count }
                return memcmp(p0, q0, p.count) == 0
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(style)
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(0xFF as UInt8)  // ends the text: no UTF-8 byte is FF
    }
}

/// Horizontal alignment of the lines of a paragraph.
public enum Alignment: Sendable, Hashable {
    /// Both edges flush (inter-word spaces stretched or shrunk); the last line
    /// is set like `.start`.
    case justified
    /// Flush left in a left-to-right paragraph, flush right in a right-to-left one.
    case start
    case center
    /// Flush right in a left-to-right paragraph, flush left in a right-to-left one.
    case end
}

/// The base direction of a paragraph (UAX #9 paragraph level).
public enum BaseDirection: Sendable, Hashable {
    case leftToRight
    case rightToLeft
    /// From the first strong character (UAX #9 P2–P3); left-to-right if there is none.
    case auto
}

/// How a paragraph is set.
public struct ParagraphStyle: Sendable, Hashable {
    /// Font size in pt, e.g. 11.5.
    public var size: Double
    /// Baseline-to-baseline distance in pt (used by Layout; reported, not applied here).
    public var leading: Double
    /// BCP 47 tag ("it", "de", "ar", "uk", …): hyphenation dictionary, line
    /// breaking tailoring and HarfBuzz language.
    public var language: String
    public var direction: BaseDirection
    public var alignment: Alignment
    /// Hyphenate words when the language has a dictionary (it, de, en, fr).
    public var hyphenate: Bool
    /// Indent of the first line in pt, on the start side (left in LTR, right in RTL).
    public var firstLineIndent: Double = 0
    /// With `hyphenate`: hyphenate only a word wider than the measure (table cells, where a
    /// short word cut in two reads worse than a shorter line); the others stay whole.
    public var hyphenateOnlyOverwideWords = false

    /// A paragraph style; `leading` defaults to 1.3 × `size`.
    public init(size: Double = 11, leading: Double? = nil, language: String = "it",
                direction: BaseDirection = .auto, alignment: Alignment = .justified,
                hyphenate: Bool = true, firstLineIndent: Double = 0) {
        self.size = size
        self.leading = leading ?? (size * 1.3)
        self.language = language
        self.direction = direction
        self.alignment = alignment
        self.hyphenate = hyphenate
        self.firstLineIndent = firstLineIndent
    }
}

/// One glyph of a run.
public struct PositionedGlyph: Sendable, Hashable {
    /// Glyph id in the run's font (never 0: missing glyphs are an error).
    public var id: UInt16
    /// Position in pt relative to the run origin (x to the right, y up, as in PDF).
    public var x: Double
    public var y: Double
    /// Advance in pt (for a space: the width as set, stretched or shrunk).
    public var advance: Double
    /// The characters of the glyph's cluster, in logical order, on the first
    /// glyph of the cluster (in the order of `glyphs`); "" on the others.
    /// A hyphen added at a line break carries "-" (U+2010 "‐" in a font
    /// without U+002D, e.g. Noto Naskh Arabic); a tab reads " ". Default-ignorable
    /// characters (soft hyphen, ZWJ, bidi controls) have no glyph and are
    /// left out; a no-break space keeps its own character.
    public var text: String

    /// A glyph at (`x`, `y`) pt from its run's origin.
    public init(id: UInt16, x: Double, y: Double, advance: Double, text: String) {
        self.id = id
        self.x = x
        self.y = y
        self.advance = advance
        self.text = text
    }
}

/// A sequence of glyphs in one font, size and direction.
public struct GlyphRun: Sendable {
    /// The font of every glyph of the run.
    public var font: LoadedFont
    /// Font size in pt.
    public var size: Double
    /// Left edge of the run from the left edge of the measure, in pt (visual;
    /// alignment and first-line indent already applied).
    public var x: Double
    /// Sum of the glyph advances in pt.
    public var width: Double
    /// Glyphs in visual order, left to right (HarfBuzz's order for RTL runs).
    public var glyphs: [PositionedGlyph]
    /// Shaped right to left (an odd bidi level).
    public var isRightToLeft: Bool
    /// The run's characters as offsets (in Unicode scalars) into the
    /// paragraph's text, i.e. the spans' texts concatenated. Sorting runs by
    /// `textRange.lowerBound` gives their logical order.
    public var textRange: Range<Int>
    /// UAX #9 embedding level (odd: right to left).
    public var bidiLevel: Int

    /// The run's text in logical order (cluster texts of the glyphs, read
    /// right to left for a right-to-left run).
    public var text: String {
        var result = ""
        if isRightToLeft {
            for glyph in glyphs.reversed() { result += glyph.text }
        } else {
            for glyph in glyphs { result += glyph.text }
        }
        return result
    }
}

/// One line of a paragraph.
public struct Line: Sendable {
    /// Runs in visual order, left to right.
    public var runs: [GlyphRun]
    /// Width as set in pt, including stretched spaces and the first-line
    /// indent: the measure for justified lines (except the last), the
    /// natural width for ragged ones. Never more than the measure.
    public var width: Double
    /// Height above and depth below the baseline in pt (both positive): the
    /// largest font ascender and descender of the runs, times the size.
    public var ascent: Double
    public var descent: Double
    /// The line ends with a hyphen added at a hyphenation point.
    public var hyphenated: Bool
    /// The last line of the paragraph.
    public var isLast: Bool
}

/// A paragraph broken into lines.
public struct ParagraphLayout: Sendable {
    /// Lines from first to last; empty for an empty paragraph.
    public var lines: [Line]
    /// The measure (line width) in pt.
    public var width: Double
}

/// Some characters are in none of the fonts of their fallback chain. The
/// typesetter never prints a .notdef box; it reports them instead.
public struct MissingGlyphsError: Error, CustomStringConvertible, Sendable {
    /// The characters without a glyph, each listed once, in order of appearance
    /// (for the caller's own checks: they may be patient data, so the
    /// description never shows them).
    public let characters: [Character]

    /// An error listing `characters`.
    public init(characters: [Character]) {
        self.characters = characters
    }

    /// How many distinct characters no font covers, without the characters
    /// themselves (a message may reach a log; the text may be a patient's name).
    public var description: String {
        "no installed font covers \(characters.count) distinct character\(characters.count == 1 ? "" : "s") of the text"
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
