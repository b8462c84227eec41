import CopilotoCore
import CopilotoInbox
import CopilotoModels
import CopilotoTesting
import Foundation
import Testing

/// The inbox's settings and what they drive: validation and roles, a person's availability, the SLA re-route, team
/// notes, intent rules, and the cost ladder (the agent's cheaper model, then the tenant's cap).
@Suite("Inbox settings, SLA, notes, rules and the cost ladder")
struct InboxSettingsTests {
    @Test("settings are validated and only owner, admin or manager change them; a person switches their own availability")
    func settingsAndAvailability() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local"), attendant = try await api.login("attendant@demo.local")
            let defaults = try await api.get("/v1/inbox/settings", token: attendant)
            #expect(defaults.json.string("method") == "load" && defaults.json["funnels"]?.arrayValue?.count == 2)
            #expect(try await api.put("/v1/inbox/settings", token: attendant, ["method": "load"]).status == 403)
            #expect(try await api.put("/v1/inbox/settings", token: owner, ["method": "sorteio"]).status == 400)
            let ghost = try await api.put("/v1/inbox/settings", token: owner, ["members": [["kind": "user", "id": .string(UUID().uuidString)]]])
            #expect(ghost.status == 400 && ghost.text.contains("members.0.id"), "\(ghost.text)")
            #expect(try await api.put("/v1/inbox/settings", token: owner, ["slaMinutes": 0]).status == 400)
            #expect(try await api.put("/v1/inbox/settings", token: owner, ["colour": "azul"]).status == 400)
            let away = try await api.put("/v1/inbox/availability", token: attendant, ["available": false])
            #expect(away.status == 409 && away.text.contains("fila de distribuição"), "\(away.text)")
            let me = try #require(try await api.get("/v1/me", token: attendant).json.string("id"))
            #expect(try await api.put("/v1/inbox/settings", token: owner, ["members": [["kind": "user", "id": .string(me)]], "slaMinutes": 15]).status == 200)
            let switched = try await api.put("/v1/inbox/availability", token: attendant, ["available": false])
            #expect(switched.status == 200 && switched.json["available"] == .bool(false))
            #expect(try await api.get("/v1/inbox/settings", token: owner).json["members"]?.arrayValue?.first?["available"] == .bool(false))
            #expect(try await api.get("/v1/inbox/settings", token: owner).json["slaMinutes"] == 15)  // other keys kept
        }
    }

    @Test("a customer left waiting past the SLA goes to another available person, with a note; answered ones stay",
          arguments: Backend.allCases)
    func slaReroute(backend: Backend) async throws {
        try await TestApp.run(backend) { api, info in
            let w = try await DistributionTests.World.make(api, info)
            try await w.settings(["slaMinutes": 10, "members": [w.user("attendant@demo.local"), w.user("manager@demo.local")]])
            #expect(try await w.arrive("v-sla-1").0 == w.users["attendant@demo.local"])
            #expect(try await w.arrive("v-sla-2").0 == w.users["manager@demo.local"])
            let second = try await InboxToolsTests.conversation(api, w.owner, "v-sla-2")
            let manager = try await api.login("manager@demo.local")
            #expect(try await api.post("/v1/conversations/\(second.string("id") ?? "")/messages", token: manager, ["text": "Oi! Já vejo isso."]).status == 201)
            // Eleven minutes later: the SLA check runs with the clock moved on.
            let timers = InboxTimers(store: info.store, events: info.deps.events, clock: { Date().addingTimeInterval(11 * 60) })
            var handlers = info.deps.jobHandlers
            handlers[InboxOperations.slaJob] = { try await timers.checkSLA($0) }
            let worker = JobWorker(queue: info.store.jobQueue, handlers: handlers, logger: .init(label: "sla"))
            while try await worker.drainOnce(now: Date().addingTimeInterval(11 * 60)) > 0 {}
            let first = try await InboxToolsTests.conversation(api, w.owner, "v-sla-1")
            #expect(first.string("assignedUserId")?.lowercased() == w.users["manager@demo.local"]?.uuidString.lowercased())
            #expect(first["priority"] == 1)
            let notes = try await api.get("/v1/conversations/\(first.string("id") ?? "")/messages", token: w.owner).items
            #expect(notes.contains { $0.string("sender") == "system" && $0.string("text")?.contains("reatribuída para") == true }, "\(notes)")
            let answered = try await InboxToolsTests.conversation(api, w.owner, "v-sla-2")
            #expect(answered.string("assignedUserId")?.lowercased() == w.users["manager@demo.local"]?.uuidString.lowercased())
            #expect(answered["priority"] == 0)
        }
    }

    @Test("team notes stay inside the team: not in the customer's thread, not sent, not given to the AI")
    func notes() async throws {
        let model = FakeOpenAIServer(recording: true, responder: { _ in .text("Claro, já te ajudo.") })
        try await model.run { url in
            try await TestApp.run(provider: .init(name: "fake", baseURL: url, apiKey: "k", model: "gpt-4o-mini")) { api, info in
                let owner = try await api.login("owner@demo.local")
                _ = try await AIAgentTurnTests.agent(api, owner, debounceMs: 0)
                _ = try await AIAgentTurnTests.webchat(api, visitor: "v-note", id: "1", "oi, quero trocar um produto")
                let id = try await InboxToolsTests.conversation(api, owner, "v-note").string("id") ?? ""
                let note = try await api.post("/v1/conversations/\(id)/notes", token: owner, ["text": "Cliente VIP, ofereça frete grátis"])
                #expect(note.status == 201 && note.json["isInternal"] == .bool(true), "\(note.text)")
                #expect(try await api.post("/v1/conversations/\(id)/notes", token: try await api.login("viewer@demo.local"), ["text": "x"]).status == 403)
                try await info.drainJobs()
                let visitor = try await api.get("/v1/channels/webchat/demo/messages?visitorId=v-note", token: nil).text
                #expect(!visitor.contains("VIP") && visitor.contains("Claro, já te ajudo."))
                #expect(!model.requests.contains { $0.encoded().contains("VIP") })
                let team = try await api.get("/v1/conversations/\(id)/messages", token: owner).items
                #expect(team.contains { $0.string("text") == "Cliente VIP, ofereça frete grátis" && $0.string("status") == "sent" })
                let moved = try await api.patch("/v1/conversations/\(id)", token: owner, ["stage": "vendas", "funnel": "Atendimento"])
                #expect(moved.status == 400)
                let ok = try await api.patch("/v1/conversations/\(id)", token: owner, ["stage": "negociacao", "priority": 2, "department": "Vendas"])
                #expect(ok.json.string("stage") == "Negociação" && ok.json.string("funnel") == "Vendas" && ok.json["priority"] == 2, "\(ok.text)")
            }
        }
    }

    @Test("intent rules act without the model: order status tagged and answered, a purchase given to the closer agent")
    func intentRules() async throws {
        try await TestApp.run { api, info in
            let owner = try await api.login("owner@demo.local")
            let closer = try await api.post("/v1/ai-agents", token: owner, ["name": "Caio", "type": "closer", "prompt": "Feche vendas.", "enabled": true])
            let closerId = try #require(closer.json.string("id"))
            let bia = try await AIAgentTurnTests.agent(api, owner, debounceMs: 0)
            try await api.put("/v1/inbox/settings", token: owner, ["members": [["kind": "ai_agent", "id": .string(bia)]]]).expectOK()
            let rules: JSONValue = [
                ["intent": "order_status", "reply": "Me passa o número do pedido que eu confiro agora!", "tag": "pedido", "stage": "Em atendimento"],
                ["intent": "purchase", "reply": "Ótimo! Vou chamar o Caio, nosso especialista em vendas.", "assignTo": .string(closerId), "stage": "Qualificado"],
            ]
            #expect(try await api.patch("/v1/ai-agents/\(bia)", token: owner, ["settings": ["rules": rules]]).status == 200)
            #expect(try await api.patch("/v1/ai-agents/\(bia)", token: owner, ["settings": ["rules": [["intent": "astrologia"]]]]).status == 400)
            _ = try await AIAgentTurnTests.webchat(api, visitor: "v-int-1", id: "1", "cadê meu pedido? ainda não chegou")
            _ = try await AIAgentTurnTests.webchat(api, visitor: "v-int-2", id: "1", "quero comprar dois perfumes, manda o pix")
            try await info.drainJobs()
            let tracked = try await InboxToolsTests.conversation(api, owner, "v-int-1")
            #expect(tracked["tags"] == ["pedido"] && tracked.string("stage") == "Em atendimento", "\(tracked)")
            let sale = try await InboxToolsTests.conversation(api, owner, "v-int-2")
            #expect(sale.string("aiAgentId")?.lowercased() == closerId.lowercased() && sale.string("stage") == "Qualificado", "\(sale)")
            let said = try await api.get("/v1/channels/webchat/demo/messages?visitorId=v-int-2", token: nil).items.last?.string("text")
            #expect(said == "Ótimo! Vou chamar o Caio, nosso especialista em vendas.")
        }
    }
}

extension APIResponse {
    func expectOK(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect((200..<300).contains(status), "\(text)", sourceLocation: sourceLocation)
    }
}
