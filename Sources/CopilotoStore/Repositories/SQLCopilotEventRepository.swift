import CopilotoCore
import Foundation
import SQLKit

/// One tenant's event log and copilot runs, inside the caller's transaction: an event is stored with the change that
/// raised it, so it exists exactly when the change does.
struct SQLCopilotEventRepository: CopilotEventRepository {
    let db: any SQLDatabase
    let tenant: UUID

    func append(_ event: CopilotEvent, dedupeKey: String?) async throws -> Bool {
        let rows = try await db.insert(into: "copilot_events")
            .columns("id", "tenant_id", "type", "ticket_id", "conversation_id", "payload", "dedupe_key", "status", "attempts", "run_at",
                     "created_at")
            .values(SQLBind(event.id.text), SQLBind(tenant.text), SQLBind(event.type), SQLBind(event.ticketId?.text),
                    SQLBind(event.conversationId?.text), SQLBind(event.payload.encoded()), SQLBind(dedupeKey),
                    SQLBind(CopilotEvent.Status.pending.rawValue), SQLBind(0), SQLBind(event.createdAt.epochMillis),
                    SQLBind(event.createdAt.epochMillis))
            .ignoringConflicts().returning("id").all()
        return !rows.isEmpty
    }

    func recent(limit: Int, types: Set<String>?, status: CopilotEvent.Status?) async throws -> [CopilotEvent] {
        var query = db.select().column("*").from("copilot_events").where("tenant_id", .equal, tenant.text)
        if let types { query = query.where("type", .in, types.sorted()) }
        if let status { query = query.where("status", .equal, status.rawValue) }
        return try await query.orderBy("created_at", .descending).orderBy("id", .descending).limit(limit).all().map(Self.decode)
    }

    func runs(eventIds: [UUID]) async throws -> [CopilotRun] {
        guard !eventIds.isEmpty else { return [] }
        return try await db.select().column("*").from("copilot_runs").where("tenant_id", .equal, tenant.text)
            .where("event_id", .in, eventIds.map(\.text)).all().map { row in
                CopilotRun(eventId: try row.uuid("event_id"), copilotId: try row.uuid("copilot_id"), eventType: try row.string("event_type"),
                           ticketId: try row.optionalUUID("ticket_id"), status: try row.enumValue("status", as: CopilotRun.Status.self),
                           createdAt: try row.date("created_at"))
            }
    }

    func record(_ runs: [CopilotRun]) async throws {
        for start in stride(from: 0, to: runs.count, by: 500) {
            let insert = db.insert(into: "copilot_runs").columns("tenant_id", "event_id", "copilot_id", "event_type", "ticket_id", "status",
                                                                 "created_at")
            for run in runs[start..<min(start + 500, runs.count)] {
                insert.values(SQLBind(tenant.text), SQLBind(run.eventId.text), SQLBind(run.copilotId.text), SQLBind(run.eventType),
                              SQLBind(run.ticketId?.text), SQLBind(run.status.rawValue), SQLBind(run.createdAt.epochMillis))
            }
            try await insert.ignoringConflicts().run()
        }
    }

    func finish(_ runs: [CopilotRun]) async throws {
        // One statement per 400 runs, matching (event, copilot) pairs exactly: a failed run of the same event stays reserved.
        for start in stride(from: 0, to: runs.count, by: 400) {
            var sql: SQLQueryString = "UPDATE copilot_runs SET status = 'done' WHERE tenant_id = \(bind: tenant.text) AND (event_id, copilot_id) IN (VALUES "
            for (index, run) in runs[start..<min(start + 400, runs.count)].enumerated() {
                if index > 0 { sql += ", " }
                sql += "(\(bind: run.eventId.text), \(bind: run.copilotId.text))"
            }
            try await db.raw(sql + ")").run()
        }
    }

    func runCounts(_ keys: Set<ThrottleKey>, now: Date) async throws -> [ThrottleKey: Int] {
        var counts: [ThrottleKey: Int] = [:]
        // One grouped query per copilot, event type and window; per-ticket keys share it.
        let groups = Dictionary(grouping: keys) { ThrottleKey(copilotId: $0.copilotId, eventType: $0.eventType, ticketId: nil, windowMinutes: $0.windowMinutes) }
        for (group, members) in groups {
            let since = now.addingTimeInterval(-Double(group.windowMinutes) * 60).epochMillis
            let base: SQLQueryString = """
                FROM copilot_runs WHERE tenant_id = \(bind: tenant.text) AND copilot_id = \(bind: group.copilotId.text)
                  AND event_type = \(bind: group.eventType) AND status <> 'throttled' AND created_at >= \(bind: since)
                """
            if members.contains(where: { $0.ticketId == nil }) {
                counts[group] = try await db.raw("SELECT COUNT(*) AS n " + base).first()?.decode(column: "n", as: Int.self) ?? 0
            }
            let tickets = members.compactMap(\.ticketId?.text)
            guard !tickets.isEmpty else { continue }
            for row in try await db.raw("SELECT ticket_id, COUNT(*) AS n " + base + " AND ticket_id IN (\(binds: tickets)) GROUP BY ticket_id").all() {
                var key = group
                key.ticketId = try row.optionalUUID("ticket_id")
                counts[key] = try row.int("n")
            }
        }
        return counts
    }

    func messages(conversationIds: [UUID], limit: Int) async throws -> [UUID: [InboxMessage]] {
        guard !conversationIds.isEmpty else { return [:] }
        let rows = try await db.raw("""
            SELECT * FROM (SELECT m.*, ROW_NUMBER() OVER (PARTITION BY conversation_id ORDER BY seq DESC) AS rn FROM conversation_messages m
              WHERE tenant_id = \(bind: tenant.text) AND conversation_id IN (\(binds: Set(conversationIds).map(\.text)))) t
            WHERE rn <= \(bind: limit) ORDER BY conversation_id, seq
            """).all()
        var result: [UUID: [InboxMessage]] = [:]
        for row in rows {
            let message = try SQLInboxRepository.decode(row).1
            result[message.conversationId, default: []].append(message)
        }
        return result
    }

    func quietConversations(from: Date, to: Date, limit: Int) async throws -> [Conversation] {
        try await db.select().column("*").from("conversations").where("tenant_id", .equal, tenant.text)
            .where("status", .notEqual, ConversationStatus.closed.rawValue)
            .where("last_message_at", .greaterThanOrEqual, from.epochMillis).where("last_message_at", .lessThan, to.epochMillis)
            .orderBy("last_message_at").limit(limit).all().map(ConversationMapping.decode)
    }

    static func decode(_ row: any SQLRow) throws -> CopilotEvent {
        CopilotEvent(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), type: try row.string("type"),
                     ticketId: try row.optionalUUID("ticket_id"), conversationId: try row.optionalUUID("conversation_id"),
                     payload: try JSONValue.parse(Data(try row.string("payload").utf8)),
                     status: try row.enumValue("status", as: CopilotEvent.Status.self), attempts: try row.int("attempts"),
                     lastError: try row.optionalString("last_error"), createdAt: try row.date("created_at"))
    }
}
