import Foundation
import Typesetting

/// Layout time of one paragraph holding a single run without any break opportunity
/// (issue 14 item 5: it grew with the square of the run's length): `count` letters,
/// or one letter followed by `count` combining marks. Set at the body measure and size,
/// justified, hyphenated, with fresh text every time (no layout cache hit).
enum UnbreakableRuns {
    static func milliseconds(_ typesetter: Typesetter, count: Int, marks: Bool, seed: Int) throws -> Double {
        var text = String.UnicodeScalarView()
        text.reserveCapacity(count + 1)
        if marks {
            text.append("a")
            // Combining diacritical marks U+0300–U+032F.
            let marks = (0x0300..<0x0330).compactMap { Unicode.Scalar(UInt32($0)) }
            for i in 0..<count { text.append(marks[(i + seed) % marks.count]) }
        } else {
            let letters = Array("abcdefghilmnoprstuvz".unicodeScalars)
            for i in 0..<count { text.append(letters[(i * 7 + seed) % letters.count]) }
        }
        let style = ParagraphStyle(size: 11.5, leading: 16, language: "it", direction: .leftToRight,
                                   alignment: .justified, hyphenate: true)
        let start = Double(DispatchTime.now().uptimeNanoseconds) / 1e6
        let layout = try typesetter.layout([TextSpan(String(text))], style: style, width: 483.3)
        precondition(!layout.lines.isEmpty)
        return Double(DispatchTime.now().uptimeNanoseconds) / 1e6 - start
    }

    /// Prints one line per case.
    static func report(fontDirectory: String, lengths: [Int]) throws {
        let typesetter = Typesetter(fonts: try FontLibrary(directory: fontDirectory))
        print("unbreakable runs (one paragraph, 483 pt, justified; linear time expected)")
        for count in lengths {
            let letters = try milliseconds(typesetter, count: count, marks: false, seed: count)
            print(String(format: "  %7d letters without a break:       %9.1f ms", count, letters))
        }
        for count in lengths.prefix(1) {
            let marks = try milliseconds(typesetter, count: count, marks: true, seed: count)
            print(String(format: "  %7d combining marks after a letter: %9.1f ms", count, marks))
        }
    }
}
