import CopilotoCore
import CopilotoInbox
import CopilotoTesting
import Foundation
import HTTPTypes
import Testing

/// Messenger and Instagram Direct through Meta's Messenger Platform webhook and Send API.
@Suite("Messenger and Instagram")
struct MessengerWebhookTests {
    static func payload(object: String, account: String, sender: String, mid: String, text: String, echo: Bool = false) -> JSONValue {
        // Written now: Meta's 24-hour window (which Copiloto enforces) runs from the customer's message.
        let now = JSONValue.number((Date().timeIntervalSince1970 * 1000).rounded())
        return ["object": .string(object), "entry": [["id": .string(account), "time": now, "messaging": [
            ["sender": ["id": .string(sender)], "recipient": ["id": .string(account)], "timestamp": now,
             "message": echo ? ["mid": .string(mid), "text": .string(text), "is_echo": true] : ["mid": .string(mid), "text": .string(text)]],
            ["sender": ["id": .string(sender)], "recipient": ["id": .string(account)], "timestamp": 1_763_700_000_001,
             "read": ["watermark": 1_763_700_000_000]],
        ]]]]
    }

    static func post(_ api: APIClient, _ channel: String, _ payload: JSONValue, secret: String = "test-app-secret") async throws -> APIResponse {
        let body = Data(payload.encoded().utf8)
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[HTTPField.Name("X-Hub-Signature-256")!] = WhatsAppWebhookTests.signature(body, secret: secret)
        return try await api.raw(.post, "/webhooks/\(channel)/demo", headers: headers, body)
    }

    @Test("a Messenger message opens a conversation and the agent's reply goes out through the Send API; Instagram too",
          arguments: [("messenger", "page", "PAGE1"), ("instagram", "instagram", "IG1")])
    func roundTrip(channel: String, object: String, account: String) async throws {
        let meta = FakeMetaServer()
        try await meta.run { graph in
            let config = WhatsAppConfig(appSecret: "test-app-secret", verifyToken: "test-verify-token", accessToken: "EAAG", graphURL: graph)
            try await TestApp.run(whatsapp: config) { api, info in
                let owner = try await api.login("owner@demo.local")
                _ = try await AIAgentTurnTests.agent(api, owner, welcome: "Olá! Sou a Bia.")
                let ok = try await api.raw(.get, "/webhooks/\(channel)/demo?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=77",
                                           headers: [:])
                #expect(ok.text == "77")
                let first = try await Self.post(api, channel, Self.payload(object: object, account: account, sender: "PSID-9", mid: "m_1", text: "oi"))
                #expect(first.json["received"] == 1, "\(first.text)")
                #expect(try await Self.post(api, channel, Self.payload(object: object, account: account, sender: "PSID-9", mid: "m_1", text: "oi"))
                    .json["duplicates"] == 1)
                #expect(try await Self.post(api, channel, Self.payload(object: object, account: account, sender: "PSID-9", mid: "m_2",
                                                                        text: "eco", echo: true)).json["received"] == 0)
                #expect(try await Self.post(api, channel, Self.payload(object: object, account: account, sender: "PSID-9", mid: "m_3", text: "x"),
                                            secret: "wrong").status == 403)
                try await info.drainJobs()
                #expect(meta.messages.map(\.text) == ["Olá! Sou a Bia."])
                #expect(meta.messages.first?.to == "PSID-9")
                #expect(meta.messages.first?.phoneNumberId == account)
                let conversation = try #require(try await api.get("/v1/conversations?channel=\(channel)", token: owner).items.first)
                let thread = try await api.get("/v1/conversations/\(conversation.string("id") ?? "")/messages", token: owner).items
                #expect(thread.last?.string("externalId")?.hasPrefix("m_FAKE") == true)
            }
        }
    }
}
