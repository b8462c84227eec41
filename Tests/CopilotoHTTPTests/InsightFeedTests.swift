import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// Events to insights: the inbox and the CRM raise events, the copilots answer with structured insights that reach
/// the live feed, and the team applies or dismisses them.
@Suite("Insight feed")
struct InsightFeedTests {
    static func streamRequest(_ token: String) -> String {
        "GET /v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nAccept: text/event-stream\r\n\r\n"
    }

    @Test("a customer's message raises NEW_MESSAGE_RECEIVED; the coach's insight reaches the stream and is applied once",
          arguments: Backend.allCases)
    func messageToInsight(backend: Backend) async throws {
        try await TestApp.run(backend, heartbeat: .milliseconds(300)) { api, info in
            let owner = try await api.login("owner@demo.local"), attendant = try await api.login("attendant@demo.local")
            let coach = try await api.post("/v1/copilots/templates/objection_coach/install", token: owner, [:])
            let coachId = try #require(coach.json.string("id"))
            let stream = try await SSEConnection.open(port: info.port, request: Self.streamRequest(attendant))
            #expect(try await stream.read(until: "event: ready", timeout: 20).contains("event: ready"))
            let posted = try await api.post("/v1/channels/webchat/demo/messages", token: nil,
                                            ["visitorId": "v-coach", "messageId": "1", "text": "Achei muito caro, não sei se vale."])
            #expect(posted.status == 202)
            let conversation = try #require(try await api.get("/v1/conversations?q=v-coach", token: owner).items.first?.string("id"))
            #expect(try await info.drainCopilots() == 1)
            let feed = try await stream.read(until: "event: insight.created", timeout: 20)
            stream.close()
            #expect(feed.contains("event: insight.created"))
            #expect(feed.lowercased().contains(coachId.lowercased()))
            let insights = try await api.get("/v1/insights?ticketId=\(conversation)", token: attendant)
            #expect(insights.status == 200)
            let insight = try #require(insights.items.first)
            #expect(insights.items.count == 1)
            #expect(insight["payload"]?["objecao"] == "preco")
            #expect(insight["missingFields"] == ["dica"])
            #expect(insight.string("provider") == "local")
            #expect(insight.string("actionStatus") == "SUGGESTION")
            #expect(insight.string("agentName") == "Coach de Objeções ao Vivo")
            let id = try #require(insight.string("id"))
            #expect(try await api.patch("/v1/insights/\(id)", token: attendant, ["actionStatus": "APPLIED"])["actionStatus"] == "APPLIED")
            #expect(try await api.patch("/v1/insights/\(id)", token: attendant, ["actionStatus": "APPLIED"]).status == 200)
            #expect(try await api.patch("/v1/insights/\(id)", token: attendant, ["actionStatus": "DISMISSED"]).status == 409)
            #expect(try await api.patch("/v1/insights/\(id)", token: attendant, ["actionStatus": "SUGGESTION"]).status == 400)
            #expect(try await api.patch("/v1/insights/\(id)", token: try await api.login("viewer@demo.local"), ["actionStatus": "DISMISSED"]).status == 403)
            let stats = try await api.get("/v1/insights/stats", token: owner).items.first { $0.string("agentId") == coachId }
            #expect(stats?["applied"] == 1)
            #expect(stats?["applyRate"] == 1)
            #expect(stats?.string("templateKey") == "objection_coach")
            // The throttle (once per 10 minutes per conversation) holds back a second message right away.
            _ = try await api.post("/v1/channels/webchat/demo/messages", token: nil, ["visitorId": "v-coach", "messageId": "2", "text": "E o prazo?"])
            #expect(try await info.drainCopilots() == 1)
            #expect(try await api.get("/v1/insights?agentId=\(coachId)", token: owner).items.count == 1)
        }
    }

    @Test("a ticket marked won raises TICKET_WON; the QA auditor reports what it can derive and lists the rest as missing")
    func ticketWon() async throws {
        try await TestApp.run(.postgres) { api, info in
            let owner = try await api.login("owner@demo.local")
            #expect(try await api.post("/v1/copilots/templates/qa_auditor/install", token: owner, [:]).status == 201)
            let ticket = try await api.post("/v1/tickets", token: owner, ["subject": "Orçamento de 3 shampoos"])
            let ticketId = try #require(ticket.json.string("id"))
            #expect(try await api.patch("/v1/tickets/\(ticketId)", token: owner, ["priority": "high"]).status == 200)
            #expect(try await api.patch("/v1/tickets/\(ticketId)", token: owner, ["status": "won"]).status == 200)
            #expect(try await info.drainCopilots() == 1)
            let insight = try #require(try await api.get("/v1/insights?ticketId=\(ticketId)", token: owner).items.first)
            #expect(insight.string("eventType") == "TICKET_WON")
            #expect(insight["missingFields"] == ["cumpriuSLA", "foiEmpatico", "nota", "sentimento", "dicas"])
            #expect(insight["payload"] == [:])
            let events = try await api.get("/v1/events?status=done", token: owner).items
            #expect(events.contains { $0.string("type") == "TICKET_WON" && $0.string("ticketId")?.lowercased() == ticketId.lowercased() })
        }
    }

    @Test("POST /v1/events validates its body and the ticket; a macro button raises a custom run")
    func customEvents() async throws {
        try await TestApp.run { api, info in
            let owner = try await api.login("owner@demo.local"), outsider = try await api.login("owner@outra.local")
            let created = try await api.post("/v1/copilots", token: owner, [
                "name": "Macro", "systemPrompt": "Resuma.", "triggers": [["eventType": "MACRO_BUTTON_CLICKED"]],
                "schemaFields": [["fieldName": "utm_campaign", "fieldType": "STRING", "description": "Campanha", "isRequired": true]]])
            #expect(created.status == 201)
            _ = try await api.post("/v1/channels/webchat/demo/messages", token: nil, ["visitorId": "v-macro", "messageId": "1", "text": "Oi"])
            let conversation = try #require(try await api.get("/v1/conversations?q=v-macro", token: owner).items.first?.string("id"))
            let accepted = try await api.post("/v1/events", token: owner, ["type": "MACRO_BUTTON_CLICKED", "ticketId": .string(conversation),
                                                                          "payload": ["utm_campaign": "Agosto_Botox"]])
            #expect(accepted.status == 202)
            #expect(accepted.json.string("conversationId")?.lowercased() == conversation.lowercased())
            for bad: JSONValue in [["type": "macro clicked"], ["type": "INACTIVITY"], ["type": "X_Y", "payload": [1]], ["type": "X_Y", "ticketId": "abc"],
                                   ["type": "X_Y", "ticketId": .string(UUID().uuidString)], ["type": "X_Y", "other": 1], [:]] {
                let response = try await api.post("/v1/events", token: owner, bad)
                #expect(response.status == 400, "\(bad.encoded()) → \(response.text)")
            }
            // Another tenant cannot raise events about our conversation, nor see our insights.
            #expect(try await api.post("/v1/events", token: outsider, ["type": "X_Y", "ticketId": .string(conversation)]).status == 400)
            #expect(try await api.post("/v1/events", token: try await api.login("viewer@demo.local"), ["type": "X_Y"]).status == 403)
            try await info.drainCopilots()
            let insights = try await api.get("/v1/insights", token: owner).items
            #expect(insights.count == 1)
            #expect(insights.first?["payload"] == ["utm_campaign": "Agosto_Botox"])
            #expect(try await api.get("/v1/insights", token: outsider).items.isEmpty)
            #expect(try await api.get("/v1/copilots", token: outsider).items.isEmpty)
            let id = try #require(insights.first?.string("id"))
            #expect(try await api.patch("/v1/insights/\(id)", token: outsider, ["actionStatus": "APPLIED"]).status == 404)
            #expect(try await api.get("/v1/insights?status=maybe", token: owner).status == 400)
            #expect(try await api.get("/v1/insights?agentId=x", token: owner).status == 400)
            #expect(try await api.get("/v1/events?status=x", token: owner).status == 400)
        }
    }

    @Test("a simulation runs over past conversations and stores nothing")
    func simulation() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local")
            let coach = try await api.post("/v1/copilots/templates/churn_sentinel/install", token: owner, [:])
            let id = try #require(coach.json.string("id"))
            for visitor in ["v-s1", "v-s2", "v-s3"] {
                _ = try await api.post("/v1/channels/webchat/demo/messages", token: nil, ["visitorId": .string(visitor), "messageId": "1",
                                                                                           "text": "Obrigado, adorei o atendimento!"])
            }
            let simulated = try await api.post("/v1/copilots/\(id)/simulate", token: owner, ["limit": 2])
            #expect(simulated.status == 200, "\(simulated.text)")
            #expect(simulated.items.count == 2)
            #expect(simulated.items.allSatisfy { $0.string("provider") == "local" && $0["missingFields"]?.arrayValue?.contains("mensagemDeResgate") == true })
            #expect(simulated.items.allSatisfy { $0["event"]?.string("type") == "INACTIVITY" && $0["problems"] == [] })
            #expect(try await api.get("/v1/insights", token: owner).items.isEmpty)
            #expect(try await api.post("/v1/copilots/\(id)/simulate", token: owner, ["limit": 500]).status == 400)
            #expect(try await api.post("/v1/copilots/\(UUID().uuidString)/simulate", token: owner, [:]).status == 404)
            #expect(try await api.post("/v1/copilots/\(id)/simulate", token: try await api.login("attendant@demo.local"), [:]).status == 403)
        }
    }
}
