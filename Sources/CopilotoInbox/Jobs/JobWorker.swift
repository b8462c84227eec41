import CopilotoCore
import Foundation
import Logging
import ServiceLifecycle

/// Runs due jobs from the shared queue: claims a batch with a lease, runs them concurrently, deletes them when done,
/// retries failures with exponential backoff and dead-letters them after the queue's attempt limit. A job whose
/// worker died (kill -9) is claimed again when its lease runs out; handlers are idempotent, so it runs to effect once.
public struct JobWorker: Service {
    public typealias Handler = @Sendable (Job) async throws -> Void

    let queue: any JobQueue
    let handlers: [String: Handler]
    let logger: Logger
    let batch: Int
    let lease: TimeInterval
    let idle: Duration

    public init(queue: any JobQueue, handlers: [String: Handler], logger: Logger, batch: Int = 32, lease: TimeInterval = 60,
                idle: Duration = .milliseconds(100)) {
        self.queue = queue
        self.handlers = handlers
        self.logger = logger
        self.batch = batch
        self.lease = lease
        self.idle = idle
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let worked = (try? await drainOnce()) ?? 0
                if worked == 0 { try? await Task.sleep(for: idle) }
            }
        }
    }

    /// Claims and runs one batch; returns how many jobs ran.
    @discardableResult
    public func drainOnce(now: Date = Date()) async throws -> Int {
        let jobs = try await queue.claim(now: now, limit: batch, lease: lease)
        // Done jobs are deleted together once the batch ends (one statement); a crash before that only makes them run
        // again after their lease, which the idempotent handlers turn into no-ops.
        let done = await withTaskGroup(of: Job?.self) { group -> [Job] in
            for job in jobs { group.addTask { await run(job) ? job : nil } }
            var done: [Job] = []
            for await job in group { if let job { done.append(job) } }
            return done
        }
        if !done.isEmpty { try await queue.complete(done, now: Date()) }
        return jobs.count
    }

    /// Runs one job; true when it succeeded (failures are rescheduled or dead-lettered here).
    func run(_ job: Job) async -> Bool {
        guard let handler = handlers[job.type] else {
            try? await queue.fail(job, error: "no handler for \(job.type)", retryAt: nil, now: Date())
            return false
        }
        do {
            try await handler(job)
            return true
        } catch {
            let backoff = min(pow(2, Double(job.attempts)), 300) * Double.random(in: 0.8...1.2)
            logger.warning("job failed", metadata: ["type": "\(job.type)", "attempt": "\(job.attempts)", "error": "\(error)"])
            try? await queue.fail(job, error: "\(error)", retryAt: Date().addingTimeInterval(backoff), now: Date())
            return false
        }
    }
}
