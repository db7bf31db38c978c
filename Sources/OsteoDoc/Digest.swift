/// FNV-1a, 64 bit: a stable, fast digest for identifiers and content versions.
/// Hand-written (ten lines) because osteodoc needs no cryptographic strength
/// here and swift-crypto would be a heavy dependency for an identifier.
enum Digest {
    static func fnv1a64(_ text: String) -> UInt64 { fnv1a64(Array(text.utf8)) }

    static func fnv1a64<S: Sequence>(_ bytes: S, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 where S.Element == UInt8 {
        var h = seed
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }
}
