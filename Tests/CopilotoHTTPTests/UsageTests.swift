import CopilotoCore
import CopilotoModels
import CopilotoTesting
import Foundation
import Testing

/// Every model call is recorded with tokens and cost; messages carry their usage; GET /v1/usage sums it.
@Suite("Usage and cost")
struct UsageTests {
    @Test("a priced provider's tokens become a cost on the message and in /v1/usage by day, user, session and model")
    func usageRecorded() async throws {
        let fake = FakeOpenAIServer([.text("Olá! Como posso ajudar?", usage: (1000, 500)), .stream(["Tudo ", "certo."], usage: nil)])
        try await fake.run { url in
            let provider = OpenAICompatibleProvider.Configuration(name: "openai", baseURL: url, apiKey: "sk-test", model: "gpt-4o-mini")
            try await TestApp.run(provider: provider) { api, _ in
                let token = try await api.login("attendant@demo.local")
                let session = try #require(try await api.post("/v1/assistant/sessions", token: token, ["mode": "chat"]).json.string("id"))
                let reply = try await api.post("/v1/assistant/sessions/\(session)/messages", token: token, ["content": "oi"])
                let usage = try #require(reply["messages"]?.arrayValue?.first?["usage"])
                #expect(usage["promptTokens"] == .number(1000))
                // gpt-4o-mini: 1000 × 0.15/1M + 500 × 0.60/1M = 0.00045 USD
                #expect(usage["costUsd"] == .number(0.00045))
                let streamed = try await api.request(.post, "/v1/assistant/sessions/\(session)/messages", token: token,
                                                     json: ["content": "e aí?"], accept: "text/event-stream")
                #expect(streamed.text.contains("\"estimated\":true"))

                let report = try await api.get("/v1/usage", token: token)
                #expect(report.status == 200)
                #expect(report.json.string("scope") == "user")
                guard case .number(let calls)? = report["totals"]?["calls"] else { Issue.record("no totals: \(report.text)"); return }
                #expect(calls >= 2)
                #expect(report["byDay"]?.arrayValue?.count == 1)
                #expect(report["bySession"]?.arrayValue?.first?.string("sessionId") == session.lowercased())
                #expect(report["byModel"]?.arrayValue?.contains { $0.string("model") == "openai/gpt-4o-mini" } == true)
                let stored = try await api.get("/v1/assistant/sessions/\(session)", token: token)
                #expect(stored["messages"]?.arrayValue?[1].string("model") == "gpt-4o-mini")

                let owner = try await api.login("owner@demo.local")
                let team = try await api.get("/v1/usage?from=2020-01-01", token: owner)
                #expect(team.json.string("scope") == "team")
                #expect(team["byUser"]?.arrayValue?.count == 1)
                let ownerId = try #require(try await api.get("/v1/me", token: owner).json.string("id"))
                #expect(try await api.get("/v1/usage?userId=\(ownerId)", token: token).status == 403)
                #expect(try await api.get("/v1/usage?from=ontem", token: token).status == 400)
                #expect(try await api.get("/v1/usage?from=2030-01-02&to=2030-01-01", token: token).status == 400)
            }
        }
    }
}
