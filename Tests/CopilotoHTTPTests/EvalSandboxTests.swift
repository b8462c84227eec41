import CopilotoCore
import CopilotoInbox
import CopilotoTesting
import Foundation
import Testing

/// Eval runs in the sandbox: the agent's reads see the tenant's real data, but nothing is sent on any channel and
/// no write happens — inbox tools and writes are recorded as "would run".
@Suite("AI-agent evals: the sandbox")
struct EvalSandboxTests {
    @Test("a run reads real data but never sends on a channel nor writes CRM data; writes are recorded as would-run",
          arguments: Backend.allCases)
    func sandbox(backend: Backend) async throws {
        let model = EvalModel.make(), meta = FakeMetaServer()
        try await model.run { url in
            try await meta.run { graph in
                let whatsapp = WhatsAppConfig(appSecret: "test-app-secret", verifyToken: "t", accessToken: "EAAG-test", graphURL: graph)
                try await TestApp.run(backend, provider: EvalModel.provider(url), whatsapp: whatsapp) { api, info in
                    try await Self.check(api, info, meta)
                }
            }
        }
    }

    static func check(_ api: APIClient, _ info: AppContextInfo, _ meta: FakeMetaServer) async throws {
        let owner = try await api.login("owner@demo.local")
        let agent = try await EvalModel.agent(api, owner)
        let conversationsBefore = try await api.get("/v1/conversations?limit=200", token: owner).items.count
        let quote = try await api.post("/v1/ai-agents/\(agent)/evals", token: owner, [
            "name": "Orçamento", "turns": [["text": "quero um orçamento de 20 kits"]],
            "expect": ["tools": ["addTag", "updateContact"], "notTools": ["transferToHuman"], "handover": false, "mustInclude": ["ANOTEI seu orcamento"],
                       "toolArguments": ["addTag": ["tag": "ORCAMENTO"], "createActivity": ["title": "orçamento do teste de avaliação"]]],
        ])
        #expect(quote.status == 201, "\(quote.text)")
        // A real order of the tenant, asked for by its number.
        let real = try #require(try await api.get("/v1/orders?limit=1", token: owner).items.first)
        let number = try #require(real["number"]?.intValue)
        let order = try await api.post("/v1/ai-agents/\(agent)/evals", token: owner, [
            "name": "Pedido", "turns": [["text": .string("cadê meu pedido \(number)?")]], "expect": ["tools": ["getOrder"]],
        ])
        let quoteId = try #require(quote.json.string("id")), orderId = try #require(order.json.string("id"))
        let run = try await EvalModel.run(api, info, owner, agent: agent, ["version": "draft"])
        let quoted = try #require(EvalModel.result(run, quoteId))
        #expect(quoted["passed"] == .bool(true), "\(quoted)")
        let writes = quoted["toolCalls"]?.arrayValue ?? []
        #expect(writes.map { $0.string("name") } == ["addTag", "createActivity", "updateContact"])
        #expect(writes.allSatisfy { $0["wouldRun"] == .bool(true) }, "\(writes)")
        // The read ran on the tenant's real order.
        let looked = try #require(EvalModel.result(run, orderId))
        #expect(looked["toolCalls"]?.arrayValue?.first?["wouldRun"] == .bool(false))
        #expect(looked["transcript"]?.arrayValue?.last?.string("text") == "Seu pedido #\(number) está \(real.string("status") ?? "-").", "\(looked)")
        #expect(looked["passed"] == .bool(true))
        // Nothing happened: no conversation, no message to any channel, no tag, task or contact change, no audit of a write.
        try await info.drainJobs(now: Date().addingTimeInterval(3600))
        #expect(meta.messages.isEmpty)
        #expect(try await api.get("/v1/conversations?limit=200", token: owner).items.count == conversationsBefore)
        #expect(try await api.get("/v1/agenda?q=teste%20de%20avalia", token: owner).items.isEmpty)
        #expect(try await api.get("/v1/contacts?q=Nome%20Trocado", token: owner).items.isEmpty)
        for action in ["addTag", "createActivity", "updateContact"] {
            #expect(try await api.get("/v1/audit?action=\(action)", token: owner).items.isEmpty, "\(action)")
        }
        // The control: the same agent answering a real WhatsApp customer does send (the sink above could see it).
        let payload = FakeMetaServer.textWebhook(from: "5511977776666", name: "João", id: "wamid.E1", text: "oi")
        #expect(try await WhatsAppWebhookTests.post(api, payload).status == 200)
        try await info.drainJobs(now: Date().addingTimeInterval(3600))
        #expect(meta.messages.count == 1, "\(meta.messages.map(\.text))")
    }

    @Test("a hand-over tool ends the case as a hand-over; the judge's garbage is inconclusive, a fenced fail fails")
    func handoverAndJudge() async throws {
        let model = EvalModel.make()
        try await model.run { url in
            try await TestApp.run(provider: EvalModel.provider(url)) { api, info in
                let owner = try await api.login("owner@demo.local")
                let agent = try await EvalModel.agent(api, owner)
                var ids: [String: String] = [:]
                let cases: [(String, JSONValue)] = [
                    ("boleto", ["name": "boleto", "turns": [["text": "e o boleto?"], ["text": "alô?"]],
                                 "expect": ["handover": true, "tools": ["transferToHuman"], "handoverReason": "out_of_scope"]]),
                    ("motivo", ["name": "motivo", "turns": [["text": "e o boleto?"]],
                                "expect": ["handoverReason": "customer_request", "toolArguments": ["transferToHuman": ["reason": "customer_request"]]]]),
                    ("lixo", ["name": "lixo", "turns": [["text": "posso fazer uma troca?"]], "expect": ["mustInclude": ["30 dias"], "rubric": "JUIZ-LIXO"]]),
                    ("reprova", ["name": "reprova", "turns": [["text": "posso fazer uma troca?"]], "expect": ["rubric": "JUIZ-REPROVA"]]),
                    ("aprova", ["name": "aprova", "turns": [["text": "posso fazer uma troca?"]], "expect": ["rubric": "Educado"]]),
                ]
                for (key, body) in cases {
                    let created = try await api.post("/v1/ai-agents/\(agent)/evals", token: owner, body)
                    #expect(created.status == 201, "\(created.text)")
                    ids[key] = created.json.string("id")
                }
                let run = try await EvalModel.run(api, info, owner, agent: agent, [:])
                let boleto = try #require(EvalModel.result(run, ids["boleto"] ?? ""))
                #expect(boleto["passed"] == .bool(true) && boleto["handover"] == .bool(true), "\(boleto)")
                // After the hand-over a person answers: the second customer turn never reached the AI.
                #expect(boleto["transcript"]?.arrayValue?.filter { $0.string("role") == "customer" }.count == 1)
                #expect(boleto.string("handoverReason") == "out_of_scope")
                let reason = try #require(EvalModel.result(run, ids["motivo"] ?? ""))
                #expect(reason["reasons"]?.arrayValue?.compactMap(\.stringValue).sorted() == [
                    "handed over for out_of_scope, expected customer_request",
                    "tool transferToHuman not called with {\"reason\":\"customer_request\"}"], "\(reason)")
                let garbage = try #require(EvalModel.result(run, ids["lixo"] ?? ""))
                #expect(garbage["passed"] == .null, "\(garbage)")
                #expect(garbage["reasons"]?.arrayValue?.contains { $0.stringValue?.contains("inconclusive") == true } == true)
                let failed = try #require(EvalModel.result(run, ids["reprova"] ?? ""))
                #expect(failed["passed"] == .bool(false) && failed.string("judge") == "Seco demais.", "\(failed)")
                let passed = try #require(EvalModel.result(run, ids["aprova"] ?? ""))
                #expect(passed["passed"] == .bool(true) && passed.string("judge") == "Cordial e correto.", "\(passed)")
                #expect(EvalModel.number(passed["costUsd"]) > 0, "priced calls of gpt-4o-mini: \(passed)")
            }
        }
    }

    /// A valid call of every inbox tool (the class the sandbox must never run); a new inbox tool fails the test below
    /// until it is added here.
    static let inboxCalls: [String: JSONValue] = [
        "previousConversations": [:], "closeConversation": [:], "updateContact": ["name": "Nome Trocado Pelo Teste"],
        "addTag": ["tag": "sandbox"], "createActivity": ["title": "Tarefa do sandbox"], "moveToStage": ["stage": "Proposta", "funnel": "Vendas"],
        "scheduleFollowUp": ["text": "Oi! Conseguiu ver?", "inHours": 24], "transferToHuman": ["reason": "out_of_scope"],
    ]

    @Test("every inbox tool, called with valid arguments in one turn, is recorded as would-run and none runs; a bad call fails as it would live")
    func everyInboxTool() async throws {
        let model = FakeOpenAIServer(recording: true) { body in
            let messages = body["messages"]?.arrayValue ?? []
            if messages.contains(where: { $0.string("role") == "tool" }) { return .text("Feito.") }
            let customer = messages.last { $0.string("role") == "user" }?.string("content") ?? ""
            if customer.contains("errado") { return EvalModel.calls([("addTag", ["cor": "azul"]), ("createActivity", [:])]) }
            return EvalModel.calls(Self.inboxCalls.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
        try await model.run { url in
            try await TestApp.run(provider: EvalModel.provider(url)) { api, info in
                let scoped = Set(info.deps.actions.registry.all.filter(\.conversationScoped).map(\.name))
                #expect(scoped == Set(Self.inboxCalls.keys), "cover every inbox tool: \(scoped.symmetricDifference(Self.inboxCalls.keys))")
                let owner = try await api.login("owner@demo.local")
                let created = try await api.post("/v1/ai-agents", token: owner, ["name": "Todas", "prompt": "Use as ferramentas.",
                                                                                 "tools": .array(scoped.sorted().map(JSONValue.string))])
                let agent = try #require(created.json.string("id"))
                let all = try await api.post("/v1/ai-agents/\(agent)/evals", token: owner, ["name": "todas", "turns": [["text": "faça tudo"]],
                                                                                              "expect": ["tools": .array(scoped.sorted().map(JSONValue.string))]])
                let wrong = try await api.post("/v1/ai-agents/\(agent)/evals", token: owner, ["name": "errado", "turns": [["text": "tudo errado"]]])
                let run = try await EvalModel.run(api, info, owner, agent: agent, [:])
                let result = try #require(EvalModel.result(run, all.json.string("id") ?? ""))
                let calls = result["toolCalls"]?.arrayValue ?? []
                #expect(Set(calls.compactMap { $0.string("name") }) == scoped && calls.allSatisfy { $0["wouldRun"] == .bool(true) }, "\(calls)")
                #expect(result["passed"] == .bool(true) && result["handover"] == .bool(true), "\(result)")
                let failed = try #require(EvalModel.result(run, wrong.json.string("id") ?? ""))
                #expect(failed["handover"] == .bool(true), "two failed tool calls hand over, as live: \(failed)")
                #expect(failed["toolCalls"]?.arrayValue?.contains { $0["wouldRun"] == .bool(true) } == false)
                for action in scoped.sorted() {
                    #expect(try await api.get("/v1/audit?action=\(action)", token: owner).items.isEmpty, "\(action)")
                }
                #expect(try await api.get("/v1/agenda?q=sandbox", token: owner).items.isEmpty)
                #expect(try await api.get("/v1/contacts?q=Nome%20Trocado", token: owner).items.isEmpty)
            }
        }
    }
}
