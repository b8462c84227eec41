import CopilotoCore
import Foundation
import SQLKit

/// The dispatchers' side of the event log: claim a batch with a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so
/// instances never share an event; SQLite has one writer), mark processed, retry with backoff, dead-letter after
/// `maxAttempts`.
struct SQLCopilotEventQueue: CopilotEventQueue {
    let backend: any SQLBackend
    let maxAttempts: Int

    func claim(now: Date, limit: Int, lease: TimeInterval) async throws -> [CopilotEvent] {
        let skip = backend.isPostgres ? "FOR UPDATE SKIP LOCKED" : ""
        return try await backend.transaction(tenant: nil) { db in
            try await db.raw("""
                UPDATE copilot_events SET status = 'running', attempts = attempts + 1,
                  locked_until = \(bind: now.addingTimeInterval(lease).epochMillis)
                WHERE id IN (SELECT id FROM copilot_events
                  WHERE (status = 'pending' AND run_at <= \(bind: now.epochMillis))
                     OR (status = 'running' AND locked_until < \(bind: now.epochMillis))
                  ORDER BY run_at LIMIT \(bind: limit) \(unsafeRaw: skip))
                RETURNING *
                """).all().map(SQLCopilotEventRepository.decode)
        }
    }

    func complete(_ ids: [UUID], now: Date) async throws {
        guard !ids.isEmpty else { return }
        try await backend.transaction(tenant: nil) { db in
            try await db.update("copilot_events").set("status", to: CopilotEvent.Status.done.rawValue).set("locked_until", to: SQLLiteral.null)
                .set("processed_at", to: now.epochMillis).where("id", .in, ids.map(\.text)).run()
        }
    }

    func fail(_ event: CopilotEvent, error: String, retryAt: Date?, now: Date) async throws {
        let dead = retryAt == nil || event.attempts >= maxAttempts
        try await backend.transaction(tenant: nil) { db in
            try await db.update("copilot_events")
                .set("status", to: (dead ? CopilotEvent.Status.dead : .pending).rawValue)
                .set("run_at", to: (retryAt ?? now).epochMillis).set("locked_until", to: SQLLiteral.null)
                .set("last_error", to: String(error.prefix(2000))).set("processed_at", to: dead ? SQLBind(now.epochMillis) : SQLBind(Int?.none))
                .where("id", .equal, event.id.text).run()
        }
    }

    func prune(before: Date) async throws -> Int {
        try await backend.transaction(tenant: nil) { db in
            // Run rows only feed throttle counts, whose longest window is a year.
            let yearBefore = before.addingTimeInterval(-366 * 86_400).epochMillis
            try await db.raw("DELETE FROM copilot_runs WHERE created_at < \(bind: yearBefore)").run()
            return try await db.raw("""
                DELETE FROM copilot_events WHERE status = 'done' AND created_at < \(bind: before.epochMillis) RETURNING id
                """).all().count
        }
    }
}
