import CopilotoCore
import CopilotoModels
import CopilotoTesting
import Foundation
import Testing

/// The degrade ladder end to end: the agent's own model, then (over the agent's limit) its cheaper model, then (over
/// the tenant's cap on all model spending) no model — the local engine or a person, never silence. Concurrent AI
/// conversations are capped tenant-wide too.
@Suite("Cost ladder")
struct CostLadderTests {
    @Test("own model → cheaper model → tenant cap: local engine or hand-over with usage_limit", arguments: Backend.allCases)
    func ladder(backend: Backend) async throws {
        let model = FakeOpenAIServer(recording: true, responder: { body in .text("Resposta de \(body.string("model") ?? "?").") })
        try await model.run { url in
            try await TestApp.run(backend, provider: .init(name: "fake", baseURL: url, apiKey: "k", model: "gpt-4o")) { api, info in
                let owner = try await api.login("owner@demo.local")
                let id = try await AIAgentTurnTests.agent(api, owner, debounceMs: 0)
                let limits: JSONValue = ["requestsPerDay": 1, "cheaperModel": "gpt-4o-mini"]
                #expect(try await api.patch("/v1/ai-agents/\(id)", token: owner, ["model": "gpt-4o", "settings": ["limits": limits]]).status == 200)
                #expect(try await api.put("/v1/inbox/settings", token: owner, ["limits": ["requestsPerDay": 2]]).status == 200)
                func ask(_ visitor: String, _ text: String) async throws -> String? {
                    _ = try await AIAgentTurnTests.webchat(api, visitor: visitor, id: "1", text)
                    try await info.drainJobs()
                    return try await api.get("/v1/channels/webchat/demo/messages?visitorId=\(visitor)", token: nil).items.last?.string("text")
                }
                #expect(try await ask("v-cl-1", "vocês entregam em Campinas?") == "Resposta de gpt-4o.")
                #expect(try await ask("v-cl-2", "tem perfume importado?") == "Resposta de gpt-4o-mini.")
                // The tenant's two calls of the day are spent: the knowledge base answers locally…
                #expect(try await ask("v-cl-3", "qual o prazo para trocar um produto?")?.contains("Política de trocas") == true)
                // …and with nothing grounded to say, a person takes over.
                _ = try await ask("v-cl-4", "me conta uma piada")
                let last = try await InboxToolsTests.conversation(api, owner, "v-cl-4")
                #expect(last.string("escalationReason") == "usage_limit" && last["aiPaused"] == .bool(true))
                #expect(model.requests.map { $0.string("model") } == ["gpt-4o", "gpt-4o-mini"])
                let usage = try await api.get("/v1/usage?agentId=\(id)", token: owner).text
                #expect(usage.contains("\"calls\":2"), "\(usage)")
            }
        }
    }

    @Test("the tenant's cap on concurrent AI conversations leaves the next one pending for the team")
    func concurrentCap() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local")
            _ = try await AIAgentTurnTests.agent(api, owner)
            #expect(try await api.put("/v1/inbox/settings", token: owner, ["maxConcurrentAI": 2]).status == 200)
            for visitor in ["v-cap-1", "v-cap-2", "v-cap-3"] { _ = try await AIAgentTurnTests.webchat(api, visitor: visitor, id: "1", "oi") }
            let statuses = try await api.get("/v1/conversations?channel=webchat", token: owner).items
                .sorted { ($0.string("externalContact") ?? "") < ($1.string("externalContact") ?? "") }.map { $0.string("status") }
            #expect(statuses == ["open", "open", "pending"])
        }
    }
}
