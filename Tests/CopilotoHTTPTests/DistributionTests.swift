import CopilotoCore
import CopilotoInbox
import CopilotoTesting
import Foundation
import Testing

/// Who gets a new conversation: each distribution method over crafted loads and histories, people and AI agents in one
/// pool, availability and limits, auto-assignment off.
@Suite("Inbox distribution")
struct DistributionTests {
    /// A crafted setting: three AI agents (A, B, C) and the tenant's people by e-mail.
    struct World {
        let api: APIClient
        let info: AppContextInfo
        let owner: String
        let tenant: UUID
        let agents: [String: UUID]
        let users: [String: UUID]

        static func make(_ api: APIClient, _ info: AppContextInfo) async throws -> World {
            let owner = try await api.login("owner@demo.local")
            var agents: [String: UUID] = [:]
            for name in ["A", "B", "C"] {
                let created = try await api.post("/v1/ai-agents", token: owner, ["name": .string(name), "prompt": "Atenda.", "maxConcurrent": 10])
                agents[name] = try #require(created.json.string("id").flatMap(UUID.init(uuidString:)))
            }
            var users: [String: UUID] = [:]
            for user in try await api.get("/v1/users?limit=50", token: owner).items {
                if let email = user.string("email"), let id = user.string("id").flatMap(UUID.init(uuidString:)) { users[email] = id }
            }
            let tenant = try #require(try await info.store.system.tenant(slug: "demo")).id
            return World(api: api, info: info, owner: owner, tenant: tenant, agents: agents, users: users)
        }

        /// Conversations attended by `member` (an AI agent's or a person's id): `open` still open, `resolved` closed by
        /// them, `escalated` handed over; created `ago` seconds back.
        func craft(_ member: UUID, isAI: Bool = true, open: Int = 0, resolved: Int = 0, escalated: Int = 0, ago: TimeInterval = 3600) async throws {
            try await info.store.withTenant(tenant) { tx in
                for (count, status, reason) in [(open, ConversationStatus.open, EscalationReason?.none), (resolved, .closed, nil),
                                                (escalated, .closed, .customerRequest)] {
                    for _ in 0..<count {
                        let contact = Contact(tenantId: tenant, name: "Histórico")
                        try await tx.contacts.insert(contact)
                        var c = Conversation(tenantId: tenant, contactId: contact.id, channel: .whatsapp, externalContact: UUID().uuidString,
                                             status: status, escalationReason: reason, createdAt: Date().addingTimeInterval(-ago))
                        if isAI { c.aiAgentId = member } else { c.assignedUserId = member; c.aiPaused = true }
                        try await tx.inbox.insert(c)
                    }
                }
            }
        }

        func settings(_ body: JSONValue) async throws {
            let saved = try await api.put("/v1/inbox/settings", token: owner, body)
            #expect(saved.status == 200, "\(saved.text)")
        }

        /// A new visitor writes; returns who got the conversation (an AI agent's or a person's id) and its status.
        func arrive(_ visitor: String) async throws -> (UUID?, String?) {
            let sent = try await api.post("/v1/channels/webchat/demo/messages", token: nil,
                                          ["visitorId": .string(visitor), "messageId": "1", "text": "Olá, preciso de ajuda"])
            #expect(sent.status == 202, "\(sent.text)")
            let found = try await api.get("/v1/conversations?channel=webchat&limit=200", token: owner).items
                .first { $0.string("externalContact") == visitor }
            let who = found?.string("assignedUserId") ?? found?.string("aiAgentId")
            return (who.flatMap(UUID.init(uuidString:)), found?.string("status"))
        }

        func ai(_ name: String, _ extra: [String: JSONValue] = [:]) -> JSONValue {
            .object(["kind": "ai_agent", "id": .string(agents[name]!.uuidString)].merging(extra) { _, b in b })
        }
        func user(_ email: String, _ extra: [String: JSONValue] = [:]) -> JSONValue {
            .object(["kind": "user", "id": .string(users[email]!.uuidString)].merging(extra) { _, b in b })
        }
    }

    @Test("by load: the lowest share of its limit wins; unavailable members and members at their limit get nothing",
          arguments: Backend.allCases)
    func byLoad(backend: Backend) async throws {
        try await TestApp.run(backend) { api, info in
            let w = try await World.make(api, info)
            try await w.craft(w.agents["A"]!, open: 3)
            try await w.craft(w.agents["B"]!, open: 1)
            try await w.settings(["method": "load", "members": [w.ai("A"), w.ai("B", ["maxConcurrent": 2]), w.ai("C", ["available": false])]])
            #expect(try await w.arrive("v-load-1").0 == w.agents["A"])  // 3/10 < 1/2; C is away
            try await w.craft(w.agents["A"]!, open: 7)  // A at 10/10 (its own limit)
            #expect(try await w.arrive("v-load-2").0 == w.agents["B"])  // B at 1/2 now goes
            #expect(try await w.arrive("v-load-3").1 == "pending")  // B full, A full, C away: waits for the team
        }
    }

    @Test("round robin: in turn, the member whose last new conversation is oldest first", arguments: Backend.allCases)
    func roundRobin(backend: Backend) async throws {
        try await TestApp.run(backend) { api, info in
            let w = try await World.make(api, info)
            try await w.craft(w.agents["A"]!, resolved: 1, ago: 600)
            try await w.craft(w.agents["B"]!, resolved: 1, ago: 7200)
            try await w.settings(["method": "round_robin", "members": [w.ai("A"), w.ai("B"), w.ai("C")]])
            var order: [UUID?] = []
            for i in 0..<4 { order.append(try await w.arrive("v-rr-\(i)").0) }
            #expect(order == [w.agents["C"], w.agents["B"], w.agents["A"], w.agents["C"]])
        }
    }

    @Test("by specialty: a member of the conversation's department first even when busier; the others when none is free")
    func specialty() async throws {
        try await TestApp.run { api, info in
            let w = try await World.make(api, info)
            try await w.craft(w.agents["B"]!, open: 5)
            try await w.settings(["method": "specialty", "channelDepartments": ["webchat": "Financeiro"],
                                  "members": [w.ai("A", ["departments": ["Vendas"]]), w.ai("B", ["departments": ["financeiro"], "maxConcurrent": 6])]])
            #expect(try await w.arrive("v-sp-1").0 == w.agents["B"])  // accents and case do not matter
            let conversation = try await api.get("/v1/conversations?department=Financeiro", token: w.owner).items
            #expect(conversation.count == 1)
            #expect(try await w.arrive("v-sp-2").0 == w.agents["A"])  // B is now at 6/6
        }
    }

    @Test("by performance: the best resolution rate of the last 30 days (untried members count as average)")
    func performance() async throws {
        try await TestApp.run { api, info in
            let w = try await World.make(api, info)
            try await w.craft(w.agents["A"]!, resolved: 5, escalated: 5)
            try await w.craft(w.agents["B"]!, resolved: 9, escalated: 1)
            try await w.craft(w.agents["C"]!, resolved: 1, escalated: 9, ago: 40 * 86_400)  // too old to count: C is untried (50%)
            try await w.settings(["method": "performance", "members": [w.ai("A"), w.ai("B"), w.ai("C")]])
            #expect(try await w.arrive("v-perf-1").0 == w.agents["B"])
            try await w.settings(["members": [w.ai("A"), w.ai("C")]])
            #expect(try await w.arrive("v-perf-2").0 == w.agents["A"])  // 50% each: the lower load, then the pool's order
        }
    }

    @Test("by percentage: each member's share of the last week's conversations follows its weight")
    func percentage() async throws {
        try await TestApp.run { api, info in
            let w = try await World.make(api, info)
            try await w.settings(["method": "percentage", "members": [w.ai("A", ["weight": 70]), w.ai("B", ["weight": 30])]])
            var counts: [UUID: Int] = [:]
            for i in 0..<10 {
                if let who = try await w.arrive("v-pc-\(i)").0 { counts[who, default: 0] += 1 }
            }
            #expect(counts[w.agents["A"]!] == 7)
            #expect(counts[w.agents["B"]!] == 3)
        }
    }

    @Test("people and AI agents in one pool; auto-assignment off leaves new conversations pending")
    func peopleAndOff() async throws {
        try await TestApp.run { api, info in
            let w = try await World.make(api, info)
            try await w.craft(w.agents["A"]!, open: 4)
            try await w.settings(["method": "load", "members": [w.ai("A"), w.user("attendant@demo.local", ["maxConcurrent": 5])]])
            let (who, status) = try await w.arrive("v-ppl-1")
            #expect(who == w.users["attendant@demo.local"] && status == "open")
            let conversation = try await api.get("/v1/conversations?channel=webchat", token: w.owner).items.first
            #expect(conversation?["aiPaused"] == .bool(true))  // a person attends: the AI stays quiet
            try await w.settings(["autoAssign": false])
            #expect(try await w.arrive("v-ppl-2") == (nil, "pending"))
        }
    }
}
