import CopilotoCore
import Crypto
import Foundation
import Hummingbird

extension FakeMetaServer {
    /// The messages endpoint: the Send API (Messenger, Instagram), WhatsApp templates and WhatsApp text (refused
    /// with 131047 outside the 24-hour window).
    func send(_ json: JSONValue, phone: String, authorization: String) -> Response {
        // The Messenger / Instagram Send API: {"recipient":{"id"},"message":{"text"}} → {"recipient_id","message_id"}.
        if let to = json["recipient"]?.string("id"), let text = json["message"]?.string("text") {
            record(Sent(phoneNumberId: phone, to: to, text: text, authorization: authorization, receivedAt: .now))
            return Self.json(["recipient_id": .string(to), "message_id": .string("m_FAKE\(UUID().uuidString.prefix(12))")])
        }
        // A read receipt, with or without the typing indicator: {"status":"read","message_id"} → {"success":true}.
        if json.string("messaging_product") == "whatsapp", json.string("status") == "read", let id = json.string("message_id") {
            receipts.withLock { $0.append((id, json["typing_indicator"]?.string("type") == "text")) }
            return Self.json(["success": true])
        }
        guard json.string("messaging_product") == "whatsapp", let to = json.string("to") else { return Self.error(400) }
        if json.string("type") == "template" {
            guard let name = json["template"]?.string("name"), let language = json["template"]?["language"]?.string("code") else {
                return Self.error(400)
            }
            let approved = templates.withLock { $0 }.contains {
                $0.string("name") == name && $0.string("language") == language && $0.string("status") == "APPROVED"
            }
            guard approved else { return Self.error(132001) }
            let variables = (json["template"]?["components"]?.arrayValue ?? []).flatMap { $0["parameters"]?.arrayValue ?? [] }
                .compactMap { $0.string("text") }
            record(Sent(phoneNumberId: phone, to: to, text: name, authorization: authorization, receivedAt: .now, template: language,
                        variables: variables))
        } else {
            guard let text = json["text"]?.string("body") else { return Self.error(400) }
            if let wrote = lastWrote.withLock({ $0[to] }), Date().timeIntervalSince(wrote) >= 24 * 3600 { return Self.error(131047) }
            record(Sent(phoneNumberId: phone, to: to, text: text, authorization: authorization, receivedAt: .now))
        }
        return Self.json(["messaging_product": "whatsapp", "contacts": [["input": .string(to), "wa_id": .string(to)]],
                          "messages": [["id": .string("wamid.FAKE\(UUID().uuidString.prefix(12))")]]])
    }

    func record(_ message: Sent) { sent.withLock { $0.append(message) } }

    /// Meta's error object for an HTTP status or a Meta error code.
    static func error(_ failure: Int) -> Response {
        let (status, code, title, message): (Int, Int, String, String) = switch failure {
        case 401: (401, 190, "Authentication Error", "Error validating access token: Session has expired.")
        case 429, 130429: (400, 130429, "Rate limit hit", "Cloud API message throughput has been reached.")
        case 400, 131047: (400, 131047, "Re-engagement message",
                           "Message failed to send because more than 24 hours have passed since the customer last replied to this number.")
        case 131026: (400, 131026, "Message Undeliverable", "Unable to deliver message.")
        case 132001: (404, 132001, "Template name does not exist in the translation", "template name does not exist in the translation")
        case 404: (404, 100, "Invalid parameter", "Unsupported get request.")
        default: (500, 1, "API Unknown", "An unknown error occurred")
        }
        let body: JSONValue = ["error": ["message": .string("(#\(code)) \(title)"), "type": "OAuthException", "code": .number(Double(code)),
                                         "error_data": ["messaging_product": "whatsapp", "details": .string(message)],
                                         "fbtrace_id": "AbCdEf123"]]
        return json(body, status: .init(code: status))
    }

    /// Lower-case hex SHA-256, as `GET /{media-id}` gives it.
    public static func sha256Hex(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    /// A signed webhook body in Meta's shape, for tests: one text message from `from`.
    public static func textWebhook(from: String, name: String, id: String, text: String, phoneNumberId: String = "1234567890",
                                   timestamp: Int = Int(Date().timeIntervalSince1970)) -> JSONValue {
        webhook(from: from, name: name, phoneNumberId: phoneNumberId,
                message: ["from": .string(from), "id": .string(id), "timestamp": .string(String(timestamp)), "type": "text",
                          "text": ["body": .string(text)]])
    }

    /// A webhook carrying one message of any type (`message` in Meta's shape).
    public static func webhook(from: String, name: String, phoneNumberId: String = "1234567890", message: JSONValue) -> JSONValue {
        ["object": "whatsapp_business_account",
         "entry": [["id": "WABA1", "changes": [["field": "messages", "value": [
             "messaging_product": "whatsapp",
             "metadata": ["display_phone_number": "5511900000000", "phone_number_id": .string(phoneNumberId)],
             "contacts": [["profile": ["name": .string(name)], "wa_id": .string(from)]],
             "messages": [message],
         ]]]]]]
    }

    /// A status webhook (`sent`, `delivered`, `read`, `played`, `failed` with an error code).
    public static func statusWebhook(_ wamid: String, _ status: String, to: String, errorCode: Int? = nil, title: String? = nil) -> JSONValue {
        var item: [String: JSONValue] = ["id": .string(wamid), "status": .string(status), "timestamp": .string(String(Int(Date().timeIntervalSince1970))),
                                         "recipient_id": .string(to)]
        if let errorCode {
            item["errors"] = [["code": .number(Double(errorCode)), "title": .string(title ?? "Error"), "message": .string(title ?? "Error"),
                               "error_data": ["details": .string(title ?? "Error")]]]
        }
        return ["object": "whatsapp_business_account", "entry": [["id": "WABA1", "changes": [["field": "messages", "value": [
            "messaging_product": "whatsapp", "metadata": ["display_phone_number": "5511900000000", "phone_number_id": "1234567890"],
            "statuses": [.object(item)],
        ]]]]]]
    }
}
