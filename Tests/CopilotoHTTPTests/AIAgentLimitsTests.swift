import CopilotoCore
import CopilotoInbox
import CopilotoModels
import CopilotoTesting
import Foundation
import Testing

/// AI agents over time: spending limits and the degrade ladder, analytics, memory of a contact, feedback on answers.
@Suite("AI agents: limits, analytics, memory")
struct AIAgentLimitsTests {
    static func agent(_ api: APIClient, _ token: String) async throws -> String { try await AIAgentTurnTests.agent(api, token) }
    static func webchat(_ api: APIClient, visitor: String, id: String, _ text: String) async throws -> APIResponse {
        try await AIAgentTurnTests.webchat(api, visitor: visitor, id: id, text)
    }

    @Test("over its spending limit an agent degrades: the local engine when the knowledge base answers, else a person (usage_limit)")
    func spendingLimit() async throws {
        let paid = FakeOpenAIServer(responder: { _ in .text("Resposta do modelo pago.", usage: (1000, 500)) })
        try await paid.run { url in
            let provider = OpenAICompatibleProvider.Configuration(name: "pago", baseURL: url, apiKey: "k", model: "gpt-4o-mini")
            try await TestApp.run(provider: provider) { api, info in
                let owner = try await api.login("owner@demo.local")
                let id = try await Self.agent(api, owner)
                #expect(try await api.patch("/v1/ai-agents/\(id)", token: owner, ["settings": ["limits": ["requestsPerDay": 1, "dailyUSD": 5]]]).status == 200)
                _ = try await Self.webchat(api, visitor: "v-pay-1", id: "1", "vocês vendem perfume importado?")
                try await info.drainJobs()
                _ = try await Self.webchat(api, visitor: "v-pay-2", id: "1", "qual o prazo para trocar um produto?")
                try await info.drainJobs()
                _ = try await Self.webchat(api, visitor: "v-pay-3", id: "1", "me conta uma piada")
                try await info.drainJobs()
                func last(_ visitor: String) async throws -> String? {
                    try await api.get("/v1/channels/webchat/demo/messages?visitorId=\(visitor)", token: nil).items.last?.string("text")
                }
                #expect(try await last("v-pay-1") == "Resposta do modelo pago.")
                #expect(try await last("v-pay-2")?.contains("Política de trocas") == true)
                let third = try await api.get("/v1/conversations?channel=webchat", token: owner).items.first { $0.string("externalContact") == "v-pay-3" }
                #expect(third?.string("escalationReason") == "usage_limit")
                #expect(third?["aiPaused"] == .bool(true))
                #expect(try await last("v-pay-3")?.isEmpty == false)
                let usage = try await api.get("/v1/usage?agentId=\(id)", token: owner)
                #expect(usage.text.contains("\"calls\":1"), "\(usage.text)")
            }
        }
    }

    @Test("analytics per agent: conversations, resolution and escalation rates, first response, tool runs; finance-level roles only",
          arguments: Backend.allCases)
    func analytics(backend: Backend) async throws {
        try await TestApp.run(backend) { api, info in
            let owner = try await api.login("owner@demo.local")
            let id = try await Self.agent(api, owner)
            _ = try await Self.webchat(api, visitor: "v-an-1", id: "1", "qual o prazo para trocar um produto?")
            _ = try await Self.webchat(api, visitor: "v-an-2", id: "1", "quero falar com um atendente")
            try await info.drainJobs()
            let first = try #require(try await api.get("/v1/conversations", token: owner).items.first { $0.string("externalContact") == "v-an-1" })
            let attendant = try await api.login("attendant@demo.local")
            #expect(try await api.post("/v1/conversations/\(first.string("id") ?? "")/close", token: attendant, [:]).status == 200)
            let report = try await api.get("/v1/analytics/agents", token: owner)
            #expect(report.status == 200, "\(report.text)")
            let mine = try #require(report.items.first { $0.string("agentId")?.lowercased() == id.lowercased() })
            #expect(mine["conversations"] == 2)
            #expect(mine["resolutionRate"] == 0.5)
            #expect(mine["escalationRate"] == 0.5)
            #expect(mine["escalationsByReason"]?["customer_request"] == 1)
            #expect(mine["tools"]?["search_kb"] == 1)
            if case .number(let seconds)? = mine["firstResponseSeconds"] { #expect(seconds >= 0) } else { Issue.record("no first response") }
            #expect(try await api.get("/v1/analytics/agents", token: attendant).status == 403)
            #expect(try await api.get("/v1/analytics/agents?from=ontem", token: owner).status == 400)
        }
    }

    @Test("facts a customer gave are given to the agent in the next conversation; complaints about an answer are listed for review")
    func memoryAndFeedback() async throws {
        let model = FakeOpenAIServer(responder: { body in
            let system = body["messages"]?.arrayValue?.first?.string("content") ?? ""
            return .text(system.contains("name: Rita Moura") ? "Oi de novo, Rita!" : "Olá! Como posso ajudar?")
        })
        try await model.run { url in
            try await TestApp.run(provider: .init(name: "fake", baseURL: url, apiKey: "k", model: "gpt-4o-mini")) { api, info in
                let owner = try await api.login("owner@demo.local")
                _ = try await Self.agent(api, owner)
                _ = try await Self.webchat(api, visitor: "v-mem", id: "1", "Oi, meu nome é Rita Moura e moro em Campinas")
                try await info.drainJobs()
                _ = try await Self.webchat(api, visitor: "v-mem", id: "2", "você não entendeu, resposta nada a ver")
                try await info.drainJobs()
                let feedback = try await api.get("/v1/ai-feedback", token: owner)
                #expect(feedback.items.first?.string("complaint") == "você não entendeu, resposta nada a ver")
                #expect(feedback.items.first?.string("answer") == "Olá! Como posso ajudar?")
                let attendant = try await api.login("attendant@demo.local")
                #expect(try await api.get("/v1/ai-feedback", token: attendant).status == 403)
                let conversation = try #require(try await api.get("/v1/conversations", token: owner).items.first)
                _ = try await api.post("/v1/conversations/\(conversation.string("id") ?? "")/close", token: owner, [:])
                _ = try await Self.webchat(api, visitor: "v-mem", id: "3", "oi, voltei")
                try await info.drainJobs()
                let thread = try await api.get("/v1/channels/webchat/demo/messages?visitorId=v-mem", token: nil).items
                #expect(thread.last?.string("text") == "Oi de novo, Rita!")
            }
        }
    }
}
