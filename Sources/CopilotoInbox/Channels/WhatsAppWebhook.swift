import CopilotoCore
import Crypto
import Foundation

/// Meta's WhatsApp Cloud API webhook: the verification handshake, the `X-Hub-Signature-256` check and the
/// payload (entries → changes → value with contacts, messages and statuses) turned into inbound messages.
public enum WhatsAppWebhook {
    /// A delivery status of a message we sent (sent, delivered, read, played, failed with Meta's code and title).
    public struct StatusUpdate: Sendable, Equatable {
        public let externalId: String
        public let status: InboxMessage.Status
        public let recipient: String
        /// For `failed`: "131047: Re-engagement message" (Meta's first error).
        public var reason: String?
    }

    /// What one webhook call carried.
    public struct Payload: Sendable, Equatable {
        public var messages: [InboundMessage] = []
        public var statuses: [StatusUpdate] = []
    }

    /// The GET handshake: the challenge to echo when the mode is `subscribe` and the token matches, else nil (403).
    public static func verify(mode: String?, token: String?, challenge: String?, expected: String?) -> String? {
        guard mode == "subscribe", let token, let expected, !expected.isEmpty, let challenge,
              constantTimeEquals(Data(token.utf8), Data(expected.utf8)) else { return nil }
        return challenge
    }

    /// `sha256=<hex HMAC-SHA256 of the raw body with the app secret>`, compared in constant time.
    public static func signatureIsValid(_ header: String?, body: Data, appSecret: String) -> Bool {
        guard let header, header.hasPrefix("sha256="), !appSecret.isEmpty else { return false }
        let expected = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(appSecret.utf8)))
        let hex = Data(expected).map { String(format: "%02x", $0) }.joined()
        return constantTimeEquals(Data(header.dropFirst(7).lowercased().utf8), Data(hex.utf8))
    }

    static func constantTimeEquals(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Parses a payload; anything not a WhatsApp message or status is ignored, never an error.
    public static func parse(_ json: JSONValue) -> Payload {
        var payload = Payload()
        for entry in json["entry"]?.arrayValue ?? [] {
            for change in entry["changes"]?.arrayValue ?? [] where change.string("field") == "messages" {
                guard let value = change["value"] else { continue }
                let phoneNumberId = value["metadata"]?.string("phone_number_id")
                var names: [String: String] = [:]
                for contact in value["contacts"]?.arrayValue ?? [] {
                    for key in ["wa_id", "user_id"] { if let id = contact.string(key) { names[id] = contact["profile"]?.string("name") } }
                }
                for message in value["messages"]?.arrayValue ?? [] {
                    // The phone number may be absent: the business-scoped user id (BSUID) then keys the contact.
                    guard let from = message.string("from") ?? message.string("from_user_id") ?? message.string("user_id"),
                          let id = message.string("id") else { continue }
                    let (text, media) = WhatsAppContent.parse(message)
                    let seconds = InboundMessage.plausibleSeconds(message.string("timestamp").flatMap(Double.init))
                    payload.messages.append(InboundMessage(channel: .whatsapp, externalContact: from, contactName: names[from],
                                                           channelAccount: phoneNumberId, externalId: id, text: text, media: media,
                                                           timestamp: Date(timeIntervalSince1970: seconds)))
                }
                for status in value["statuses"]?.arrayValue ?? [] {
                    guard let id = status.string("id"), let name = status.string("status"),
                          let parsed = InboxMessage.Status(rawValue: name) else { continue }
                    let error = status["errors"]?.arrayValue?.first
                    let reason = error.map { e in
                        let code = e["code"]?.intValue.map(String.init) ?? "?"
                        return "\(code): \(e.string("title") ?? e.string("message") ?? "")".prefix(300).description
                    }
                    payload.statuses.append(StatusUpdate(externalId: id, status: parsed, recipient: status.string("recipient_id") ?? "",
                                                         reason: parsed == .failed ? reason ?? "failed" : nil))
                }
            }
        }
        return payload
    }
}
