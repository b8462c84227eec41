import CopilotoAutomations
import CopilotoCore
import CopilotoStore
import CopilotoTesting
import Foundation
import Logging
import Testing

/// The dispatcher over a real store: matching, insights and the live feed, retries, dead letters, a worker that
/// stops mid-batch, and the inactivity scheduler.
@Suite("Copilot dispatcher")
struct DispatcherTests {
    static func copilot(_ tenant: UUID, _ type: String = CopilotEventType.newMessageReceived, rules: ThrottleRules = ThrottleRules()) -> Copilot {
        Copilot(tenantId: tenant, name: "Coach", systemPrompt: "Ajude.", triggers: [CopilotTrigger(eventType: type, throttleRules: rules)],
                schemaFields: [SchemaField(fieldName: "dica", fieldType: .string, description: "Dica", isRequired: true)])
    }

    static func dispatcher(_ store: any DataStore, _ model: (any LanguageModel)?, bus: EventBus = EventBus(), lease: TimeInterval = 30) -> CopilotDispatcher {
        CopilotDispatcher(store: store, runner: CopilotRunner { _ in model }, events: bus, logger: Logger(label: "test"), lease: lease)
    }

    /// Stores `count` events for the copilots to react to.
    static func emit(_ store: any DataStore, _ tenant: UUID, count: Int, type: String = CopilotEventType.newMessageReceived,
                     at: Date = Date()) async throws -> [CopilotEvent] {
        // In order, a millisecond apart, all already due at `at` (a store this fast claims within the same millisecond).
        let events = (0..<count).map {
            CopilotEvent(tenantId: tenant, type: type, ticketId: UUID(), createdAt: at.addingTimeInterval(-Double(count - $0) / 1000))
        }
        try await store.withTenant(tenant) { tx in for event in events { try await tx.copilotEvents.append(event, dedupeKey: nil) } }
        return events
    }

    @Test("matching events produce one insight per copilot, published on the tenant's live feed", arguments: Backend.allCases)
    func insightsAndFeed(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store).id
            let coach = Self.copilot(tenant), other = Self.copilot(tenant, CopilotEventType.ticketWon)
            try await store.withTenant(tenant) { tx in try await tx.copilots.insert(coach); try await tx.copilots.insert(other) }
            let bus = EventBus()
            let feed = bus.subscribe(tenantId: tenant)
            let model = InstantInsightModel()
            _ = try await Self.emit(store, tenant, count: 3)
            let pass = try await Self.dispatcher(store, model, bus: bus).pass()
            #expect(pass == CopilotDispatcher.Pass(events: 3, runs: 3, throttled: 0, insights: 3, failed: 0))
            #expect(model.calls == 3)
            let insights = try await store.withTenant(tenant) { try await $0.insights.list(InsightFilter()) }.items
            #expect(insights.count == 3)
            #expect(insights.allSatisfy { $0.agentId == coach.id && $0.payload == ["dica": "ok"] && $0.provider == "fake-llm" })
            var iterator = feed.makeAsyncIterator()
            let first = await iterator.next()
            #expect(first?.name == "insight.created")
            #expect(first?.data.string("agentName") == "Coach")
            #expect(try await Self.dispatcher(store, model).pass().events == 0)
        }
    }

    @Test("a failing provider is retried with backoff and the event becomes a dead letter after the attempt limit",
          arguments: Backend.allCases)
    func deadLetters(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store).id
            try await store.withTenant(tenant) { try await $0.copilots.insert(Self.copilot(tenant)) }
            let down = InstantInsightModel(mode: .fail)
            let events = try await Self.emit(store, tenant, count: 1)
            var clock = Date()
            for attempt in 1...store.copilotMaxAttempts {
                let pass = try await Self.dispatcher(store, down).pass(now: clock)
                #expect(pass.failed == 1, "attempt \(attempt)")
                #expect(try await Self.dispatcher(store, down).pass(now: clock.addingTimeInterval(0.5)).events == 0, "backoff \(attempt)")
                clock = clock.addingTimeInterval(400)
            }
            #expect(down.calls == store.copilotMaxAttempts)
            #expect(try await Self.dispatcher(store, down).pass(now: clock.addingTimeInterval(10_000)).events == 0)
            let dead = try await store.withTenant(tenant) { try await $0.copilotEvents.recent(limit: 10, types: nil, status: .dead) }
            #expect(dead.map(\.id) == events.map(\.id))
            #expect(dead.first?.lastError?.contains("server") == true)
            #expect(try await store.withTenant(tenant) { try await $0.insights.list(InsightFilter()) }.items.isEmpty)
        }
    }

    @Test("a worker that stops mid-batch loses nothing: after its lease another finishes the batch, and nothing is stored twice",
          arguments: Backend.allCases)
    func restartMidBatch(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store).id
            try await store.withTenant(tenant) { try await $0.copilots.insert(Self.copilot(tenant)) }
            _ = try await Self.emit(store, tenant, count: 40)
            let stuck = InstantInsightModel(mode: .gated)
            let start = Date()
            // The first worker reserves the runs of its batch and then hangs in the model calls: as good as dead.
            let zombie = Task { try await Self.dispatcher(store, stuck, lease: 5).pass(now: start) }
            while stuck.calls == 0 { try await Task.sleep(for: .milliseconds(20)) }
            let healthy = InstantInsightModel()
            #expect(try await Self.dispatcher(store, healthy).pass(now: start.addingTimeInterval(1)).events == 0)
            let recovered = try await Self.dispatcher(store, healthy).pass(now: start.addingTimeInterval(6))
            #expect(recovered.events == 40)
            #expect(recovered.insights == 40)
            // The old worker wakes up and finishes too: its insights are already there, so none is added.
            stuck.release()
            let late = try await zombie.value
            #expect(late.insights == 0)
            let insights = try await store.withTenant(tenant) { try await $0.insights.list(InsightFilter(limit: 200)) }.items
            #expect(insights.count == 40)
            #expect(Set(insights.compactMap(\.eventId)).count == 40)
        }
    }

    @Test("the scheduler raises one INACTIVITY event per quiet spell, only for spells that began after the copilot existed")
    func inactivity() async throws {
        try await Backend.sqlite.withStore { store in
            let tenant = try await Fixtures.tenant(store).id
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            var draft = Self.copilot(tenant, CopilotEventType.inactivity)
            draft.triggers[0].inactivityMinutes = 120
            draft.createdAt = now.addingTimeInterval(-3 * 3600)
            let sentinel = draft
            func conversation(quietFor hours: Double) -> Conversation {
                var c = Conversation(tenantId: tenant, contactId: UUID(), channel: .webchat, externalContact: UUID().uuidString, createdAt: now)
                c.lastMessageAt = now.addingTimeInterval(-hours * 3600)
                return c
            }
            let quiet = conversation(quietFor: 2.5), active = conversation(quietFor: 1), ancient = conversation(quietFor: 30)
            try await store.withTenant(tenant) { tx in
                try await tx.copilots.insert(sentinel)
                for c in [quiet, active, ancient] { try await tx.inbox.insert(c) }
            }
            let scanner = InactivityScanner(store: store, logger: Logger(label: "test"))
            #expect(try await scanner.scan(now: now) == 1)
            #expect(try await scanner.scan(now: now.addingTimeInterval(60)) == 0)
            let events = try await store.withTenant(tenant) { try await $0.copilotEvents.recent(limit: 10, types: nil, status: nil) }
            #expect(events.map(\.conversationId) == [quiet.id])
            #expect(events.first?.payload["windowMinutes"] == 120)
            let pass = try await Self.dispatcher(store, nil).pass(now: now.addingTimeInterval(120))
            #expect(pass.insights == 1)
        }
    }
}
