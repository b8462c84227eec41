import CopilotoCore
import CopilotoInbox
import CopilotoTesting
import Foundation
import Testing

/// Each tenant's own Meta accounts, set in the app: the verify token and app secret that guard its webhooks and the
/// access token its replies go out with, over the server's defaults; secrets are sealed and never shown again.
@Suite("Channel accounts")
struct ChannelAccountTests {
    @Test("the tenant's verify token, app secret and access token replace the server's; secrets never come back", arguments: Backend.allCases)
    func ownAccount(backend: Backend) async throws {
        let meta = FakeMetaServer()
        try await meta.run { graph in
            let config = WhatsAppConfig(appSecret: "test-app-secret", verifyToken: "test-verify-token", accessToken: "EAAG-server", graphURL: graph)
            try await TestApp.run(backend, whatsapp: config) { api, info in
                let owner = try await api.login("owner@demo.local")
                _ = try await AIAgentTurnTests.agent(api, owner, welcome: "Olá! Sou a Bia.")
                let body: JSONValue = ["externalAccountId": "5550001111", "verifyToken": "loja-token", "appSecret": "loja-secret",
                                       "accessToken": "EAAG-loja", "enabled": true]
                #expect(try await api.put("/v1/channels/whatsapp", token: try await api.login("manager@demo.local"), body).status == 403)
                let saved = try await api.put("/v1/channels/whatsapp", token: owner, body)
                #expect(saved.status == 200, "\(saved.text)")
                #expect(saved.json["appSecretSet"] == .bool(true) && saved.json.string("webhookPath") == "/webhooks/whatsapp/demo")
                let listed = try await api.get("/v1/channels", token: owner)
                #expect(listed.items.map { $0.string("channel") } == ["whatsapp", "messenger", "instagram"])
                for text in [saved.text, listed.text] { #expect(!text.contains("loja-secret") && !text.contains("EAAG-loja")) }
                let stored = try await info.store.withTenant(try #require(try await info.store.system.tenant(slug: "demo")).id) {
                    try await $0.inbox.channelAccounts().first
                }
                #expect(stored?.appSecretSealed != nil && stored?.appSecretSealed != "loja-secret")
                // The handshake and the signature follow the tenant's own values now.
                let handshake = "/webhooks/whatsapp/demo?hub.mode=subscribe&hub.challenge=77&hub.verify_token="
                #expect(try await api.raw(.get, handshake + "loja-token", headers: [:]).text == "77")
                #expect(try await api.raw(.get, handshake + "test-verify-token", headers: [:]).status == 403)
                let payload = FakeMetaServer.textWebhook(from: "5511977770000", name: "Lia", id: "wamid.OWN1", text: "oi")
                let bytes = Data(payload.encoded().utf8)
                #expect(try await WhatsAppWebhookTests.post(api, payload).status == 403)  // the server's secret no longer signs for this tenant
                #expect(try await WhatsAppWebhookTests.post(api, payload, signature: WhatsAppWebhookTests.signature(bytes, secret: "loja-secret")).status == 200)
                try await info.drainJobs()
                #expect(meta.messages.first?.authorization == "Bearer EAAG-loja")
                // Switched off, the server's defaults apply again.
                #expect(try await api.put("/v1/channels/whatsapp", token: owner, ["enabled": false]).status == 200)
                #expect(try await api.raw(.get, handshake + "test-verify-token", headers: [:]).text == "77")
                #expect(try await api.put("/v1/channels/webchat", token: owner, ["enabled": true]).status == 404)
                #expect(try await api.put("/v1/channels/whatsapp", token: owner, ["colour": "azul"]).status == 400)
            }
        }
    }
}
