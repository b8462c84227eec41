import CopilotoCore
import CopilotoInbox
import CopilotoModels
import CopilotoTesting
import Foundation
import HTTPTypes
import Testing

/// Delivery statuses and the 24-hour window against the loopback Graph API: statuses only move forward and never
/// make a message or a reply; outside the window free text is not sent (with the reason) and a follow-up goes as an
/// approved template; Meta's 131047, 131026 and 130429 each do what Meta means.
@Suite("WhatsApp statuses, window and templates")
struct WhatsAppWindowTests {
    static func config(_ graph: String) -> WhatsAppConfig {
        WhatsAppConfig(appSecret: "test-app-secret", verifyToken: "t", accessToken: "EAAG-test", graphURL: graph, businessAccountId: "102290129340398")
    }

    static func reply(_ api: APIClient, _ token: String, _ id: String, _ text: String, _ info: AppContextInfo) async throws -> JSONValue {
        #expect(try await api.post("/v1/conversations/\(id)/messages", token: token, ["text": .string(text)]).status == 201)
        try await info.drainJobs()
        return try #require(try await api.get("/v1/conversations/\(id)/messages", token: token).items.last)
    }

    @Test("statuses move forward only, carry Meta's failure reason, and never create a message or a reply", arguments: Backend.allCases)
    func statuses(backend: Backend) async throws {
        let meta = FakeMetaServer()
        try await meta.run { graph in
            try await TestApp.run(backend, whatsapp: Self.config(graph)) { api, info in
                let owner = try await api.login("owner@demo.local")
                _ = try await AIAgentTurnTests.agent(api, owner)
                _ = try await WhatsAppWebhookTests.post(api, FakeMetaServer.textWebhook(from: "5511944443333", name: "Caio", id: "wamid.S0", text: "oi"))
                try await info.drainJobs()
                let conversation = try #require(try await api.get("/v1/conversations?channel=whatsapp", token: owner).items.first)
                let id = try #require(conversation.string("id"))
                let sent = try await Self.reply(api, owner, id, "Oi Caio, tudo certo com seu pedido.", info)
                let wamid = try #require(sent.string("externalId"))
                let before = try await api.get("/v1/conversations/\(id)/messages", token: owner).items.count
                let outbound = meta.messages.count
                for status in ["delivered", "read", "delivered", "sent"] {
                    #expect(try await WhatsAppWebhookTests.post(api, FakeMetaServer.statusWebhook(wamid, status, to: "5511944443333")).status == 200)
                }
                var thread = try await api.get("/v1/conversations/\(id)/messages", token: owner).items
                #expect(thread.last?.string("status") == "read")
                _ = try await WhatsAppWebhookTests.post(api, FakeMetaServer.statusWebhook(wamid, "played", to: "5511944443333"))
                // A failure after reading cannot be: ignored.
                _ = try await WhatsAppWebhookTests.post(api, FakeMetaServer.statusWebhook(wamid, "failed", to: "5511944443333", errorCode: 131026))
                thread = try await api.get("/v1/conversations/\(id)/messages", token: owner).items
                #expect(thread.last?.string("status") == "played")
                #expect(thread.count == before)
                #expect(try await info.drainJobs() == 0)
                #expect(meta.messages.count == outbound)
                // A delivered message that then fails keeps Meta's code and title.
                let second = try await Self.reply(api, owner, id, "Mais alguma coisa?", info)
                let other = try #require(second.string("externalId"))
                _ = try await WhatsAppWebhookTests.post(api, FakeMetaServer.statusWebhook(other, "delivered", to: "5511944443333"))
                _ = try await WhatsAppWebhookTests.post(api, FakeMetaServer.statusWebhook(other, "failed", to: "5511944443333", errorCode: 131026,
                                                                                            title: "Message Undeliverable"))
                let failed = try #require(try await api.get("/v1/conversations/\(id)/messages", token: owner).items.last)
                #expect(failed.string("status") == "failed")
                #expect(failed.string("failureReason") == "131026: Message Undeliverable")
                #expect(try await info.drainJobs() == 0)
            }
        }
    }

    @Test("outside the 24-hour window free text is not sent, with the reason; a due follow-up goes as an approved template",
          arguments: Backend.allCases)
    func window(backend: Backend) async throws {
        let meta = FakeMetaServer()
        meta.templates.withLock {
            $0 = [["name": "retorno_pedido", "language": "pt_BR", "status": "APPROVED", "category": "UTILITY", "id": "1",
                   "components": [["type": "BODY", "text": "Oi {{1}}, ainda precisa de ajuda com o pedido {{2}}?"]]],
                  ["name": "promo_rejeitada", "language": "pt_BR", "status": "REJECTED", "category": "MARKETING", "id": "2",
                   "components": [["type": "BODY", "text": "Promoção!"]]]]
        }
        try await meta.run { graph in
            try await TestApp.run(backend, whatsapp: Self.config(graph)) { api, info in
                let owner = try await api.login("owner@demo.local")
                let synced = try await api.post("/v1/whatsapp/templates/sync", token: owner, [:])
                #expect(synced.status == 200, "\(synced.text)")
                let templates = try await api.get("/v1/whatsapp/templates", token: owner).items
                #expect(templates.map { $0.string("name") } == ["promo_rejeitada", "retorno_pedido"])
                #expect(templates.last?["variables"] == 2)
                #expect(try await api.post("/v1/whatsapp/templates/sync", token: try await api.login("attendant@demo.local"), [:]).status == 403)
                _ = try await WhatsAppWebhookTests.post(api, FakeMetaServer.textWebhook(from: "5511933332222", name: "Rita", id: "wamid.W0", text: "oi"))
                let conversation = try #require(try await api.get("/v1/conversations?channel=whatsapp", token: owner).items.first)
                let id = try #require(conversation.string("id"))
                #expect(conversation["lastInboundAt"] != nil)
                #expect(try await Self.reply(api, owner, id, "Oi Rita!", info).string("status") == "sent")
                // A day and an hour later (the customer's last message moved back), free text is refused here, not by Meta.
                let tenant = try #require(conversation.string("tenantId").flatMap(UUID.init(uuidString:)))
                let conversationId = try #require(UUID(uuidString: id))
                try await info.store.withTenant(tenant) { tx in
                    var moved = try #require(try await tx.inbox.conversation(conversationId))
                    moved.lastInboundAt = Date().addingTimeInterval(-25 * 3600)
                    try await tx.inbox.update(moved)
                }
                let late = try await Self.reply(api, owner, id, "Oi de novo?", info)
                #expect(late.string("status") == "failed")
                #expect(late.string("failureReason") == "outside_24h_window")
                #expect(meta.messages.map(\.text) == ["Oi Rita!"])
                // A follow-up due now, outside the window, goes as its approved template with the variables.
                try await info.store.withTenant(tenant) { tx in
                    try await InboxOperations.scheduleFollowUp(conversationId, text: "Ainda precisa de ajuda?", at: Date(), by: nil, sender: .agent,
                                                               template: ["name": "retorno_pedido", "language": "pt_BR", "variables": ["Rita", "#1042"]],
                                                               in: tx, now: Date())
                    try await InboxOperations.scheduleFollowUp(conversationId, text: "Promo", at: Date(), by: nil, sender: .agent,
                                                               template: ["name": "promo_rejeitada"], in: tx, now: Date())
                }
                try await info.drainJobs()
                let templateSent = try #require(meta.messages.last)
                #expect(templateSent.text == "retorno_pedido")
                #expect(templateSent.template == "pt_BR")
                #expect(templateSent.variables == ["Rita", "#1042"])
                #expect(meta.messages.count == 2)
                let thread = try await api.get("/v1/conversations/\(id)/messages", token: owner).items
                let followUp = try #require(thread.first { $0["media"]?.string("type") == "template" })
                #expect(followUp.string("text") == "Oi Rita, ainda precisa de ajuda com o pedido #1042?")
                #expect(followUp.string("status") == "sent")
                let rejected = try #require(thread.first { $0.string("text") == "Promo" })
                #expect(rejected.string("status") == "failed")
                #expect(rejected.string("failureReason")?.hasPrefix("outside_24h_window") == true)
            }
        }
    }

    @Test("Meta's 131047 and 131026 mark the message failed with the reason; 130429 backs off and sends later")
    func metaErrors() async throws {
        let meta = FakeMetaServer()
        try await meta.run { graph in
            try await TestApp.run(whatsapp: Self.config(graph)) { api, info in
                let owner = try await api.login("owner@demo.local")
                _ = try await WhatsAppWebhookTests.post(api, FakeMetaServer.textWebhook(from: "5511922221111", name: "Lia", id: "wamid.E0", text: "oi"))
                let id = try #require(try await api.get("/v1/conversations?channel=whatsapp", token: owner).items.first?.string("id"))
                meta.failures.withLock { $0 = [130429] }
                // The throttled send is retried with backoff (the drain's clock is two minutes ahead) and then goes once.
                let paced = try await Self.reply(api, owner, id, "Primeira", info)
                #expect(paced.string("status") == "sent")
                #expect(meta.failures.withLock { $0.isEmpty })
                #expect(meta.messages.map(\.text) == ["Primeira"])
                // Meta's clock says the window closed (the customer wrote two days ago on its side).
                meta.customerWrote("5511922221111", at: Date().addingTimeInterval(-48 * 3600))
                let refused = try await Self.reply(api, owner, id, "Segunda", info)
                #expect(refused.string("status") == "failed")
                #expect(refused.string("failureReason")?.hasPrefix("131047") == true)
                meta.customerWrote("5511922221111", at: Date())
                meta.failures.withLock { $0 = [131026] }
                let undeliverable = try await Self.reply(api, owner, id, "Terceira", info)
                #expect(undeliverable.string("status") == "failed")
                #expect(undeliverable.string("failureReason")?.hasPrefix("131026") == true)
                #expect(meta.messages.count == 1)
            }
        }
    }
}
