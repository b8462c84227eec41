import CopilotoCore
import Foundation

/// One WhatsApp message's content in Meta's shapes: its text (what the customer said, a caption, a button's title)
/// and, for anything else, a media reference the inbox shows and the media job fetches (`state: pending`).
enum WhatsAppContent {
    static let fetchable: Set<String> = ["image", "audio", "video", "document", "sticker"]

    static func parse(_ message: JSONValue) -> (String, JSONValue?) {
        let type = message.string("type") ?? "unknown"
        switch type {
        case "text": return (message["text"]?.string("body") ?? "", nil)
        case _ where fetchable.contains(type): return media(type, message[type])
        case "interactive": return interactive(message["interactive"])
        case "button":
            // A quick-reply button of a template.
            let button = message["button"]
            return (button?.string("text") ?? "", ["type": "button", "payload": .string(button?.string("payload") ?? "")])
        case "location":
            let location = message["location"]
            var fields: [String: JSONValue] = ["type": "location", "latitude": location?["latitude"] ?? .null,
                                               "longitude": location?["longitude"] ?? .null]
            for key in ["name", "address", "url"] { if let value = location?.string(key) { fields[key] = .string(String(value.prefix(500))) } }
            let place = [location?.string("name"), location?.string("address")].compactMap { $0 }.joined(separator: ", ")
            return (place, .object(fields))
        case "contacts": return contacts(message["contacts"]?.arrayValue ?? [])
        case "reaction":
            let reaction = message["reaction"]
            return (reaction?.string("emoji") ?? "", ["type": "reaction", "emoji": .string(reaction?.string("emoji") ?? ""),
                                                      "messageId": .string(reaction?.string("message_id") ?? "")])
        default: return ("", ["type": .string(String(type.prefix(40)))])
        }
    }

    static func media(_ type: String, _ item: JSONValue?) -> (String, JSONValue?) {
        var media: [String: JSONValue] = ["type": .string(type)]
        for key in ["id", "mime_type", "filename", "sha256"] {
            if let value = item?.string(key) { media[key] = .string(String(value.prefix(300))) }
        }
        if item?["voice"] == .bool(true) { media["voice"] = true }
        if media["id"] != nil { media["state"] = "pending" }
        return (String((item?.string("caption") ?? "").prefix(4096)), .object(media))
    }

    /// `button_reply` and `list_reply`: the title is what the customer "said"; the id is what the agent offered.
    static func interactive(_ item: JSONValue?) -> (String, JSONValue?) {
        for kind in ["button_reply", "list_reply"] {
            guard let reply = item?[kind] else { continue }
            var fields: [String: JSONValue] = ["type": .string(kind), "id": .string(reply.string("id") ?? "")]
            if let description = reply.string("description") { fields["description"] = .string(description) }
            return (reply.string("title") ?? "", .object(fields))
        }
        return ("", ["type": "interactive"])
    }

    /// Shared contact cards: names and phone numbers, as text the team and the agent can read.
    static func contacts(_ cards: [JSONValue]) -> (String, JSONValue?) {
        var lines: [String] = []
        var items: [JSONValue] = []
        for card in cards.prefix(10) {
            let name = card["name"]?.string("formatted_name") ?? card["name"]?.string("first_name") ?? ""
            let phones = (card["phones"]?.arrayValue ?? []).prefix(5).compactMap { $0.string("phone") ?? $0.string("wa_id") }
            lines.append(([name] + phones).filter { !$0.isEmpty }.joined(separator: " "))
            items.append(["name": .string(name), "phones": .array(phones.map { .string($0) })])
        }
        return (lines.joined(separator: "\n"), ["type": "contacts", "contacts": .array(items)])
    }
}
