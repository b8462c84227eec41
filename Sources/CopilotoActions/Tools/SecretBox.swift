import CopilotoCore
import Crypto
import Foundation

/// Seals tool credentials with AES-GCM under a key derived from the server secret.
public struct SecretBox: SecretSealer {
    private let key: SymmetricKey

    public init(secret: Data) {
        key = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: secret), info: Data("copiloto-credentials".utf8),
                                     outputByteCount: 32)
    }

    /// Base64 of nonce + ciphertext + tag.
    public func seal(_ plain: String) throws -> String {
        guard let combined = try AES.GCM.seal(Data(plain.utf8), using: key).combined else { throw CopilotoError.unprocessable(reason: .actionFailed) }
        return combined.base64EncodedString()
    }

    public func open(_ sealed: String) throws -> String {
        guard let data = Data(base64Encoded: sealed) else { throw CopilotoError.unprocessable(reason: .actionFailed) }
        return String(decoding: try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: key), as: UTF8.self)
    }
}
