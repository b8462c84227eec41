import CopilotoCore
import CopilotoStore
import CopilotoTesting
import Foundation
import Testing

/// The background copilots' storage contract, on SQLite and PostgreSQL alike.
@Suite("Copilot storage contract")
struct CopilotContractTests {
    static func copilot(_ tenant: Tenant, active: Bool = true, template: String? = nil) -> Copilot {
        Copilot(tenantId: tenant.id, name: "Coach", icon: "🎯", systemPrompt: "Ajude.", model: "gpt-4o-mini", isActive: active,
                triggers: [CopilotTrigger(eventType: "TICKET_WON", throttleRules: ThrottleRules(perTicket: ThrottleLimit(maxRuns: 1, windowMinutes: 60)))],
                schemaFields: [SchemaField(fieldName: "nivel", fieldType: .enumeration, description: "d", isRequired: true, enumValues: ["a", "b"])],
                templateKey: template, createdAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test("a copilot round-trips with its triggers, fields and active flag; only active ones are listed as active",
          arguments: Backend.allCases)
    func copilots(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store), other = try await Fixtures.tenant(store)
            let on = Self.copilot(tenant, template: "qa_auditor"), off = Self.copilot(tenant, active: false)
            try await store.withTenant(tenant.id) { tx in
                try await tx.copilots.insert(on)
                try await tx.copilots.insert(off)
            }
            let found = try await store.withTenant(tenant.id) { try await $0.copilots.find(on.id) }
            #expect(found == on)
            #expect(try await store.withTenant(tenant.id) { try await $0.copilots.active().map(\.id) } == [on.id])
            let byTemplate = try await store.withTenant(tenant.id) { try await $0.copilots.list(PageRequest(equals: ["templateKey": "qa_auditor"])) }
            #expect(byTemplate.items.map(\.id) == [on.id])
            var changed = off
            changed.isActive = true
            changed.name = "Outro"
            try await store.withTenant(tenant.id) { [changed] tx in
                try await tx.copilots.update(changed)
                try await tx.copilots.lock([changed.id, on.id])
            }
            #expect(try await store.withTenant(tenant.id) { try await $0.copilots.active().count } == 2)
            #expect(try await store.withTenant(other.id) { try await $0.copilots.find(on.id) } == nil)
            #expect(try await store.withTenant(other.id) { try await $0.copilots.delete(on.id) } == false)
            #expect(try await store.withTenant(tenant.id) { try await $0.copilots.delete(on.id) })
        }
    }

    @Test("events are claimed once, retried after a failure, dead after the attempt limit, and reclaimed when a lease ends",
          arguments: Backend.allCases)
    func queue(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store)
            let now = Date()
            let events = (0..<3).map { CopilotEvent(tenantId: tenant.id, type: "TICKET_WON", ticketId: UUID(), createdAt: now.addingTimeInterval(Double($0))) }
            let appended = try await store.withTenant(tenant.id) { tx -> [Bool] in
                var results: [Bool] = []
                for event in events { results.append(try await tx.copilotEvents.append(event, dedupeKey: nil)) }
                results.append(try await tx.copilotEvents.append(CopilotEvent(tenantId: tenant.id, type: "X_Y", createdAt: now.addingTimeInterval(5)), dedupeKey: "k"))
                results.append(try await tx.copilotEvents.append(CopilotEvent(tenantId: tenant.id, type: "X_Y", createdAt: now.addingTimeInterval(5)), dedupeKey: "k"))
                return results
            }
            #expect(appended == [true, true, true, true, false])
            let queue = store.copilotQueue
            let first = try await queue.claim(now: now.addingTimeInterval(10), limit: 2, lease: 30)
            let second = try await queue.claim(now: now.addingTimeInterval(10), limit: 10, lease: 30)
            #expect(first.count == 2)
            #expect(second.count == 2)
            #expect(Set(first.map(\.id)).isDisjoint(with: second.map(\.id)))
            #expect(first.allSatisfy { $0.attempts == 1 && $0.status == .running })
            try await queue.complete([first[0].id], now: now)
            try await queue.fail(first[1], error: "boom", retryAt: now.addingTimeInterval(100), now: now)
            #expect(try await queue.claim(now: now.addingTimeInterval(35), limit: 10, lease: 30).isEmpty)
            // The lease of `second` ran out (its worker died) and the retry of first[1] is due.
            let again = try await queue.claim(now: now.addingTimeInterval(101), limit: 10, lease: 30)
            #expect(Set(again.map(\.id)) == Set([first[1].id] + second.map(\.id)))
            var retried = try #require(again.first { $0.id == first[1].id })
            #expect(retried.attempts == 2)
            #expect(retried.lastError == "boom")
            retried.attempts = store.copilotMaxAttempts
            try await queue.fail(retried, error: "still failing", retryAt: now.addingTimeInterval(200), now: now)
            let dead = try await store.withTenant(tenant.id) { try await $0.copilotEvents.recent(limit: 10, types: nil, status: .dead) }
            #expect(dead.map(\.id) == [first[1].id])
            #expect(dead.first?.lastError == "still failing")
            let done = try await store.withTenant(tenant.id) { try await $0.copilotEvents.recent(limit: 10, types: ["TICKET_WON"], status: .done) }
            let all = try await store.withTenant(tenant.id) { try await $0.copilotEvents.recent(limit: 10, types: nil, status: nil) }
            #expect(done.map(\.id) == [first[0].id], "\(all)")
            #expect(try await queue.prune(before: now.addingTimeInterval(60)) == 1)
        }
    }

    @Test("runs are recorded once and counted per ticket and per tenant within their window; throttled ones do not count",
          arguments: Backend.allCases)
    func runs(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store)
            let copilot = UUID(), ticket = UUID(), now = Date()
            func run(_ status: CopilotRun.Status, ticket: UUID?, minutesAgo: Double) -> CopilotRun {
                CopilotRun(eventId: UUID(), copilotId: copilot, eventType: "TICKET_WON", ticketId: ticket, status: status,
                           createdAt: now.addingTimeInterval(-minutesAgo * 60))
            }
            let runs = [run(.done, ticket: ticket, minutesAgo: 10), run(.running, ticket: ticket, minutesAgo: 20), run(.throttled, ticket: ticket, minutesAgo: 5),
                        run(.done, ticket: ticket, minutesAgo: 90), run(.done, ticket: UUID(), minutesAgo: 30)]
            try await store.withTenant(tenant.id) { tx in
                try await tx.copilotEvents.record(runs)
                try await tx.copilotEvents.record([runs[0]])
            }
            let keys: Set<ThrottleKey> = [ThrottleKey(copilotId: copilot, eventType: "TICKET_WON", ticketId: ticket, windowMinutes: 60),
                                          ThrottleKey(copilotId: copilot, eventType: "TICKET_WON", ticketId: nil, windowMinutes: 60),
                                          ThrottleKey(copilotId: copilot, eventType: "TICKET_WON", ticketId: nil, windowMinutes: 1440)]
            let counts = try await store.withTenant(tenant.id) { try await $0.copilotEvents.runCounts(keys, now: now) }
            #expect(counts[ThrottleKey(copilotId: copilot, eventType: "TICKET_WON", ticketId: ticket, windowMinutes: 60)] == 2)
            #expect(counts[ThrottleKey(copilotId: copilot, eventType: "TICKET_WON", ticketId: nil, windowMinutes: 60)] == 3)
            #expect(counts[ThrottleKey(copilotId: copilot, eventType: "TICKET_WON", ticketId: nil, windowMinutes: 1440)] == 4)
            try await store.withTenant(tenant.id) { try await $0.copilotEvents.finish([runs[1]]) }
            let stored = try await store.withTenant(tenant.id) { try await $0.copilotEvents.runs(eventIds: runs.map(\.eventId)) }
            #expect(stored.count == 5)
            #expect(stored.first { $0.eventId == runs[1].eventId }?.status == .done)
            // Run rows older than the longest throttle window (a year) are pruned with old events.
            let ancient = run(.done, ticket: ticket, minutesAgo: 400 * 1440)
            try await store.withTenant(tenant.id) { try await $0.copilotEvents.record([ancient]) }
            _ = try await store.copilotQueue.prune(before: now)
            let left = try await store.withTenant(tenant.id) { try await $0.copilotEvents.runs(eventIds: runs.map(\.eventId) + [ancient.eventId]) }
            #expect(left.count == 5)
        }
    }
}
