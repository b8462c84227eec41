import AsyncHTTPClient
import CopilotoCore
import Foundation

/// Messenger and Instagram Direct: Meta's Messenger Platform webhook (`object` `page` or `instagram`, entries with a
/// `messaging` list) — same handshake and `X-Hub-Signature-256` as WhatsApp — and the Send API for replies.
public enum MetaMessaging {
    /// Inbound messages of a payload; echoes of our own messages, reads and deliveries are skipped.
    public static func parse(_ json: JSONValue, channel: CopilotoCore.Channel) -> [InboundMessage] {
        let expected = channel == .instagram ? "instagram" : "page"
        guard json.string("object") == expected else { return [] }
        var messages: [InboundMessage] = []
        for entry in json["entry"]?.arrayValue ?? [] {
            for event in entry["messaging"]?.arrayValue ?? [] {
                guard let message = event["message"], message["is_echo"] != .bool(true), let id = message.string("mid"),
                      let sender = event["sender"]?.string("id") else { continue }
                let account = event["recipient"]?.string("id") ?? entry.string("id")
                var media: JSONValue?
                if let attachment = message["attachments"]?.arrayValue?.first {
                    media = ["type": .string(attachment.string("type") ?? "file"), "url": attachment["payload"]?["url"] ?? .null]
                }
                let millis = InboundMessage.plausibleSeconds(event["timestamp"]?.numberValue.map { $0 / 1000 }) * 1000
                messages.append(InboundMessage(channel: channel, externalContact: sender, contactName: nil, channelAccount: account,
                                               externalId: id, text: message.string("text") ?? message["quick_reply"]?.string("payload") ?? "",
                                               media: media, timestamp: Date(timeIntervalSince1970: millis / 1000)))
            }
        }
        return messages
    }

    /// Sends a text reply through the Send API (`POST {graph}/{page-or-ig-id}/messages`); returns Meta's message id.
    public static func sendText(graphURL: String, to recipient: String, text: String, accountId: String, accessToken: String,
                                client: HTTPClient = .shared) async throws -> String {
        let base = graphURL.hasSuffix("/") ? String(graphURL.dropLast()) : graphURL
        let body: JSONValue = ["recipient": ["id": .string(recipient)], "messaging_type": "RESPONSE", "message": ["text": .string(text)]]
        let json = try await WhatsAppSender.post("\(base)/\(accountId)/messages", body, accessToken: accessToken, client: client)
        guard let id = json.string("message_id") else { throw ChannelError.unavailable("no message id") }
        return id
    }
}
