import CopilotoActions
import CopilotoAgent
import CopilotoCore
import CopilotoDemo
import CopilotoModels
import CopilotoStore
import CopilotoTesting
import Foundation
import Testing

/// The agent loop with a scripted model over the real action service on a seeded SQLite file.
@Suite("Agent runner")
struct AgentRunnerTests {
    static func run(_ email: String, _ script: [ModelResponse], mode: AgentRunner.Mode = .agent, limits: AgentLimits = AgentLimits(),
                    _ check: @Sendable ([AgentEvent], ScriptedModel, SQLDataStore, Identity) async throws -> Void) async throws {
        try await Backend.sqlite.withStore { store in
            try await DemoSeeder(store: store, passwords: PlainPasswordHasher()).seedIfEmpty()
            let actions = ActionService(store: store, authorizer: Authorizer(), signer: ApprovalSigner(secret: Data("k".utf8)),
                                        runner: ToolRunner(box: SecretBox(secret: Data("k".utf8))))
            guard let (user, _) = try await store.system.userForLogin(email: email) else { throw CopilotoError.notFound(resource: "user") }
            let identity = Identity(user: user, tokenId: UUID())
            let model = ScriptedModel(script)
            let runner = AgentRunner(model: model, actions: actions, settings: ModelSettings(model: "scripted"), limits: limits)
            var events: [AgentEvent] = []
            for try await event in runner.run(identity, language: .ptBR, instructions: "Você é o Copiloto.", history: [.user("oi")],
                                              mode: mode, sessionId: nil) { events.append(event) }
            try await check(events, model, store, identity)
        }
    }

    static func call(_ name: String, _ arguments: String, id: String = "c1") -> ModelResponse {
        ModelResponse(text: "", toolCalls: [ToolCall(id: id, name: name, arguments: arguments)], provider: "scripted", model: "m")
    }

    static func answer(_ text: String) -> ModelResponse { ModelResponse(text: text, provider: "scripted", model: "m") }

    @Test("a read runs inside the loop and its result goes back to the model")
    func readLoop() async throws {
        try await Self.run("viewer@demo.local", [Self.call("getOrder", "{\"orderId\": \"#1001\"}"), Self.answer("O pedido #1001 foi entregue.")]) { events, model, _, _ in
            guard case .toolCompleted(_, "getOrder", true, let output)? = events.first(where: { if case .toolCompleted = $0 { true } else { false } }) else {
                Issue.record("no tool result: \(events)"); return
            }
            #expect(output["number"] == 1001)
            #expect(model.received.last?.messages.last?.role == .tool)
            #expect(events.last == .completed(text: "O pedido #1001 foi entregue.", provider: "scripted", usage: nil, notice: nil))
            #expect(!(model.received.first?.tools.map(\.name).contains("createCustomer") ?? true))
        }
    }

    @Test("a write stops the turn as a pending action and changes nothing")
    func writeStops() async throws {
        try await Self.run("attendant@demo.local", [Self.call("createCustomer", "{\"name\": \"Maria Souza\"}")]) { events, model, store, identity in
            #expect(events.contains { if case .actionProposed(let p) = $0 { p.action == "createCustomer" } else { false } })
            let found = try await store.withTenant(identity.tenantId) { try await $0.customers.list(PageRequest(query: "Maria Souza")).items }
            #expect(found.isEmpty)
            #expect(model.received.count == 1)
        }
    }

    @Test("chat mode offers only reads and refuses a write call")
    func chatMode() async throws {
        try await Self.run("owner@demo.local", [Self.call("createCustomer", "{\"name\": \"X\"}"), Self.answer("Não posso criar no modo conversa.")],
                           mode: .chat) { events, model, _, _ in
            #expect(!(model.received.first?.tools.contains { $0.name == "createCustomer" } ?? true))
            #expect(events.contains { if case .toolCompleted(_, "createCustomer", false, _) = $0 { true } else { false } })
            #expect(!events.contains { if case .actionProposed = $0 { true } else { false } })
        }
    }

    @Test("tool failures go back to the model, and the loop guard and step limit end runaway turns")
    func guards() async throws {
        let repeated = (0..<6).map { Self.call("getOrder", "{\"orderId\": \"#999999\"}", id: "c\($0)") }
        try await Self.run("owner@demo.local", repeated, limits: AgentLimits(maxSteps: 5, maxIdenticalCalls: 3)) { events, _, _, _ in
            let failures = events.compactMap { event -> JSONValue? in
                if case .toolCompleted(_, _, false, let output) = event { return output }
                return nil
            }
            #expect(failures.count == 5)
            #expect(failures.last?.string("error")?.contains("repeated") == true)
            guard case .completed(let text, _, _, _)? = events.last else { Issue.record("no completion"); return }
            #expect(text.contains("5 passos"))
        }
    }
}
