import CopilotoCore
import CoreMetrics
import Foundation
import Logging
import ServiceLifecycle

/// The background copilots' worker: claims a batch of events with a lease, matches each tenant's active copilots,
/// applies throttles, runs the copilots, stores the insights and publishes `insight.created`. An event whose run
/// failed is retried with exponential backoff and becomes a dead letter after the queue's attempt limit; an event
/// whose worker died is claimed again when its lease ends, and the run rows make that re-run store nothing twice.
public struct CopilotDispatcher: Service {
    let store: any DataStore
    let runner: CopilotRunner
    let events: EventBus
    let logger: Logger
    let batch: Int
    let lease: TimeInterval
    let idle: Duration
    /// Copilot runs in flight at once within a batch.
    let concurrency: Int

    public init(store: any DataStore, runner: CopilotRunner, events: EventBus, logger: Logger, batch: Int = 256, lease: TimeInterval = 60,
                idle: Duration = .milliseconds(100), concurrency: Int = 16) {
        self.store = store
        self.runner = runner
        self.events = events
        self.logger = logger
        self.batch = batch
        self.lease = lease
        self.idle = idle
        self.concurrency = concurrency
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let worked: Int
                do { worked = try await drainOnce() } catch {
                    logger.warning("copilot dispatch failed", metadata: ["error": "\(error)"])
                    worked = 0
                }
                if worked == 0 { try? await Task.sleep(for: idle) }
            }
        }
    }

    /// What one pass did.
    public struct Pass: Sendable, Equatable {
        public var events = 0
        public var runs = 0
        public var throttled = 0
        public var insights = 0
        public var failed = 0

        public init(events: Int = 0, runs: Int = 0, throttled: Int = 0, insights: Int = 0, failed: Int = 0) {
            self.events = events
            self.runs = runs
            self.throttled = throttled
            self.insights = insights
            self.failed = failed
        }
    }

    /// Claims and processes one batch; returns how many events it claimed.
    @discardableResult
    public func drainOnce(now: Date = Date()) async throws -> Int {
        try await pass(now: now).events
    }

    /// Claims and processes one batch, tenant by tenant.
    public func pass(now: Date = Date()) async throws -> Pass {
        let claimed = try await store.copilotQueue.claim(now: now, limit: batch, lease: lease)
        var pass = Pass(events: claimed.count)
        guard !claimed.isEmpty else { return pass }
        var done: [UUID] = []
        for (tenant, group) in Dictionary(grouping: claimed, by: \.tenantId) {
            let outcome = await TenantBatch(store: store, runner: runner, concurrency: concurrency).process(tenant, group, now: now)
            pass.runs += outcome.runs
            pass.throttled += outcome.throttled
            pass.insights += outcome.stored.count
            for insight in outcome.stored { events.publish(InsightEvent.created(insight)) }
            for event in group {
                guard let error = outcome.failures[event.id] else { done.append(event.id); continue }
                pass.failed += 1
                let backoff = min(pow(2, Double(event.attempts)), 300) * Double.random(in: 0.8...1.2)
                logger.warning("copilot event failed", metadata: ["type": "\(event.type)", "attempt": "\(event.attempts)", "error": "\(error)"])
                try await store.copilotQueue.fail(event, error: error, retryAt: now.addingTimeInterval(backoff), now: now)
            }
        }
        try await store.copilotQueue.complete(done, now: now)
        Self.record(pass)
        return pass
    }

    /// Prometheus counters: events processed or failed, runs, throttled runs, insights stored.
    static func record(_ pass: Pass) {
        Counter(label: "copiloto_copilot_events_total", dimensions: [("outcome", "done")]).increment(by: pass.events - pass.failed)
        Counter(label: "copiloto_copilot_events_total", dimensions: [("outcome", "failed")]).increment(by: pass.failed)
        Counter(label: "copiloto_copilot_runs_total", dimensions: [("outcome", "run")]).increment(by: pass.runs)
        Counter(label: "copiloto_copilot_runs_total", dimensions: [("outcome", "throttled")]).increment(by: pass.throttled)
        Counter(label: "copiloto_insights_total").increment(by: pass.insights)
    }
}
