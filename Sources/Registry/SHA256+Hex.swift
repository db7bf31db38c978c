import Crypto
import Foundation

/// SHA-256 as lowercase hex (swift-crypto: already in the server's dependency graph through postgres-nio).
public enum Hash {
    public static func sha256<D: DataProtocol>(_ data: D) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
