import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// Evals and versions end to end: cases from real conversations, a draft change showing as a flip, publish and
/// rollback switching what customers get, and the API's bounds and roles.
@Suite("AI-agent evals and versions")
struct EvalFlowTests {
    @Test("a case made from a conversation replays its customer turns, with what was answered as the reference",
          arguments: Backend.allCases)
    func fromConversation(backend: Backend) async throws {
        try await TestApp.run(backend) { api, info in
            let owner = try await api.login("owner@demo.local")
            let agent = try await EvalModel.agent(api, owner)
            _ = try await AIAgentTurnTests.webchat(api, visitor: "v-eval", id: "1", "oi")
            _ = try await AIAgentTurnTests.webchat(api, visitor: "v-eval", id: "2", "qual o prazo de entrega para Recife?")
            try await info.drainJobs()
            let conversation = try await InboxToolsTests.conversation(api, owner, "v-eval")
            let id = try #require(conversation.string("id"))
            #expect(try await api.post("/v1/conversations/\(id)/messages", token: owner, ["text": "Em até 5 dias úteis."]).status == 201)
            _ = try await AIAgentTurnTests.webchat(api, visitor: "v-eval", id: "3", "obrigado!")
            let made = try await api.post("/v1/ai-agents/\(agent)/evals/from-conversation", token: owner, ["conversationId": .string(id)])
            #expect(made.status == 201, "\(made.text)")
            let turns = made.json["turns"]?.arrayValue ?? []
            #expect(turns.map { $0.string("text") } == ["oi\nqual o prazo de entrega para Recife?", "obrigado!"], "\(made.text)")
            #expect(turns.first?.string("reference")?.hasSuffix("Em até 5 dias úteis.") == true, "\(turns)")
            #expect(made.json.string("sourceConversationId")?.lowercased() == id.lowercased())
            let caseId = try #require(made.json.string("id"))
            let run = try await EvalModel.run(api, info, owner, agent: agent, ["caseIds": [.string(caseId)]])
            let result = try #require(EvalModel.result(run, caseId))
            let said = result["transcript"]?.arrayValue?.filter { $0.string("role") == "customer" }.map { $0.string("text") }
            #expect(said == ["oi\nqual o prazo de entrega para Recife?", "obrigado!"], "\(result)")
            #expect(result["passed"] == .bool(true))
            #expect(try await api.get("/v1/ai-agents/\(agent)/evals", token: owner).items.count == 1)
            let missing = try await api.post("/v1/ai-agents/\(agent)/evals/from-conversation", token: owner, ["conversationId": .string(UUID().uuidString)])
            #expect(missing.status == 404)
        }
    }

    @Test("a draft change that breaks a case shows as a flip against the published version, with the cost delta",
          arguments: Backend.allCases)
    func flip(backend: Backend) async throws {
        let model = EvalModel.make()
        try await model.run { url in
            try await TestApp.run(backend, provider: EvalModel.provider(url)) { api, info in
                let owner = try await api.login("owner@demo.local")
                let agent = try await EvalModel.agent(api, owner)
                let exchange = try await api.post("/v1/ai-agents/\(agent)/evals", token: owner,
                                                  ["name": "Prazo de troca", "turns": [["text": "posso fazer uma troca?"]], "expect": ["mustInclude": ["30 dias"]]])
                let steady = try await api.post("/v1/ai-agents/\(agent)/evals", token: owner,
                                                ["name": "Oi", "turns": [["text": "bom dia, tudo certo?"]], "expect": ["mustNotInclude": ["senha"]]])
                let exchangeId = try #require(exchange.json.string("id")), steadyId = try #require(steady.json.string("id"))
                #expect(try await api.post("/v1/ai-agents/\(agent)/publish", token: owner, [:]).status == 201)
                let edited = try await api.patch("/v1/ai-agents/\(agent)", token: owner, ["prompt": "Atenda os clientes. NUNCA cite prazos."])
                #expect(edited.status == 200)
                let published = try await EvalModel.run(api, info, owner, agent: agent, ["version": "published"])
                let draft = try await EvalModel.run(api, info, owner, agent: agent, ["version": "draft"])
                #expect(EvalModel.result(draft, exchangeId)?["reasons"]?.arrayValue?.first?.stringValue == "missing text: 30 dias")
                let base = try #require(published.string("id")), head = try #require(draft.string("id"))
                let compared = try await api.get("/v1/ai-agents/\(agent)/evals/compare?base=\(base)&head=\(head)", token: owner)
                #expect(compared.status == 200, "\(compared.text)")
                let flipped = compared.json["flipped"]?.arrayValue ?? []
                #expect(flipped.map { $0.string("caseId")?.lowercased() } == [exchangeId.lowercased()], "\(compared.text)")
                #expect(flipped.first?["before"] == .bool(true) && flipped.first?["after"] == .bool(false))
                #expect(compared.json["passedBefore"]?.intValue == 2 && compared.json["passedAfter"]?.intValue == 1)
                #expect(!flipped.contains { $0.string("caseId")?.lowercased() == steadyId.lowercased() })
                #expect(EvalModel.number(compared.json["costDeltaUsd"]).isFinite)
                // Publishing can require a clean run of the draft: this one has a failure.
                let refused = try await api.post("/v1/ai-agents/\(agent)/publish", token: owner, ["requirePassingRun": true])
                #expect(refused.status == 409, "\(refused.text)")
                let runs = try await api.get("/v1/ai-agents/\(agent)/evals/runs", token: owner).items
                #expect(runs.map { $0.string("id") } == [head, base])
            }
        }
    }

    @Test("publish and rollback switch what a new customer message gets; each conversation records the version; audited",
          arguments: Backend.allCases)
    func publishRollback(backend: Backend) async throws {
        let model = EvalModel.make()
        try await model.run { url in
            try await TestApp.run(backend, provider: EvalModel.provider(url)) { api, info in
                let owner = try await api.login("owner@demo.local")
                let agent = try await EvalModel.agent(api, owner, prompt: "Versão A do atendimento.")
                func ask(_ visitor: String) async throws -> (String?, JSONValue) {
                    _ = try await AIAgentTurnTests.webchat(api, visitor: visitor, id: "1", "me conta uma coisa")
                    try await info.drainJobs()
                    let thread = try await api.get("/v1/channels/webchat/demo/messages?visitorId=\(visitor)", token: nil).items
                    let id = try await InboxToolsTests.conversation(api, owner, visitor).string("id") ?? ""
                    return (thread.last { $0.string("sender") == "ai_agent" }?.string("text"),
                            try await api.get("/v1/conversations/\(id)/quality", token: owner).json)
                }
                #expect(try await ask("v-never").0 == "Resposta da versão A")  // never published: the draft answers
                let v1 = try await api.post("/v1/ai-agents/\(agent)/publish", token: owner, [:])
                #expect(v1.status == 201 && v1.json["number"]?.intValue == 1, "\(v1.text)")
                _ = try await api.patch("/v1/ai-agents/\(agent)", token: owner, ["prompt": "Versão B do atendimento."])
                let (kept, quality) = try await ask("v-after-edit")
                #expect(kept == "Resposta da versão A")  // the edit is only a draft
                #expect(quality["agentVersion"]?.intValue == 1, "\(quality)")
                #expect(try await api.post("/v1/ai-agents/\(agent)/publish", token: owner, [:]).json["number"]?.intValue == 2)
                #expect(try await ask("v-after-publish").0 == "Resposta da versão B")
                let back = try await api.post("/v1/ai-agents/\(agent)/rollback", token: owner, ["version": 1])
                #expect(back.status == 200 && back.json["number"]?.intValue == 1, "\(back.text)")
                let (rolled, rolledQuality) = try await ask("v-after-rollback")
                #expect(rolled == "Resposta da versão A")
                #expect(rolledQuality["agentVersion"]?.intValue == 1)
                let listing = try await api.get("/v1/ai-agents/\(agent)/versions", token: owner)
                #expect(listing.json["published"]?.intValue == 1 && listing.json["versions"]?.arrayValue?.count == 2, "\(listing.text)")
                #expect(listing.json["draft"]?.string("prompt") == "Versão B do atendimento.")
                let diff = try await api.get("/v1/ai-agents/\(agent)/versions/diff?from=1&to=draft", token: owner)
                let prompt = diff.json["changes"]?.arrayValue?.first { $0.string("field") == "prompt" }
                #expect(prompt?.string("before") == "Versão A do atendimento." && prompt?.string("after") == "Versão B do atendimento.", "\(diff.text)")
                #expect(try await api.get("/v1/ai-agents/\(agent)/versions/diff?from=2&to=draft", token: owner).json["changes"] == [])
                for bad in ["from=1", "from=x&to=draft", "from=99&to=1", "from=0&to=1"] {
                    #expect(try await api.get("/v1/ai-agents/\(agent)/versions/diff?\(bad)", token: owner).status == 400, "\(bad)")
                }
                for action in ["aiAgent.publish", "aiAgent.rollback"] {
                    #expect(try await api.get("/v1/audit?action=\(action)", token: owner).items.isEmpty == false, "\(action)")
                }
            }
        }
    }

    @Test("closing a conversation gives it a CX score 1–5 with reasons, shown with the version that answered",
          arguments: Backend.allCases)
    func cxScore(backend: Backend) async throws {
        try await TestApp.run(backend) { api, info in
            let owner = try await api.login("owner@demo.local")
            _ = try await EvalModel.agent(api, owner)
            _ = try await AIAgentTurnTests.webchat(api, visitor: "v-cx", id: "1", "qual o prazo de entrega?")
            try await info.drainJobs()
            let id = try #require(try await InboxToolsTests.conversation(api, owner, "v-cx").string("id"))
            #expect(try await api.get("/v1/conversations/\(id)/quality", token: owner).json["cx"] == nil)
            #expect(try await api.post("/v1/conversations/\(id)/close", token: owner, [:]).status == 200)
            try await info.drainJobs()
            let quality = try await api.get("/v1/conversations/\(id)/quality", token: owner)
            let score = quality.json["cx"]?["score"]?.intValue ?? 0
            #expect((1...5).contains(score) && quality.json["cx"]?["reasons"]?.arrayValue?.isEmpty == false, "\(quality.text)")
            #expect(quality.json["cx"]?.string("source") == "local")
            let agent = try #require(try await api.get("/v1/ai-agents", token: owner).items.first?.string("id"))
            let cx = try await api.get("/v1/ai-agents/\(agent)/cx", token: owner).json
            #expect(cx["conversations"]?.intValue == 1 && EvalModel.number(cx["average"]) == Double(score), "\(cx)")
            #expect(cx["byVersion"]?.arrayValue?.count == 1 && cx["byVersion"]?.arrayValue?.first?["version"] == nil, "never published: the draft answered")
            #expect(try await api.get("/v1/conversations/\(UUID())/quality", token: owner).status == 404)
            let outsider = try await api.login("owner@outra.local")
            #expect(try await api.get("/v1/conversations/\(id)/quality", token: outsider).status == 404)
        }
    }
}
