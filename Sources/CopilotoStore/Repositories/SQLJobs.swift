import CopilotoCore
import Foundation
import SQLKit

/// Scheduling inside a tenant transaction: one pending job per key, pushed later by each new event up to its
/// deadline (a burst becomes one job).
struct SQLJobRepository: JobRepository {
    let db: any SQLDatabase
    let tenant: UUID

    func schedule(type: String, key: String?, payload: JSONValue, runAt: Date, deadline: Date, now: Date) async throws {
        try await db.raw("""
            INSERT INTO automation_jobs (id, tenant_id, type, dedupe_key, payload, status, attempts, run_at, deadline_at, created_at,
              updated_at)
            VALUES (\(bind: UUID().text), \(bind: tenant.text), \(bind: type), \(bind: key), \(bind: payload.encoded()), 'pending', 0,
              \(bind: min(runAt, deadline).epochMillis), \(bind: deadline.epochMillis), \(bind: now.epochMillis), \(bind: now.epochMillis))
            ON CONFLICT (tenant_id, dedupe_key) WHERE status = 'pending' DO UPDATE SET
              run_at = CASE WHEN excluded.run_at < automation_jobs.deadline_at THEN excluded.run_at ELSE automation_jobs.deadline_at END,
              payload = excluded.payload, updated_at = excluded.updated_at
            """).run()
    }
}

/// The workers' side: claim with a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so instances never share a job;
/// SQLite has one writer), delete when done, retry with backoff, dead-letter after `maxAttempts`.
struct SQLJobQueue: JobQueue {
    let backend: any SQLBackend
    static let maxAttempts = 6

    func claim(now: Date, limit: Int, lease: TimeInterval) async throws -> [Job] {
        let skip = backend.isPostgres ? "FOR UPDATE SKIP LOCKED" : ""
        return try await backend.transaction(tenant: nil) { db in
            try await db.raw("""
                UPDATE automation_jobs SET status = 'running', attempts = attempts + 1,
                  locked_until = \(bind: now.addingTimeInterval(lease).epochMillis), updated_at = \(bind: now.epochMillis)
                WHERE id IN (SELECT id FROM automation_jobs
                  WHERE (status = 'pending' AND run_at <= \(bind: now.epochMillis))
                     OR (status = 'running' AND locked_until < \(bind: now.epochMillis))
                  ORDER BY run_at LIMIT \(bind: limit) \(unsafeRaw: skip))
                RETURNING id, tenant_id, type, payload, attempts
                """).all().map { row in
                Job(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), type: try row.string("type"),
                    payload: try JSONValue.parse(Data(try row.string("payload").utf8)), attempts: try row.int("attempts"))
            }
        }
    }

    func complete(_ jobs: [Job], now: Date) async throws {
        guard !jobs.isEmpty else { return }
        try await backend.transaction(tenant: nil) { db in
            try await db.delete(from: "automation_jobs").where("id", .in, jobs.map(\.id.text)).run()
        }
    }

    func fail(_ job: Job, error: String, retryAt: Date?, now: Date) async throws {
        try await backend.transaction(tenant: nil) { db in
            guard let retryAt, job.attempts < Self.maxAttempts else {
                try await db.update("automation_jobs").set("status", to: "dead").set("last_error", to: String(error.prefix(2000)))
                    .set("locked_until", to: SQLLiteral.null).set("updated_at", to: now.epochMillis).where("id", .equal, job.id.text).run()
                return
            }
            // A newer pending job with the same key will do the work; this one steps aside.
            let retried = try await db.raw("""
                UPDATE automation_jobs SET status = 'pending', run_at = \(bind: retryAt.epochMillis), locked_until = NULL,
                  last_error = \(bind: String(error.prefix(2000))), updated_at = \(bind: now.epochMillis)
                WHERE id = \(bind: job.id.text) AND NOT EXISTS (SELECT 1 FROM automation_jobs other
                  WHERE other.tenant_id = automation_jobs.tenant_id AND other.dedupe_key = automation_jobs.dedupe_key
                    AND other.status = 'pending' AND other.id <> automation_jobs.id)
                RETURNING id
                """).all()
            if retried.isEmpty { try await db.delete(from: "automation_jobs").where("id", .equal, job.id.text).run() }
        }
    }
}
