import CHyphen
import Foundation
import XCTest
@testable import Typesetting

/// A dictionary read back from the compiled cache hyphenates exactly like one compiled from the patterns.
final class CompiledDictionaryTests: XCTestCase {
    private func points(_ dict: UnsafeMutablePointer<HyphenDict>, _ word: String, latin1: Bool) -> String {
        let bytes: [CChar] = latin1 ? word.unicodeScalars.map { CChar(bitPattern: UInt8($0.value)) }
                                    : word.utf8.map { CChar(bitPattern: $0) }
        var hyphens = [CChar](repeating: 0, count: bytes.count + 5)
        var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var pos: UnsafeMutablePointer<Int32>?
        var cut: UnsafeMutablePointer<Int32>?
        _ = hnj_hyphen_hyphenate3(dict, bytes, Int32(bytes.count), &hyphens, nil, &rep, &pos, &cut, 2, 2, 2, 2)
        if let rep { for i in 0..<bytes.count { free(rep[i]) }; free(rep) }
        free(pos); free(cut)
        return String(hyphens.prefix(word.unicodeScalars.count).map { Character(UnicodeScalar(UInt8(bitPattern: $0))) })
    }

    private func check(_ file: String, latin1: Bool, words: [String]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-hyph-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "/usr/share/hyphen/\(file)"
        let compiled = try XCTUnwrap(hnj_hyphen_load(path), "\(path) missing: run scripts/setup.sh")
        defer { hnj_hyphen_free(compiled) }
        let cache = try XCTUnwrap(CompiledDictionaryCache(source: path, directory: directory))
        XCTAssertNil(cache.load(), "no cache yet")
        cache.store(compiled)
        let restored = try XCTUnwrap(cache.load())
        defer { hnj_hyphen_free(restored) }
        for word in words {
            XCTAssertEqual(points(restored, word, latin1: latin1), points(compiled, word, latin1: latin1), word)
        }
    }

    func testItalian() throws {
        try check("hyph_it_IT.dic", latin1: false, words: ["osteoplastica", "polimetilmetacrilato", "cementoplastica", "anestesia",
                                                            "città", "radiologia", "interventistica", "sedazione"])
    }

    func testGermanWithItsSecondLevelAndExceptions() throws {
        try check("hyph_de_DE.dic", latin1: true, words: ["knochenzement", "betäubung", "wirbelsäule", "blutverdünner",
                                                           "schifffahrt", "krankenhaus", "zementoplastie", "einwilligung"])
    }

    func testDamagedCacheFileIsIgnored() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("osteodoc-hyph-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "/usr/share/hyphen/hyph_it_IT.dic"
        let compiled = try XCTUnwrap(hnj_hyphen_load(path))
        defer { hnj_hyphen_free(compiled) }
        let cache = try XCTUnwrap(CompiledDictionaryCache(source: path, directory: directory))
        cache.store(compiled)
        let data = try XCTUnwrap(FileManager.default.contents(atPath: cache.file))
        try Data(data.prefix(data.count / 2)).write(to: URL(fileURLWithPath: cache.file))
        XCTAssertNil(cache.load(), "a truncated file falls back to compiling")
    }

    func testNoFolderMeansNoCache() {
        XCTAssertNil(CompiledDictionaryCache(source: "/usr/share/hyphen/hyph_it_IT.dic", directory: nil),
                     "without a folder from the caller nothing is read or written")
    }
}
