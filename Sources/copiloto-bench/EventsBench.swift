import ArgumentParser
import CopilotoAutomations
import CopilotoCore
import CopilotoStore
import CopilotoTesting
import Foundation
import Logging
import NIOConcurrencyHelpers

/// Background copilots: events stored one per transaction (as the inbox and the CRM raise them), then matched
/// against the tenant's copilots, throttled, run against a fake LLM answering at once, and stored as insights by
/// concurrent dispatchers on the shared queue.
struct EventsBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "Copilot events matched and dispatched per second.")

    @Option(help: "Backends to measure (repeatable): sqlite, postgres.") var backend: [Backend] = Backend.allCases
    @Option(help: "Events per backend.") var events = 20_000
    @Option(help: "Concurrent dispatchers (as several instances would run).") var dispatchers = 2
    @Option(help: "Events a dispatcher claims at once.") var batch = 256
    @Option(help: "Concurrent emitters.") var emitters = 16

    func run() async throws {
        var rows: [[String]] = []
        for backend in backend { rows.append(try await measure(backend)) }
        print("\nCopilot events — \(events) NEW_MESSAGE_RECEIVED events on \(events / 4) conversations; 4 copilots (2 match, one of them "
              + "throttled to 1/h per conversation; 2 on other events); \(dispatchers) dispatchers × \(batch) per claim; LLM at 0 ms")
        printTable(["backend", "emitted/s", "dispatched events/s", "runs/s", "throttled", "insights", "model calls"], rows)
        print(String(format: "peak RSS: %.0f MiB", peakRSSMegabytes()))
    }

    private func measure(_ backend: Backend) async throws -> [String] {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store, slug: "bench").id
            try await store.withTenant(tenant) { tx in for copilot in Self.copilots(tenant) { try await tx.copilots.insert(copilot) } }
            let conversations = (0..<max(events / 4, 1)).map { _ in UUID() }
            let emitted = try await emit(store, tenant: tenant, conversations: conversations)
            let model = InstantInsightModel()
            var quiet = Logger(label: "bench")
            quiet.logLevel = .critical
            let logger = quiet, batch = self.batch
            let totals = NIOLockedValueBox(CopilotDispatcher.Pass())
            let start = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<dispatchers {
                    group.addTask {
                        let dispatcher = CopilotDispatcher(store: store, runner: CopilotRunner { _ in model }, events: EventBus(), logger: logger,
                                                           batch: batch, concurrency: 32)
                        while true {
                            let pass = try await dispatcher.pass()
                            totals.withLockedValue { $0.events += pass.events; $0.runs += pass.runs; $0.throttled += pass.throttled; $0.insights += pass.insights }
                            if pass.events == 0 { return }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let seconds = (ContinuousClock.now - start).milliseconds / 1000
            let pass = totals.withLockedValue { $0 }
            guard pass.events == events else { throw BenchError.unexpected("dispatched \(pass.events) of \(events)") }
            return [backend.rawValue, String(format: "%.0f", emitted), String(format: "%.0f", Double(pass.events) / seconds),
                    String(format: "%.0f", Double(pass.runs) / seconds), String(pass.throttled), String(pass.insights), String(model.calls)]
        }
    }

    /// Stores the events, each in its own transaction as the inbox does; returns events/s.
    private func emit(_ store: SQLDataStore, tenant: UUID, conversations: [UUID]) async throws -> Double {
        let next = NIOLockedValueBox(0)
        let start = ContinuousClock.now
        let base = Date().addingTimeInterval(-60)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<emitters {
                group.addTask {
                    while let i = next.withLockedValue({ n -> Int? in
                        guard n < events else { return nil }
                        n += 1
                        return n - 1
                    }) {
                        let conversation = conversations[i % conversations.count]
                        let event = CopilotEvent(tenantId: tenant, type: CopilotEventType.newMessageReceived, ticketId: conversation,
                                                 conversationId: conversation, payload: ["text": "Achei caro, tem desconto?"],
                                                 createdAt: base.addingTimeInterval(Double(i) / 1000))
                        try await store.withTenant(tenant) { try await $0.copilotEvents.append(event, dedupeKey: nil) }
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(events) / ((ContinuousClock.now - start).milliseconds / 1000)
    }

    static func copilots(_ tenant: UUID) -> [Copilot] {
        let fields = [SchemaField(fieldName: "objecao", fieldType: .enumeration, description: "Objeção", isRequired: true, enumValues: ["preco", "prazo"]),
                      SchemaField(fieldName: "dica", fieldType: .string, description: "Dica", isRequired: true),
                      SchemaField(fieldName: "nota", fieldType: .number, description: "Nota", isRequired: false)]
        let hourly = ThrottleRules(perTicket: ThrottleLimit(maxRuns: 1, windowMinutes: 60))
        return [
            Copilot(tenantId: tenant, name: "Coach", systemPrompt: "Ajude.", triggers: [CopilotTrigger(eventType: CopilotEventType.newMessageReceived)],
                    schemaFields: fields),
            Copilot(tenantId: tenant, name: "Auditor", systemPrompt: "Audite.",
                    triggers: [CopilotTrigger(eventType: CopilotEventType.newMessageReceived, throttleRules: hourly)], schemaFields: fields),
            Copilot(tenantId: tenant, name: "QA", systemPrompt: "Avalie.", triggers: [CopilotTrigger(eventType: CopilotEventType.ticketWon)],
                    schemaFields: fields),
            Copilot(tenantId: tenant, name: "Sentinela", systemPrompt: "Vigie.",
                    triggers: [CopilotTrigger(eventType: CopilotEventType.inactivity, inactivityMinutes: 120)], schemaFields: fields),
        ]
    }
}
