import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// The knowledge base: documents in, cited passages out, per tenant.
@Suite("Knowledge base")
struct KnowledgeTests {
    @Test("the demo policies answer a question, with the document to cite")
    func searchDemo() async throws {
        try await TestApp.run { api, _ in
            let viewer = try await api.login("viewer@demo.local")
            let hits = try await api.get("/v1/knowledge/search?q=posso%20trocar%20um%20produto%20com%20defeito%3F", token: viewer).items
            #expect(hits.first?.string("title") == "Política de trocas e devoluções")
            #expect(hits.first?.string("chunk")?.contains("30 dias") == true)
            let action = try await api.post("/v1/actions/search_kb/prepare", token: viewer, ["params": ["query": "frete grátis acima de quanto"]])
            #expect(action["result"]?["items"]?.arrayValue?.first?.string("title") == "Prazos de entrega e frete")
        }
    }

    @Test("documents are created by editors, isolated per tenant, and gone from search once deleted")
    func lifecycle() async throws {
        try await TestApp.run { api, _ in
            let editor = try await api.login("editor@demo.local")
            let viewer = try await api.login("viewer@demo.local")
            let outsider = try await api.login("owner@outra.local")
            let body: JSONValue = ["title": "Garantia de chapinhas", "content": "Chapinhas e secadores têm garantia de 12 meses do fabricante.",
                                   "tags": ["garantia"]]
            #expect(try await api.post("/v1/knowledge/documents", token: viewer, body).status == 403)
            let created = try await api.post("/v1/knowledge/documents", token: editor, body)
            #expect(created.status == 201)
            let id = try #require(created.json.string("id"))
            #expect(try await api.get("/v1/knowledge/search?q=garantia%20chapinha", token: editor).items.first?.string("documentId")?.lowercased() == id.lowercased())
            #expect(try await api.get("/v1/knowledge/search?q=garantia%20chapinha", token: outsider).items.isEmpty)
            #expect(try await api.get("/v1/knowledge/documents/\(id)", token: outsider).status == 404)
            #expect(try await api.delete("/v1/knowledge/documents/\(id)", token: editor).status == 204)
            #expect(try await api.get("/v1/knowledge/search?q=garantia%20chapinha", token: editor).items.isEmpty)
            #expect(try await api.get("/v1/knowledge/search?q=", token: editor).status == 400)
        }
    }

    @Test("the local assistant answers a policy question from the knowledge base and cites it; with no support it says so")
    func citedAnswer() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("attendant@demo.local")
            let id = try #require(try await api.post("/v1/assistant/sessions", token: token, ["mode": "agent"]).json.string("id"))
            let reply = try await api.post("/v1/assistant/sessions/\(id)/messages", token: token,
                                           ["content": "Qual o prazo para trocar um produto com defeito?"])
            let answer = try #require(reply["messages"]?.arrayValue?.last?.string("content"))
            #expect(answer.contains("Fonte: Política de trocas e devoluções"), "\(answer)")
            #expect(answer.contains("30 dias"), "\(answer)")
            #expect(reply["messages"]?.arrayValue?.contains { $0.string("toolName") == "search_kb" || $0["toolCalls"] != nil } == true
                    || answer.contains("Segundo"))
            let none = try await api.post("/v1/assistant/sessions/\(id)/messages", token: token,
                                          ["content": "Vocês vendem passagens de ônibus interestaduais?"])
            let refusal = try #require(none["messages"]?.arrayValue?.last?.string("content"))
            #expect(refusal.contains("Não encontrei nada na base de conhecimento"), "\(refusal)")
        }
    }
}
