import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// The team copilot with no API key: the local engine answers, writes wait for "sim".
@Suite("Assistant")
struct AssistantTests {
    @Test("a command becomes a pending action; 'sim' executes it; the session is titled and kept")
    func confirmInWords() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("attendant@demo.local")
            let session = try await api.post("/v1/assistant/sessions", token: token, ["mode": "agent"])
            #expect(session.status == 201)
            #expect(session.json.string("titleSetBy") == "system")
            let id = try #require(session.json.string("id"))
            let reply = try await api.post("/v1/assistant/sessions/\(id)/messages", token: token,
                                           ["content": "Criar cliente Maria Souza, email maria.souza@gmail.com"])
            #expect(reply.status == 200)
            let pending = try #require(reply["pendingActions"]?.arrayValue?.first)
            #expect(pending.string("action") == "createCustomer")
            #expect(try await api.get("/v1/customers?q=maria%20souza", token: token).items.isEmpty)
            let confirmed = try await api.post("/v1/assistant/sessions/\(id)/messages", token: token, ["content": "sim"])
            #expect(confirmed["messages"]?.arrayValue?.first?.string("content")?.hasPrefix("Feito") == true)
            #expect(confirmed["resolvedActions"]?.arrayValue?.first?.string("status") == "executed")
            #expect(try await api.get("/v1/customers?q=maria%20souza", token: token).items.count == 1)
            let stored = try await api.get("/v1/assistant/sessions/\(id)", token: token)
            #expect(stored.json.string("titleSetBy") == "ai")
            #expect(stored["messages"]?.arrayValue?.count == 4)
        }
    }

    @Test("'sim' after the card's button already confirmed says so and runs nothing twice")
    func confirmedTwice() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("manager@demo.local")
            let id = try #require(try await api.post("/v1/assistant/sessions", token: token, [:]).json.string("id"))
            let reply = try await api.post("/v1/assistant/sessions/\(id)/messages", token: token, ["content": "criar categoria Perfumaria Fina"])
            let pending = try #require(reply["pendingActions"]?.arrayValue?.first?.string("pendingActionId"))
            #expect(try await api.post("/v1/pending-actions/\(pending)/confirm", token: token, [:]).status == 200)
            let again = try await api.post("/v1/assistant/sessions/\(id)/messages", token: token, ["content": "sim"])
            #expect(again["messages"]?.arrayValue?.first?.string("content") == "Essa ação já foi executada.")
            #expect(again["resolvedActions"]?.arrayValue?.isEmpty == true)
            let categories = try await api.get("/v1/categories?limit=200", token: token).items
            #expect(categories.filter { $0.string("name") == "Perfumaria Fina" }.count == 1, "\(categories.compactMap { $0.string("name") })")
        }
    }

    @Test("answers stream as the SSE events of API.md, ending with message.completed")
    func streaming() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("finance@demo.local")
            let id = try #require(try await api.post("/v1/assistant/sessions", token: token, [:]).json.string("id"))
            let response = try await api.request(.post, "/v1/assistant/sessions/\(id)/messages", token: token,
                                                 json: ["content": "resumo financeiro do mês"], accept: "text/event-stream")
            let events = response.text.split(separator: "\n").filter { $0.hasPrefix("event: ") }.map { String($0.dropFirst(7)) }
            #expect(events.first == "tool.started")
            #expect(events.contains("tool.completed"))
            #expect(events.last == "message.completed")
            #expect(response.text.contains("faturados"))
        }
    }

    @Test("sessions belong to their user only")
    func ownership() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local")
            let manager = try await api.login("manager@demo.local")
            let outsider = try await api.login("owner@outra.local")
            let id = try #require(try await api.post("/v1/assistant/sessions", token: owner, ["title": "Minha conversa"]).json.string("id"))
            #expect(try await api.get("/v1/assistant/sessions/\(id)", token: manager).status == 404)
            #expect(try await api.get("/v1/assistant/sessions/\(id)", token: outsider).status == 404)
            #expect(try await api.post("/v1/assistant/sessions/\(id)/messages", token: manager, ["content": "oi"]).status == 404)
            #expect(try await api.patch("/v1/assistant/sessions/\(id)", token: owner, ["title": "Renomeada"]).json.string("title") == "Renomeada")
            #expect(try await api.get("/v1/assistant/sessions?q=renomeada", token: owner).items.count == 1)
            #expect(try await api.delete("/v1/assistant/sessions/\(id)", token: owner).status == 204)
            #expect(try await api.post("/v1/assistant/sessions/\(id)/messages", token: owner, ["content": "oi"]).status == 404)
            #expect(try await api.post("/v1/assistant/sessions", token: owner, ["mode": "turbo"]).status == 400)
        }
    }
}
