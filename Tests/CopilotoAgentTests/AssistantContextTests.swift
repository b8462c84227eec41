import CopilotoActions
import CopilotoAgent
import CopilotoCore
import CopilotoDemo
import CopilotoModels
import CopilotoStore
import CopilotoTesting
import Foundation
import Testing

/// Page context and mentions reach the model's instructions; the context toggle turns the page off;
/// another tenant's ids expand to nothing.
@Suite("Assistant context and mentions")
struct AssistantContextTests {
    @Test("the page, the record on screen and mentioned records go into the prompt")
    func contextAndMentions() async throws {
        try await Backend.sqlite.withStore { store in
            try await DemoSeeder(store: store, passwords: PlainPasswordHasher()).seedIfEmpty()
            guard let (user, _) = try await store.system.userForLogin(email: "manager@demo.local"),
                  let (outsider, _) = try await store.system.userForLogin(email: "owner@outra.local") else { return }
            let identity = Identity(user: user, tokenId: UUID())
            let theirs = try await store.withTenant(outsider.tenantId) { try await $0.customers.list(PageRequest(limit: 1)).items[0] }
            let mine = try await store.withTenant(user.tenantId) { try await $0.customers.list(PageRequest(limit: 1)).items[0] }
            let model = ScriptedModel((0..<4).map { _ in ModelResponse(text: "ok", provider: "scripted", model: "m") })
            let actions = ActionService(store: store, authorizer: Authorizer(), signer: ApprovalSigner(secret: Data("k".utf8)),
                                        runner: ToolRunner(box: SecretBox(secret: Data("k".utf8))))
            let assistant = AssistantService(store: store, actions: actions, models: { _ in model })
            let session = try await assistant.create(identity, body: [:])
            let body: JSONValue = ["content": "resume esse cliente", "context": ["page": "customers.show", "entity": ["type": "customer", "id": "x", "data": ["name": "Tela"]]],
                                   "mentions": [["type": "customer", "id": .string(mine.id.uuidString), "label": "@cliente"],
                                                ["type": "customer", "id": .string(theirs.id.uuidString)], ["type": "order", "id": "#1001"]]]
            for try await _ in try await assistant.send(identity, sessionId: session.id, body: body, language: .ptBR) {}
            let instructions = try #require(model.received.first?.instructions)
            #expect(instructions.contains("Page: customers.show"))
            #expect(instructions.contains("## Allowed actions"))
            #expect(instructions.contains("ignore"))
            #expect(instructions.contains("\"Tela\""))
            #expect(instructions.contains(mine.name))
            #expect(!instructions.contains(theirs.name))
            #expect(instructions.contains("\"number\":1001"))
            let off: JSONValue = ["content": "de novo", "contextEnabled": false, "context": ["page": "customers.show"]]
            for try await _ in try await assistant.send(identity, sessionId: session.id, body: off, language: .ptBR) {}
            #expect(model.received[1].instructions?.contains("Page: customers.show") == false)
            let (_, messages) = try await assistant.get(identity, id: session.id)
            let receipts = messages.compactMap(\.context)
            #expect(receipts.count == 2)
            #expect(receipts.first?.string("page") == "customers.show")
            #expect(receipts.first?["entity"]?.string("type") == "customer")
            #expect(receipts.first?["mentions"]?.arrayValue?.map { $0["found"] } == [.bool(true), .bool(false), .bool(true)])
            #expect(receipts.last?["contextEnabled"] == .bool(false))
            #expect(receipts.last?["page"] == .null)
            await #expect(throws: CopilotoError.self) {
                _ = try await assistant.send(identity, sessionId: session.id, body: ["content": "x", "mentions": [["type": 1]]], language: .ptBR)
            }
        }
    }
}
