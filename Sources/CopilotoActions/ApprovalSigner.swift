import CopilotoCore
import Crypto
import Foundation

/// Binds an approval to its exact parameters: an HMAC-SHA256 over tenant, action, pending id and the
/// canonical parameters, keyed by the server secret. A changed parameter or another id fails the check.
public struct ApprovalSigner: Sendable {
    private let key: SymmetricKey

    public init(secret: Data) {
        key = SymmetricKey(data: SHA256.hash(data: secret))
    }

    public func digest(tenantId: UUID, action: String, pendingId: UUID, params: JSONValue) -> String {
        let message = [tenantId.uuidString.lowercased(), action, pendingId.uuidString.lowercased(), params.encoded()]
            .joined(separator: "\n")
        let mac = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key)
        return Data(mac).map { String(format: "%02x", $0) }.joined()
    }

    /// Constant-time comparison of a stored digest with a fresh one.
    public func verify(_ digest: String, tenantId: UUID, action: String, pendingId: UUID, params: JSONValue) -> Bool {
        let expected = Array(self.digest(tenantId: tenantId, action: action, pendingId: pendingId, params: params).utf8)
        let given = Array(digest.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
