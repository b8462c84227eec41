import CopilotoCore
import CopilotoHTTP
import CopilotoModels
import CopilotoTesting
import Foundation
import Logging
import Testing

/// Ctrl+. quick exchanges, page suggestions and the mention autocomplete over HTTP.
@Suite("Copilot helpers")
struct CopilotTests {
    @Test("a quick exchange rewrites a field with the local engine, is kept 7 days, promotes into a session and expires")
    func quickExchange() async throws {
        try await TestApp.run { api, info in
            let token = try await api.login("attendant@demo.local")
            let reply = try await api.post("/v1/assistant/quick", token: token,
                                           ["fieldId": "note", "text": "oi, vc pode me mandar o orcamento hj ?", "instruction": "Torne mais formal"])
            #expect(reply.status == 200)
            #expect(reply.json.string("content") == "Olá, você pode me mandar o orçamento hoje?")
            #expect(reply.json.string("provider") == "local")
            let id = try #require(reply.json.string("id"))
            let promoted = try await api.post("/v1/assistant/quick/\(id)/promote", token: token, [:])
            #expect(promoted.status == 201)
            #expect(promoted.json.string("mode") == "chat")
            let session = try await api.get("/v1/assistant/sessions/\(try #require(promoted.json.string("id")))", token: token)
            #expect(session["messages"]?.arrayValue?.map { $0.string("role") } == ["user", "assistant"])
            #expect(try await api.post("/v1/assistant/quick/\(id)/promote", token: token, [:]).status == 404)

            let streamed = try await api.request(.post, "/v1/assistant/quick", token: token,
                                                 json: ["fieldId": "x", "text": "o cliente pediu troca. o produto veio com defeito", "instruction": "corrija"],
                                                 accept: "text/event-stream")
            #expect(streamed.text.contains("event: message.delta"))
            #expect(streamed.text.contains("O cliente pediu troca. O produto veio com defeito."))
            #expect(try await api.post("/v1/assistant/quick", token: token, ["instruction": "corrija"]).status == 400)
            let unknown = try await api.post("/v1/assistant/quick", token: token, ["text": "abc", "instruction": "traduza para o japonês"])
            #expect(unknown.json.string("content")?.contains("Sem um modelo de IA") == true)

            // Another user cannot promote it; an old exchange answers 410 and the sweeper deletes it.
            let other = try await api.login("manager@demo.local")
            let mine = try #require(try await api.post("/v1/assistant/quick", token: token, ["text": "abc", "instruction": "corrija"]).json.string("id"))
            #expect(try await api.post("/v1/assistant/quick/\(mine)/promote", token: other, [:]).status == 404)
            guard let (user, _) = try await info.store.system.userForLogin(email: "attendant@demo.local") else { return }
            let old = QuickExchange(tenantId: user.tenantId, userId: user.id, fieldId: nil, instruction: "corrija", text: "a", output: "A.",
                                    provider: "local", createdAt: Date().addingTimeInterval(-8 * 86_400))
            try await info.store.withTenant(user.tenantId) { try await $0.quickExchanges.save(old) }
            #expect(try await api.post("/v1/assistant/quick/\(old.id.uuidString)/promote", token: token, [:]).status == 410)
            await Housekeeping(store: info.store, logger: Logger(label: "test")).sweep()
            #expect(try await api.post("/v1/assistant/quick/\(old.id.uuidString)/promote", token: token, [:]).status == 404)
            #expect(try await api.post("/v1/assistant/quick/\(mine)/promote", token: token, [:]).status == 201)
        }
    }

    @Test("suggestions fit the page and only offer what the role may do")
    func suggestions() async throws {
        try await TestApp.run { api, _ in
            let manager = try await api.get("/v1/assistant/suggestions?page=products", token: try await api.login("manager@demo.local"))
            #expect(manager.items.compactMap { $0.string("action") }.contains("bulkUpdateProductsPrice"))
            let viewer = try await api.get("/v1/assistant/suggestions?page=products", token: try await api.login("viewer@demo.local"))
            #expect(!viewer.items.isEmpty)
            let writes: Set<String> = ["bulkUpdateProductsPrice", "createProduct"]
            #expect(viewer.items.allSatisfy { !writes.contains($0.string("action") ?? "") })
            let detail = try await api.get("/v1/assistant/suggestions?page=customers.detail", token: try await api.login("manager@demo.local"))
            #expect(detail.items.compactMap { $0.string("action") }.contains("addNoteToClient"))
            let english = try await api.request(.get, "/v1/assistant/suggestions?page=dashboard", token: try await api.login("owner@demo.local"), language: "en")
            #expect(english.items.first?.string("label") == "Financial summary for this month")
        }
    }

    @Test("mentions find the tenant's records the role may read, by name or number")
    func mentions() async throws {
        try await TestApp.run { api, _ in
            let manager = try await api.login("manager@demo.local")
            let customer = try #require(try await api.get("/v1/customers?limit=1", token: manager).items.first)
            let name = try #require(customer.string("name"))
            let first = String(name.split(separator: " ")[0])
            let found = try await api.get("/v1/mentions?type=customer&q=\(first)", token: manager)
            #expect(found.items.contains { $0.string("label") == name })
            let order = try await api.get("/v1/mentions?q=%231001&type=order", token: manager)
            #expect(order.items.first?.string("label") == "#1001")
            let outsider = try await api.login("owner@outra.local")
            #expect(try await api.get("/v1/mentions?type=customer&q=\(first)", token: outsider).items.allSatisfy { $0.string("id") != customer.string("id") })
            let viewer = try await api.login("viewer@demo.local")
            #expect(try await api.get("/v1/mentions?type=invoice&q=1", token: viewer).items.isEmpty)
            #expect(try await api.get("/v1/mentions?type=planet", token: manager).status == 400)
            #expect(try await api.get("/v1/mentions?limit=0", token: manager).status == 400)
        }
    }
}
