import CopilotoCore
import Crypto
import Foundation

/// Signed web-chat visitor tokens: an HMAC-SHA256, keyed by the server secret, over the tenant and the visitor id.
/// The widget gets one when its conversation starts and sends it with every read and write of that thread; the
/// visitor id alone no longer opens a thread.
public struct VisitorTokens: Sendable {
    private let key: SymmetricKey

    public init(secret: Data) {
        key = SymmetricKey(data: SHA256.hash(data: Data("copiloto-webchat-visitor-v1".utf8) + secret))
    }

    /// The token for `visitorId` in `tenantId` (`v1.` + base64url of the MAC).
    public func token(tenantId: UUID, visitorId: String) -> String {
        let message = ["webchat-visitor", tenantId.uuidString.lowercased(), visitorId].joined(separator: "\n")
        let mac = Data(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key))
        return "v1." + mac.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Constant-time check of a presented token.
    public func isValid(_ presented: String?, tenantId: UUID, visitorId: String) -> Bool {
        guard let presented, presented.utf8.count <= 200 else { return false }
        let expected = Array(token(tenantId: tenantId, visitorId: visitorId).utf8), given = Array(presented.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
