import CopilotoCore
import Foundation
import Hummingbird
import Synchronization

/// A local Graph API that speaks WhatsApp Cloud API's messages endpoint: `POST /v21.0/{phone-number-id}/messages`
/// with a bearer token answers `{"messaging_product":"whatsapp","contacts":[…],"messages":[{"id":"wamid…"}]}`, or
/// Meta's error object for scripted failures (401 code 190, 429 code 130429, 400 code 131047, 500).
public final class FakeMetaServer: Sendable {
    public struct Sent: Sendable, Equatable {
        public let phoneNumberId: String
        public let to: String
        public let text: String
        public let authorization: String
        public let receivedAt: ContinuousClock.Instant
    }

    /// Statuses (401, 429, 400, 500) answered before normal replies, in order.
    public let failures = Mutex<[Int]>([])
    private let sent = Mutex<[Sent]>([])

    public init() {}

    public var messages: [Sent] { sent.withLock { $0 } }

    /// Runs the server while `body` runs; passes the Graph base URL (`http://127.0.0.1:PORT/v21.0`).
    public func run(_ body: @escaping @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("/v21.0/:phone/messages") { request, context -> Response in
            let json = (try? JSONValue.parse(Data(try await request.body.collect(upTo: 1 << 20).readableBytesView))) ?? .null
            if let status = self.failures.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { return Self.error(status) }
            // The Messenger / Instagram Send API: {"recipient":{"id"},"message":{"text"}} → {"recipient_id","message_id"}.
            if let to = json["recipient"]?.string("id"), let text = json["message"]?.string("text") {
                self.sent.withLock {
                    $0.append(Sent(phoneNumberId: context.parameters.get("phone") ?? "", to: to, text: text,
                                   authorization: request.headers[.authorization] ?? "", receivedAt: .now))
                }
                let reply: JSONValue = ["recipient_id": .string(to), "message_id": .string("m_FAKE\(UUID().uuidString.prefix(12))")]
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: reply.encoded())))
            }
            guard json.string("messaging_product") == "whatsapp", let to = json.string("to"), let text = json["text"]?.string("body") else {
                return Self.error(400)
            }
            self.sent.withLock {
                $0.append(Sent(phoneNumberId: context.parameters.get("phone") ?? "", to: to, text: text,
                               authorization: request.headers[.authorization] ?? "", receivedAt: .now))
            }
            let reply: JSONValue = ["messaging_product": "whatsapp", "contacts": [["input": .string(to), "wa_id": .string(to)]],
                                    "messages": [["id": .string("wamid.FAKE\(UUID().uuidString.prefix(12))")]]]
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: reply.encoded())))
        }
        try await LocalServer.run(router) { port in try await body("http://127.0.0.1:\(port)/v21.0") }
    }

    static func error(_ status: Int) -> Response {
        let (code, message): (Int, String) = switch status {
        case 401: (190, "Error validating access token: Session has expired.")
        case 429: (130429, "Rate limit hit")
        case 400: (131047, "Re-engagement message: more than 24 hours have passed since the recipient last replied.")
        default: (1, "An unknown error occurred")
        }
        let body: JSONValue = ["error": ["message": .string(message), "type": "OAuthException", "code": .number(Double(code)),
                                         "fbtrace_id": "AbCdEf123"]]
        return Response(status: .init(code: status), headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(string: body.encoded())))
    }

    /// A signed webhook body in Meta's shape, for tests: one text message from `from`.
    public static func textWebhook(from: String, name: String, id: String, text: String, phoneNumberId: String = "1234567890",
                                   timestamp: Int = Int(Date().timeIntervalSince1970)) -> JSONValue {
        ["object": "whatsapp_business_account",
         "entry": [["id": "WABA1", "changes": [["field": "messages", "value": [
             "messaging_product": "whatsapp",
             "metadata": ["display_phone_number": "5511900000000", "phone_number_id": .string(phoneNumberId)],
             "contacts": [["profile": ["name": .string(name)], "wa_id": .string(from)]],
             "messages": [["from": .string(from), "id": .string(id), "timestamp": .string(String(timestamp)), "type": "text",
                           "text": ["body": .string(text)]]],
         ]]]]]]
    }
}
