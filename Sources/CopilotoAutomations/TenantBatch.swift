import CopilotoCore
import Foundation

/// One tenant's share of a claimed batch, in three steps: plan and reserve the runs in one transaction (with the
/// matched copilots locked, so throttle counts of concurrent workers never race), run the copilots outside any
/// transaction, then store the insights and mark their runs done in a second one.
struct TenantBatch: Sendable {
    let store: any DataStore
    let runner: CopilotRunner
    let concurrency: Int

    struct Outcome: Sendable {
        var runs = 0
        var throttled = 0
        var stored: [Insight] = []
        /// Events that must be retried, with why.
        var failures: [UUID: String] = [:]
    }

    func process(_ tenant: UUID, _ events: [CopilotEvent], now: Date) async -> Outcome {
        var outcome = Outcome()
        let planned: (DispatchPlan, [UUID: EventContext])
        do {
            planned = try await store.withTenant(tenant) { tx in
                let copilots = try await tx.copilots.active().filter { copilot in events.contains { copilot.trigger(for: $0) != nil } }
                guard !copilots.isEmpty else { return (DispatchPlan(), [:]) }
                try await tx.copilots.lock(copilots.map(\.id))
                let existing = try await tx.copilotEvents.runs(eventIds: events.map(\.id))
                let counts = try await tx.copilotEvents.runCounts(DispatchPlan.throttleKeys(events: events, copilots: copilots), now: now)
                let plan = DispatchPlan.make(events: events, copilots: copilots, existing: existing, counts: counts, now: now)
                try await tx.copilotEvents.record(plan.newRuns)
                let contexts = try await EventContext.load(Self.unique(plan.work.map(\.event)), in: tx)
                return (plan, contexts)
            }
        } catch {
            for event in events { outcome.failures[event.id] = "\(error)" }
            return outcome
        }
        let (plan, contexts) = planned
        outcome.throttled = plan.throttled
        outcome.runs = plan.work.count
        let results = await run(plan.work, contexts: contexts)
        var insights: [Insight] = [], finished: [CopilotRun] = []
        for (work, result) in results {
            switch result {
            case .success(let output):
                insights.append(Insight(tenantId: tenant, agentId: work.copilot.id, eventId: work.event.id, eventType: work.event.type,
                                        ticketId: work.event.ticketId, conversationId: work.event.conversationId, payload: output.payload,
                                        missingFields: output.missingFields, provider: output.provider, createdAt: now))
                finished.append(work.run)
            case .failure(let error):
                outcome.failures[work.event.id] = "\(work.copilot.name): \(error)"
            }
        }
        guard !insights.isEmpty else { return outcome }
        do {
            outcome.stored = try await store.withTenant(tenant) { [insights, finished] tx in
                let stored = try await tx.insights.insert(insights)
                try await tx.copilotEvents.finish(finished)
                return stored
            }
            let names = Dictionary(plan.work.map { ($0.copilot.id, $0.copilot) }, uniquingKeysWith: { first, _ in first })
            outcome.stored = outcome.stored.map { var i = $0; i.agentName = names[i.agentId]?.name; i.agentIcon = names[i.agentId]?.icon; return i }
        } catch {
            for work in plan.work { outcome.failures[work.event.id] = "\(error)" }
        }
        return outcome
    }

    /// Runs the work with at most `concurrency` copilots at a time; each copilot's model is resolved once.
    private func run(_ work: [DispatchPlan.Work], contexts: [UUID: EventContext]) async -> [(DispatchPlan.Work, Result<RunOutput, any Error>)] {
        var models: [UUID: Result<(any LanguageModel)?, any Error>] = [:]
        for item in work where models[item.copilot.id] == nil {
            do { models[item.copilot.id] = .success(try await runner.models(item.copilot)) } catch { models[item.copilot.id] = .failure(error) }
        }
        let resolved = models
        return await withTaskGroup(of: (Int, Result<RunOutput, any Error>).self) { group in
            var results: [(DispatchPlan.Work, Result<RunOutput, any Error>)?] = Array(repeating: nil, count: work.count)
            var next = 0
            func start(_ index: Int) {
                let item = work[index]
                let context = contexts[item.event.id] ?? EventContext(event: item.event)
                group.addTask {
                    do {
                        let model = try resolved[item.copilot.id]?.get() ?? nil
                        return (index, .success(try await runner.run(item.copilot, context, model: model)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            while next < min(concurrency, work.count) { start(next); next += 1 }
            for await (index, result) in group {
                results[index] = (work[index], result)
                if next < work.count { start(next); next += 1 }
            }
            return results.compactMap { $0 }
        }
    }

    static func unique(_ events: [CopilotEvent]) -> [CopilotEvent] {
        var seen = Set<UUID>()
        return events.filter { seen.insert($0.id).inserted }
    }
}
