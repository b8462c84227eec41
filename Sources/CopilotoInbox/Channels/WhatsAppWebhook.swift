import CopilotoCore
import Crypto
import Foundation

/// Meta's WhatsApp Cloud API webhook: the verification handshake, the `X-Hub-Signature-256` check and the
/// payload (entries → changes → value with contacts, messages and statuses) turned into inbound messages.
public enum WhatsAppWebhook {
    /// A delivery status of a message we sent (sent, delivered, read, failed).
    public struct StatusUpdate: Sendable, Equatable {
        public let externalId: String
        public let status: InboxMessage.Status
        public let recipient: String
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
                    if let id = contact.string("wa_id") { names[id] = contact["profile"]?.string("name") }
                }
                for message in value["messages"]?.arrayValue ?? [] {
                    guard let from = message.string("from"), let id = message.string("id") else { continue }
                    let (text, media) = content(message)
                    let seconds = InboundMessage.plausibleSeconds(message.string("timestamp").flatMap(Double.init))
                    payload.messages.append(InboundMessage(channel: .whatsapp, externalContact: from, contactName: names[from],
                                                           channelAccount: phoneNumberId, externalId: id, text: text, media: media,
                                                           timestamp: Date(timeIntervalSince1970: seconds)))
                }
                for status in value["statuses"]?.arrayValue ?? [] {
                    guard let id = status.string("id"), let name = status.string("status"),
                          let parsed = InboxMessage.Status(rawValue: name) else { continue }
                    payload.statuses.append(StatusUpdate(externalId: id, status: parsed, recipient: status.string("recipient_id") ?? ""))
                }
            }
        }
        return payload
    }

    /// The text of a message and, for media, a reference to it (type, media id, mime type, file name).
    static func content(_ message: JSONValue) -> (String, JSONValue?) {
        let type = message.string("type") ?? "unknown"
        switch type {
        case "text": return (message["text"]?.string("body") ?? "", nil)
        case "image", "audio", "video", "document", "sticker":
            let item = message[type]
            var media: [String: JSONValue] = ["type": .string(type)]
            for key in ["id", "mime_type", "filename", "sha256"] { if let value = item?.string(key) { media[key] = .string(value) } }
            if item?["voice"] == .bool(true) { media["voice"] = true }
            return (item?.string("caption") ?? "", .object(media))
        case "interactive":
            let reply = message["interactive"]?["button_reply"] ?? message["interactive"]?["list_reply"]
            return (reply?.string("title") ?? "", nil)
        case "button": return (message["button"]?.string("text") ?? "", nil)
        case "location":
            let location = message["location"]
            return (location?.string("name") ?? location?.string("address") ?? "", ["type": "location",
                    "latitude": location?["latitude"] ?? .null, "longitude": location?["longitude"] ?? .null])
        case "reaction": return (message["reaction"]?.string("emoji") ?? "", ["type": "reaction"])
        default: return ("", ["type": .string(type)])
        }
    }
}
