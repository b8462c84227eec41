import CopilotoCore
import Foundation
import SQLKit

/// The insight feed: one row per event and copilot (`ON CONFLICT DO NOTHING`, so a re-run stores nothing twice),
/// listed newest first with the copilot's name.
struct SQLInsightRepository: InsightRepository {
    let db: any SQLDatabase
    let tenant: UUID

    static let columns = ["id", "tenant_id", "copilot_id", "event_id", "event_type", "ticket_id", "conversation_id", "payload",
                          "missing_fields", "provider", "action_status", "created_at"]

    func insert(_ insights: [Insight]) async throws -> [Insight] {
        var stored = Set<String>()
        for chunk in stride(from: 0, to: insights.count, by: 200).map({ Array(insights[$0..<min($0 + 200, insights.count)]) }) {
            let insert = db.insert(into: "insights").columns(Self.columns)
            for i in chunk {
                insert.values([SQLBind(i.id.text), SQLBind(tenant.text), SQLBind(i.agentId.text), SQLBind(i.eventId?.text),
                               SQLBind(i.eventType), SQLBind(i.ticketId?.text), SQLBind(i.conversationId?.text), SQLBind(i.payload.encoded()),
                               SQLBind(jsonText(i.missingFields)), SQLBind(i.provider), SQLBind(i.actionStatus.rawValue),
                               SQLBind(i.createdAt.epochMillis)])
            }
            let rows = try await insert.ignoringConflicts().returning("id").all()
            for row in rows { stored.insert(try row.string("id")) }
        }
        return insights.filter { stored.contains($0.id.text) }
    }

    func list(_ filter: InsightFilter) async throws -> Page<Insight> {
        var sql: SQLQueryString = """
            SELECT i.*, c.name AS agent_name, c.icon AS agent_icon FROM insights i LEFT JOIN copilots c ON c.id = i.copilot_id
            WHERE i.tenant_id = \(bind: tenant.text)
            """
        if let status = filter.status { sql += " AND i.action_status = \(bind: status.rawValue)" }
        if let agent = filter.agentId { sql += " AND i.copilot_id = \(bind: agent.text)" }
        if let ticket = filter.ticketId { sql += " AND i.ticket_id = \(bind: ticket.text)" }
        if let text = filter.cursor {
            let cursor = try Cursor(encoded: text)
            sql += " AND (i.created_at < \(bind: cursor.sortValue) OR (i.created_at = \(bind: cursor.sortValue) AND i.id < \(bind: cursor.id)))"
        }
        sql += " ORDER BY i.created_at DESC, i.id DESC LIMIT \(bind: filter.limit + 1)"
        let rows = try await db.raw(sql).all()
        let items = try rows.prefix(filter.limit).map(Self.decode)
        let next = rows.count > filter.limit ? items.last.map { Cursor(sortValue: $0.createdAt.epochMillis, id: $0.id.text).encoded } : nil
        return Page(items: items, nextCursor: next)
    }

    func find(_ id: UUID) async throws -> Insight? {
        try await db.raw("""
            SELECT i.*, c.name AS agent_name, c.icon AS agent_icon FROM insights i LEFT JOIN copilots c ON c.id = i.copilot_id
            WHERE i.tenant_id = \(bind: tenant.text) AND i.id = \(bind: id.text)
            """).first().map(Self.decode)
    }

    func decide(_ id: UUID, status: InsightStatus, by userId: UUID, at: Date) async throws {
        try await db.update("insights").set("action_status", to: status.rawValue).set("decided_by", to: userId.text)
            .set("decided_at", to: at.epochMillis).where("tenant_id", .equal, tenant.text).where("id", .equal, id.text).run()
    }

    func stats() async throws -> [InsightStats] {
        let rows = try await db.raw("""
            SELECT c.id, c.name, c.template_key, i.action_status, COUNT(i.id) AS n FROM copilots c
            LEFT JOIN insights i ON i.copilot_id = c.id AND i.tenant_id = c.tenant_id
            WHERE c.tenant_id = \(bind: tenant.text) GROUP BY c.id, c.name, c.template_key, i.action_status ORDER BY c.name, c.id
            """).all()
        var result: [InsightStats] = []
        for row in rows {
            let id = try row.uuid("id")
            if result.last?.agentId != id {
                result.append(InsightStats(agentId: id, agentName: try row.string("name"), templateKey: try row.optionalString("template_key"),
                                           suggestions: 0, applied: 0, dismissed: 0))
            }
            let count = try row.int("n")
            switch try row.optionalString("action_status").flatMap(InsightStatus.init(rawValue:)) {
            case .suggestion?: result[result.count - 1].suggestions = count
            case .applied?: result[result.count - 1].applied = count
            case .dismissed?: result[result.count - 1].dismissed = count
            case nil: break
            }
        }
        return result
    }

    static func decode(_ row: any SQLRow) throws -> Insight {
        var insight = Insight(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), agentId: try row.uuid("copilot_id"),
                              eventId: try row.optionalUUID("event_id"), eventType: try row.string("event_type"),
                              ticketId: try row.optionalUUID("ticket_id"), conversationId: try row.optionalUUID("conversation_id"),
                              payload: try JSONValue.parse(Data(try row.string("payload").utf8)),
                              missingFields: try row.json("missing_fields", as: [String].self), provider: try row.string("provider"),
                              actionStatus: try row.enumValue("action_status", as: InsightStatus.self), createdAt: try row.date("created_at"))
        insight.agentName = try row.optionalString("agent_name")
        insight.agentIcon = try row.optionalString("agent_icon")
        insight.decidedBy = try row.optionalUUID("decided_by")
        insight.decidedAt = try row.optionalDate("decided_at")
        return insight
    }
}
