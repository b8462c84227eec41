import CopilotoCore
import CopilotoStore
import CopilotoTesting
import Foundation
import Testing

/// The insight feed and the dispatcher's reads, on SQLite and PostgreSQL alike.
@Suite("Insight storage contract")
struct InsightContractTests {
    @Test("an insight is stored once per event and copilot, listed newest first with filters and cursors, and decided",
          arguments: Backend.allCases)
    func insights(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store), other = try await Fixtures.tenant(store)
            let user = try await Fixtures.user(store, tenant: tenant, role: .attendant)
            let copilot = CopilotContractTests.copilot(tenant, template: "qa_auditor")
            try await store.withTenant(tenant.id) { try await $0.copilots.insert(copilot) }
            let ticket = UUID(), base = Date(timeIntervalSince1970: 1_800_000_000)
            var built: [Insight] = []
            for index in 0..<5 {
                let payload: JSONValue = ["nivel": "a", "nota": .number(Double(index))]
                let missing: [String] = index == 0 ? ["x"] : []
                built.append(Insight(tenantId: tenant.id, agentId: copilot.id, eventId: UUID(), eventType: "TICKET_WON",
                                        ticketId: index < 3 ? ticket : UUID(), conversationId: nil, payload: payload, missingFields: missing,
                                        provider: "local", createdAt: base.addingTimeInterval(Double(index))))
            }
            let insights = built
            let stored = try await store.withTenant(tenant.id) { try await $0.insights.insert(insights) }
            #expect(stored.count == 5)
            var copy = insights[0]
            copy.id = UUID()
            let duplicate = copy
            #expect(try await store.withTenant(tenant.id) { try await $0.insights.insert([duplicate]) }.isEmpty)
            let firstPage = try await store.withTenant(tenant.id) { try await $0.insights.list(InsightFilter(limit: 3)) }
            #expect(firstPage.items.map(\.id) == [insights[4].id, insights[3].id, insights[2].id])
            #expect(firstPage.items.first?.agentName == "Coach")
            let rest = try await store.withTenant(tenant.id) { try await $0.insights.list(InsightFilter(limit: 3, cursor: firstPage.nextCursor)) }
            #expect(rest.items.map(\.id) == [insights[1].id, insights[0].id])
            #expect(rest.nextCursor == nil)
            #expect(rest.items.last?.missingFields == ["x"])
            #expect(rest.items.last?.payload == ["nivel": "a", "nota": 0])
            let byTicket = try await store.withTenant(tenant.id) { try await $0.insights.list(InsightFilter(ticketId: ticket)) }
            #expect(byTicket.items.count == 3)
            try await store.withTenant(tenant.id) { tx in
                try await tx.insights.decide(insights[0].id, status: .applied, by: user.id, at: base)
                try await tx.insights.decide(insights[1].id, status: .dismissed, by: user.id, at: base)
            }
            let decided = try await store.withTenant(tenant.id) { try await $0.insights.find(insights[0].id) }
            #expect(decided?.actionStatus == .applied)
            #expect(decided?.decidedBy == user.id)
            let applied = try await store.withTenant(tenant.id) { try await $0.insights.list(InsightFilter(status: .applied, agentId: copilot.id)) }
            #expect(applied.items.map(\.id) == [insights[0].id])
            let stats = try await store.withTenant(tenant.id) { try await $0.insights.stats() }
            #expect(stats == [InsightStats(agentId: copilot.id, agentName: "Coach", templateKey: "qa_auditor", suggestions: 3, applied: 1, dismissed: 1)])
            #expect(try await store.withTenant(other.id) { try await $0.insights.list(InsightFilter()) }.items.isEmpty)
            #expect(try await store.withTenant(other.id) { try await $0.insights.find(insights[0].id) } == nil)
        }
    }

    @Test("the dispatcher reads the latest messages of many conversations at once, and finds quiet conversations",
          arguments: Backend.allCases)
    func contextReads(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store)
            let base = Date(timeIntervalSince1970: 1_800_000_000)
            let conversations = (0..<3).map { index in
                var conversation = Conversation(tenantId: tenant.id, contactId: UUID(), channel: .webchat, externalContact: "v\(index)",
                                                createdAt: base)
                conversation.lastMessageAt = base.addingTimeInterval(Double(index) * 3600)
                if index == 2 { conversation.status = .closed }
                return conversation
            }
            try await store.withTenant(tenant.id) { tx in
                for conversation in conversations {
                    try await tx.inbox.insert(conversation)
                    for index in 0..<4 {
                        _ = try await tx.inbox.append(InboxMessage(tenantId: tenant.id, conversationId: conversation.id, sender: .contact,
                                                                   text: "m\(index)", status: .received, createdAt: base))
                    }
                }
            }
            let threads = try await store.withTenant(tenant.id) { tx in
                try await tx.copilotEvents.messages(conversationIds: conversations.prefix(2).map(\.id), limit: 2)
            }
            #expect(threads.count == 2)
            #expect(threads[conversations[0].id]?.map(\.text) == ["m2", "m3"])
            let quiet = try await store.withTenant(tenant.id) { tx in
                try await tx.copilotEvents.quietConversations(from: base, to: base.addingTimeInterval(3 * 3600), limit: 10)
            }
            #expect(quiet.map(\.id) == [conversations[0].id, conversations[1].id])
        }
    }
}
