import CopilotoCore
import CopilotoInbox
import CopilotoModels
import CopilotoTesting
import Foundation
import HTTPTypes
import Testing

/// Templates sent by a person, and the read receipt with typing indicator of an AI turn.
extension WhatsAppWindowTests {
    @Test("a person sends an approved template when the window is closed; an unknown or unapproved one is a 400")
    func humanTemplate() async throws {
        let meta = FakeMetaServer()
        meta.templates.withLock {
            $0 = [["name": "boas_vindas", "language": "pt_BR", "status": "APPROVED", "category": "UTILITY",
                   "components": [["type": "BODY", "text": "Olá {{1}}! Podemos continuar seu atendimento?"]]]]
        }
        try await meta.run { graph in
            try await TestApp.run(whatsapp: Self.config(graph)) { api, info in
                let owner = try await api.login("owner@demo.local"), attendant = try await api.login("attendant@demo.local")
                #expect(try await api.post("/v1/whatsapp/templates/sync", token: owner, ["businessAccountId": "102290129340398"]).status == 200)
                _ = try await WhatsAppWebhookTests.post(api, FakeMetaServer.textWebhook(from: "5511911112222", name: "Nina", id: "wamid.H0", text: "oi"))
                let id = try #require(try await api.get("/v1/conversations?channel=whatsapp", token: owner).items.first?.string("id"))
                for bad: JSONValue in [["template": ["name": "nao_existe"]], ["template": ["name": "boas_vindas"]], ["template": "boas_vindas"],
                                       ["template": ["name": "boas_vindas", "variables": ["Nina"], "extra": 1]], [:]] {
                    #expect(try await api.post("/v1/conversations/\(id)/messages", token: attendant, bad).status == 400, "\(bad)")
                }
                let sent = try await api.post("/v1/conversations/\(id)/messages", token: attendant,
                                              ["template": ["name": "boas_vindas", "language": "pt_BR", "variables": ["Nina"]]])
                #expect(sent.status == 201, "\(sent.text)")
                #expect(sent.json.string("text") == "Olá Nina! Podemos continuar seu atendimento?")
                try await info.drainJobs()
                #expect(meta.messages.last?.text == "boas_vindas")
                #expect(meta.messages.last?.variables == ["Nina"])
            }
        }
    }
}

extension WhatsAppWindowTests {
    @Test("an AI turn marks the customer's message read with the typing indicator, refreshed while a slow model thinks")
    func typing() async throws {
        let meta = FakeMetaServer()
        let model = FakeOpenAIServer { _ in .delayed(.seconds(3), .text("Já vejo isso para você.")) }
        try await meta.run { graph in try await model.run { modelURL in
            let provider = OpenAICompatibleProvider.Configuration(name: "fake", baseURL: modelURL, apiKey: "k", model: "gpt-4o-mini")
            try await TestApp.run(provider: provider, whatsapp: Self.config(graph), typingRefresh: .milliseconds(200)) { api, info in
                let owner = try await api.login("owner@demo.local")
                _ = try await AIAgentTurnTests.agent(api, owner)
                _ = try await WhatsAppWebhookTests.post(api, FakeMetaServer.textWebhook(from: "5511966665555", name: "Leo", id: "wamid.T1",
                                                                                          text: "qual o prazo de entrega para Campinas?"))
                try await info.drainJobs()
                #expect(meta.messages.map(\.text) == ["Já vejo isso para você."])
                let receipts = meta.readReceipts
                #expect(receipts.count >= 2, "\(receipts)")  // the first, and at least one refresh during the 3 s turn
                #expect(receipts.allSatisfy { $0.messageId == "wamid.T1" && $0.typing })
            }
        } }
    }
}
