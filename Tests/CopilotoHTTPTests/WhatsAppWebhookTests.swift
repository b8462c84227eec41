import CopilotoCore
import CopilotoInbox
import CopilotoTesting
import Crypto
import Foundation
import HTTPTypes
import Testing

/// Meta's WhatsApp webhook over real HTTP: handshake, signatures, payload shapes, duplicates, statuses.
@Suite("WhatsApp webhook")
struct WhatsAppWebhookTests {
    static func signature(_ body: Data, secret: String = "test-app-secret") -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + Data(mac).map { String(format: "%02x", $0) }.joined()
    }

    static func post(_ api: APIClient, _ payload: JSONValue, signature: String? = nil, tenant: String = "demo") async throws -> APIResponse {
        let body = Data(payload.encoded().utf8)
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[HTTPField.Name("X-Hub-Signature-256")!] = signature ?? Self.signature(body)
        return try await api.raw(.post, "/webhooks/whatsapp/\(tenant)", headers: headers, body)
    }

    @Test("the verification handshake echoes the challenge only for the right token")
    func handshake() async throws {
        try await TestApp.run { api, _ in
            let ok = try await api.raw(.get, "/webhooks/whatsapp/demo?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444",
                                       headers: [:])
            #expect(ok.status == 200)
            #expect(ok.text == "1158201444")
            #expect(try await api.raw(.get, "/webhooks/whatsapp/demo?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1", headers: [:]).status == 403)
            #expect(try await api.raw(.get, "/webhooks/whatsapp/demo?hub.mode=unsubscribe&hub.verify_token=test-verify-token&hub.challenge=1",
                                      headers: [:]).status == 403)
            #expect(try await api.raw(.get, "/webhooks/whatsapp/nope?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1",
                                      headers: [:]).status == 403)
        }
    }

    @Test("unsigned, wrongly signed or tampered payloads are refused and store nothing")
    func signatures() async throws {
        try await TestApp.run { api, _ in
            let payload = FakeMetaServer.textWebhook(from: "5511988887777", name: "Rita", id: "wamid.SIG1", text: "Oi")
            let body = Data(payload.encoded().utf8)
            #expect(try await Self.post(api, payload, signature: "sha256=" + String(repeating: "0", count: 64)).status == 403)
            #expect(try await Self.post(api, payload, signature: Self.signature(body, secret: "other")).status == 403)
            #expect(try await api.raw(.post, "/webhooks/whatsapp/demo", headers: [.contentType: "application/json"], body).status == 403)
            var tampered = body
            tampered[tampered.count - 3] ^= 1
            var headers: HTTPFields = [.contentType: "application/json"]
            headers[HTTPField.Name("X-Hub-Signature-256")!] = Self.signature(body)
            #expect(try await api.raw(.post, "/webhooks/whatsapp/demo", headers: headers, tampered).status == 403)
            let owner = try await api.login("owner@demo.local")
            #expect(try await api.get("/v1/conversations?channel=whatsapp", token: owner).items.isEmpty)
        }
    }

    @Test("text, media and status payloads in Meta's shape; a redelivered message is a duplicate", arguments: Backend.allCases)
    func payloads(backend: Backend) async throws {
        try await TestApp.run(backend) { api, _ in
            let text = FakeMetaServer.textWebhook(from: "5511988887777", name: "Rita Moura", id: "wamid.A1", text: "Oi, vocês têm protetor solar?")
            let first = try await Self.post(api, text)
            #expect(first.status == 200, "\(first.text)")
            #expect(first.json["received"] == 1)
            let again = try await Self.post(api, text)
            #expect(again.json["received"] == 0)
            #expect(again.json["duplicates"] == 1)
            let media: JSONValue = ["object": "whatsapp_business_account", "entry": [["id": "W", "changes": [
                ["field": "messages", "value": ["messaging_product": "whatsapp", "metadata": ["phone_number_id": "1234567890"],
                    "contacts": [["profile": ["name": "Rita Moura"], "wa_id": "5511988887777"]],
                    "messages": [
                        ["from": "5511988887777", "id": "wamid.A2", "timestamp": "1763700000", "type": "image",
                         "image": ["caption": "esse aqui", "mime_type": "image/jpeg", "sha256": "abc", "id": "MEDIA1"]],
                        ["from": "5511988887777", "id": "wamid.A3", "timestamp": "1763700001", "type": "audio",
                         "audio": ["mime_type": "audio/ogg; codecs=opus", "id": "MEDIA2", "voice": true]],
                    ]]],
                ["field": "messages", "value": ["messaging_product": "whatsapp", "metadata": ["phone_number_id": "1234567890"],
                    "statuses": [["id": "wamid.UNKNOWN", "status": "delivered", "timestamp": "1763700002", "recipient_id": "5511988887777"]]]],
            ]]]]
            let second = try await Self.post(api, media)
            #expect(second.json["received"] == 2)
            #expect(second.json["statuses"] == 1)
            let owner = try await api.login("owner@demo.local")
            let conversations = try await api.get("/v1/conversations?channel=whatsapp", token: owner).items
            #expect(conversations.count == 1)
            let conversation = try #require(conversations.first)
            #expect(conversation.string("externalContact") == "5511988887777")
            #expect(conversation.string("channelAccount") == "1234567890")
            let id = try #require(conversation.string("id"))
            let thread = try await api.get("/v1/conversations/\(id)/messages", token: owner).items
            #expect(thread.map { $0.string("externalId") } == ["wamid.A1", "wamid.A2", "wamid.A3"])
            #expect(thread.map { $0["seq"] } == [1, 2, 3])
            #expect(thread[1]["media"]?.string("id") == "MEDIA1")
            #expect(thread[1].string("text") == "esse aqui")
            #expect(thread[2]["media"]?["voice"] == .bool(true))
            let contacts = try await api.get("/v1/contacts?q=rita", token: owner).items
            #expect(contacts.first?.string("phone") == "+5511988887777")
            // Garbage that is signed is ignored, not an error; an unknown tenant is 404.
            #expect(try await Self.post(api, ["object": "page", "entry": "nonsense"]).json["received"] == 0)
            #expect(try await Self.post(api, text, tenant: "nope").status == 404)
            let outsider = try await api.login("owner@outra.local")
            #expect(try await api.get("/v1/conversations", token: outsider).items.isEmpty)
            #expect(try await api.get("/v1/conversations/\(id)", token: outsider).status == 404)
        }
    }
}
