import CopilotoCore
import Crypto
import Foundation
import HummingbirdBcrypt

/// bcrypt through hummingbird-auth's C implementation.
public struct BcryptPasswordHasher: PasswordHasher {
    /// Work factor; 10 is ~60 ms here, slow enough for a KDF and fast enough for logins under load.
    public let cost: UInt8

    public init(cost: UInt8 = 10) { self.cost = cost }

    public func hash(_ password: String) throws -> String { Bcrypt.hash(password, cost: cost) }

    public func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }
}

/// SHA-256 digests and 256-bit random secrets from swift-crypto.
public struct SHA256TokenHasher: TokenHasher {
    public init() {}

    public func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    public func newSecret() -> String {
        let key = SymmetricKey(size: .bits256)
        let raw = key.withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "cop_" + raw
    }
}
