import CopilotoCore
import CopilotoInbox
import CopilotoModels
import CopilotoTesting
import Foundation
import Testing

/// The inbox tools (ACTIONS.md): an AI agent runs the ones it was given on its own conversation at once (tags,
/// stage, activity, follow-up, hand-over), audited as itself; repeated tool failures hand the conversation over;
/// people run them through prepare → confirm.
@Suite("Inbox tools")
struct InboxToolsTests {
    static func calls(_ calls: [(String, JSONValue)]) -> FakeReply {
        .toolCalls(calls.enumerated().map { ToolCall(id: "call_\($0.offset)", name: $0.element.0, arguments: $0.element.1.encoded()) })
    }

    /// The scripted model: what it does depends on the customer's message; after tool results it answers.
    static func makeModel() -> FakeOpenAIServer { FakeOpenAIServer(recording: true, responder: { body in
        let messages = body["messages"]?.arrayValue ?? []
        let customer = messages.last { $0.string("role") == "user" }?.string("content") ?? ""
        let answered = messages.contains { $0.string("role") == "tool" }
        if customer.contains("orçamento") {
            return answered ? .text("Anotei tudo! Vou preparar seu orçamento.") : calls([
                ("addTag", ["tag": "orçamento"]),
                ("moveToStage", ["stage": "proposta", "funnel": "Vendas", "conversationId": .string(UUID().uuidString)]),
                ("createActivity", ["title": "Enviar orçamento de 20 kits"]),
                ("scheduleFollowUp", ["text": "Oi! Conseguiu ver o orçamento?", "inHours": 24]),
            ])
        }
        if customer.contains("boleto") {
            return answered ? .text("Vou te passar para o financeiro, um instante!")
                : calls([("transferToHuman", ["reason": "out_of_scope", "note": "Assunto financeiro"])])
        }
        if customer.contains("cancela") {
            return answered ? .text("Pronto.") : calls([("closeConversation", [:]), ("getOrder", ["orderId": "nao-existe"])])
        }
        return .text("Olá! Como posso ajudar?")
    }) }

    static func agent(_ api: APIClient, _ token: String) async throws -> String {
        let created = try await api.post("/v1/ai-agents", token: token, [
            "name": "Bia", "prompt": "Atenda os clientes.", "tools": ["addTag", "moveToStage", "createActivity", "scheduleFollowUp", "transferToHuman", "getOrder"],
            "settings": ["debounceMs": 0, "debounceMaxMs": 0, "replyDelayMinMs": 0, "replyDelayMaxMs": 0],
        ])
        #expect(created.status == 201, "\(created.text)")
        return try #require(created.json.string("id"))
    }

    static func conversation(_ api: APIClient, _ token: String, _ visitor: String) async throws -> JSONValue {
        try #require(try await api.get("/v1/conversations?channel=webchat&limit=200", token: token).items.first { $0.string("externalContact") == visitor })
    }

    @Test("an AI agent tags, moves the stage, creates an activity and schedules a follow-up on its own conversation, audited as itself",
          arguments: Backend.allCases)
    func agentTools(backend: Backend) async throws {
        let model = Self.makeModel()
        try await model.run { url in
            try await TestApp.run(backend, provider: .init(name: "fake", baseURL: url, apiKey: "k", model: "gpt-4o-mini")) { api, info in
                let owner = try await api.login("owner@demo.local")
                let agentId = try await Self.agent(api, owner)
                _ = try await AIAgentTurnTests.webchat(api, visitor: "v-tools-1", id: "1", "quero um orçamento de 20 kits")
                try await info.drainJobs(now: Date().addingTimeInterval(60))
                let conversation = try await Self.conversation(api, owner, "v-tools-1")
                #expect(conversation["tags"] == ["orçamento"])
                #expect(conversation.string("funnel") == "Vendas" && conversation.string("stage") == "Proposta", "\(conversation)")
                let thread = try await api.get("/v1/channels/webchat/demo/messages?visitorId=v-tools-1", token: nil).items
                #expect(thread.last?.string("text") == "Anotei tudo! Vou preparar seu orçamento.")
                // The model never sees conversationId: its own conversation is always the one used.
                let offered = model.requests.first?["tools"]?.arrayValue ?? []
                let addTag = offered.first { $0["function"]?.string("name") == "addTag" }
                #expect(addTag != nil && addTag?["function"]?["parameters"]?["properties"]?["conversationId"] == nil,
                        "\(model.requests.map { $0["tools"]?.encoded() ?? "" })")
                let tasks = try await api.get("/v1/agenda?q=20%20kits", token: owner).items
                #expect(tasks.first?.string("title") == "Enviar orçamento de 20 kits")
                for action in ["addTag", "moveToStage", "createActivity", "scheduleFollowUp"] {
                    let rows = try await api.get("/v1/audit?action=\(action)", token: owner).items
                    #expect(rows.contains { $0.string("userId")?.lowercased() == agentId.lowercased() && $0.string("status") == "executed" }, "\(action)")
                }
                // A day later, with no answer from the customer, the follow-up goes out.
                try await info.drainJobs(now: Date().addingTimeInterval(25 * 3600))
                let later = try await api.get("/v1/channels/webchat/demo/messages?visitorId=v-tools-1", token: nil).items
                #expect(later.last?.string("text") == "Oi! Conseguiu ver o orçamento?" && later.last?.string("sender") == "ai_agent")
                #expect(try await info.drainJobs(now: Date().addingTimeInterval(26 * 3600)) == 0)
            }
        }
    }

    @Test("the agent hands over with transferToHuman: its words are the transition; repeated tool failures hand over too")
    func handOverAndFailures() async throws {
        try await Self.makeModel().run { url in
            try await TestApp.run(provider: .init(name: "fake", baseURL: url, apiKey: "k", model: "gpt-4o-mini")) { api, info in
                let owner = try await api.login("owner@demo.local")
                _ = try await Self.agent(api, owner)
                _ = try await AIAgentTurnTests.webchat(api, visitor: "v-tools-2", id: "1", "preciso falar sobre meu boleto")
                _ = try await AIAgentTurnTests.webchat(api, visitor: "v-tools-3", id: "1", "cancela tudo")
                try await info.drainJobs(now: Date().addingTimeInterval(60))
                let moved = try await Self.conversation(api, owner, "v-tools-2")
                #expect(moved["aiPaused"] == .bool(true) && moved.string("escalationReason") == "out_of_scope")
                #expect(moved.string("assignedUserId") != nil)
                let visible = try await api.get("/v1/channels/webchat/demo/messages?visitorId=v-tools-2", token: nil).items
                #expect(visible.last?.string("text") == "Vou te passar para o financeiro, um instante!")
                let team = try await api.get("/v1/conversations/\(moved.string("id") ?? "")/messages", token: owner).items
                #expect(team.contains { $0["message"]?.string("sender") == "system" || $0.string("sender") == "system" })
                let failed = try await Self.conversation(api, owner, "v-tools-3")
                #expect(failed.string("escalationReason") == "tool_failure")
                #expect(failed.string("status") != "closed")  // closeConversation was not given to the agent
            }
        }
    }

    @Test("people run inbox tools through prepare → confirm; a follow-up is skipped when the customer writes first")
    func teamTools() async throws {
        try await TestApp.run { api, info in
            let attendant = try await api.login("attendant@demo.local")
            _ = try await AIAgentTurnTests.webchat(api, visitor: "v-team-1", id: "1", "oi")
            let id = try await Self.conversation(api, attendant, "v-team-1").string("id") ?? ""
            let prepared = try await api.post("/v1/actions/scheduleFollowUp/prepare", token: attendant,
                                              ["params": ["conversationId": .string(id), "text": "Ainda tem interesse?", "inHours": 2]])
            #expect(prepared.json.string("status") == "pending", "\(prepared.text)")
            #expect(prepared.json["pendingAction"]?["preview"]?.string("summary")?.contains("Ainda tem interesse?") == true)
            let pendingId = prepared.json["pendingAction"]?.string("id") ?? ""
            #expect(try await api.post("/v1/pending-actions/\(pendingId)/confirm", token: attendant, [:]).status == 200)
            _ = try await AIAgentTurnTests.webchat(api, visitor: "v-team-1", id: "2", "voltei!")
            try await info.drainJobs(now: Date().addingTimeInterval(3 * 3600))
            let thread = try await api.get("/v1/channels/webchat/demo/messages?visitorId=v-team-1", token: nil).items
            #expect(!thread.contains { $0.string("text") == "Ainda tem interesse?" })
            let stage = try await api.post("/v1/actions/moveToStage/prepare", token: attendant, ["params": ["conversationId": .string(id), "stage": "Fechado"]])
            #expect(stage.status == 400 || stage.status == 422, "\(stage.text)")
            #expect(stage.text.contains("Atendimento/Novo"))
            let viewer = try await api.login("viewer@demo.local")
            #expect(try await api.post("/v1/actions/addTag/prepare", token: viewer, ["params": ["conversationId": .string(id), "tag": "x"]]).status == 403)
        }
    }
}
