import CopilotoCore
import CopilotoTesting
import Foundation
import Synchronization
import Testing

/// Copilots on the tenant's real provider chain: the compiled schema goes out as the response format, the answer is
/// validated, and a provider that keeps failing leaves the event to retries and a dead letter.
@Suite("Copilots with a model provider")
struct CopilotModelTests {
    @Test("the tenant's provider gets the copilot's prompt and schema and answers the insight", arguments: Backend.allCases)
    func providerAnswers(backend: Backend) async throws {
        let seen = Requests()
        let llm = FakeOpenAIServer(responder: { body in
            seen.items.withLock { $0.append(body) }
            return .text(InstantInsightModel.answer(body["response_format"]?["json_schema"]?["schema"] ?? [:]).encoded())
        })
        try await llm.run { url in
            try await TestApp.run(backend) { api, info in
                let owner = try await api.login("owner@demo.local")
                let provider = try await api.post("/v1/settings/llm-providers", token: owner,
                                                  ["name": "openai", "baseURL": .string(url), "model": "gpt-4o-mini", "apiKey": "sk-test"])
                #expect(provider.status == 201)
                #expect(try await api.post("/v1/copilots/templates/objection_coach/install", token: owner, [:]).status == 201)
                _ = try await api.post("/v1/channels/webchat/demo/messages", token: nil, ["visitorId": "v-model", "messageId": "1",
                                                                                          "text": "Está caro demais"])
                #expect(try await info.drainCopilots() == 1)
                let insight = try #require(try await api.get("/v1/insights", token: owner).items.first)
                #expect(insight.string("provider") == "openai")
                #expect(insight["payload"] == ["objecao": "preco", "sentimento": "positivo", "dica": "ok"])
                #expect(insight["missingFields"] == [])
                let sent = try #require(seen.items.withLock { $0.last })
                #expect(sent["response_format"]?["json_schema"]?["schema"]?["required"] == ["objecao", "sentimento", "dica"])
                #expect(sent["messages"]?.arrayValue?.last?.string("content")?.contains("Está caro demais") == true)
                #expect(sent["messages"]?.arrayValue?.first?.string("content")?.contains("coach de vendas") == true)
            }
        }
    }

    @Test("a provider that keeps failing: the event is retried with backoff and ends as a dead letter, with no insight")
    func providerDown() async throws {
        let llm = FakeOpenAIServer(responder: { _ in .status(500, code: "server_error") })
        try await llm.run { url in
            try await TestApp.run { api, info in
                let owner = try await api.login("owner@demo.local")
                _ = try await api.post("/v1/settings/llm-providers", token: owner,
                                       ["name": "openai", "baseURL": .string(url), "model": "gpt-4o-mini", "apiKey": "sk-test"])
                _ = try await api.post("/v1/copilots/templates/objection_coach/install", token: owner, [:])
                _ = try await api.post("/v1/channels/webchat/demo/messages", token: nil, ["visitorId": "v-down", "messageId": "1", "text": "Oi"])
                var clock = Date()
                for _ in 0..<info.store.copilotMaxAttempts {
                    #expect(try await info.drainCopilots(now: clock) == 1)
                    clock = clock.addingTimeInterval(400)
                }
                #expect(try await info.drainCopilots(now: clock) == 0)
                let dead = try await api.get("/v1/events?status=dead", token: owner).items
                #expect(dead.count == 1)
                #expect(dead.first?["attempts"] == .number(Double(info.store.copilotMaxAttempts)))
                #expect(try await api.get("/v1/insights", token: owner).items.isEmpty)
            }
        }
    }
}

/// The request bodies a stateless fake provider received.
final class Requests: Sendable {
    let items = Mutex<[JSONValue]>([])
}
