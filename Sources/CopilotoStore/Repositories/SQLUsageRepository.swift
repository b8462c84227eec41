import CopilotoCore
import Foundation
import SQLKit

/// Model calls' tokens and cost in SQL, summed by the database (GROUP BY) per day, user, session, agent or model.
struct SQLUsageRepository: UsageRepository {
    let db: any SQLDatabase
    let tenant: UUID

    func record(_ u: UsageRecord) async throws {
        try await db.insert(into: "model_usage")
            .columns("id", "tenant_id", "user_id", "session_id", "agent_id", "source", "provider", "model", "prompt_tokens",
                     "completion_tokens", "estimated", "cost_nano_usd", "created_at")
            .values(SQLBind(u.id.text), SQLBind(tenant.text), SQLBind(u.userId.text), SQLBind(u.sessionId.text), SQLBind(u.agentId.text),
                    SQLBind(u.source), SQLBind(u.provider), SQLBind(u.model), SQLBind(u.promptTokens), SQLBind(u.completionTokens),
                    SQLBind(u.estimated ? 1 : 0), SQLBind(u.costNanoUSD), SQLBind(u.createdAt.epochMillis))
            .run()
    }

    func totals(_ filter: UsageFilter, by grouping: UsageGrouping?) async throws -> [(key: String?, totals: UsageTotals)] {
        let offset = filter.utcOffsetSeconds * 1000
        let key: SQLQueryString = switch grouping {
        case nil: "''"
        case .day: "(created_at + \(unsafeRaw: String(offset))) / 86400000"
        case .user: "user_id"
        case .session: "session_id"
        case .agent: "agent_id"
        case .model: "provider || '/' || model"
        }
        var query: SQLQueryString = """
            SELECT \(key) AS k, COUNT(*) AS calls, CAST(SUM(prompt_tokens) AS BIGINT) AS p, CAST(SUM(completion_tokens) AS BIGINT) AS c,
              CAST(SUM(cost_nano_usd) AS BIGINT) AS cost
            FROM model_usage WHERE tenant_id = \(bind: tenant.text) AND created_at >= \(bind: filter.from.epochMillis)
              AND created_at < \(bind: filter.to.epochMillis)
            """
        if let user = filter.userId { query = query + " AND user_id = \(bind: user.text)" }
        if let session = filter.sessionId { query = query + " AND session_id = \(bind: session.text)" }
        if let agent = filter.agentId { query = query + " AND agent_id = \(bind: agent.text)" }
        if grouping != nil { query = query + " GROUP BY \(key) ORDER BY \(key)" }
        return try await db.raw(query).all().compactMap { row in
            let calls = try row.int("calls")
            guard calls > 0 else { return nil }
            let totals = UsageTotals(calls: calls, promptTokens: try row.int("p"), completionTokens: try row.int("c"),
                                     costNanoUSD: Int64(try row.int("cost")))
            return (key: try Self.key(row, grouping), totals: totals)
        }
    }

    private static func key(_ row: any SQLRow, _ grouping: UsageGrouping?) throws -> String? {
        switch grouping {
        case nil: return ""
        case .day:
            let day = try row.decode(column: "k", as: Int64.self)
            return LocalCalendar(timeZone: .gmt).day(of: Date(timeIntervalSince1970: TimeInterval(day) * 86400))
        default: return try row.optionalString("k")
        }
    }
}

/// Quick exchanges (Ctrl+.) in SQL; look-ups carry the owner.
struct SQLQuickExchangeRepository: QuickExchangeRepository {
    let db: any SQLDatabase
    let tenant: UUID

    func save(_ q: QuickExchange) async throws {
        try await db.insert(into: "quick_exchanges")
            .columns("id", "tenant_id", "user_id", "field_id", "instruction", "input_text", "output_text", "provider", "created_at", "expires_at")
            .values(SQLBind(q.id.text), SQLBind(tenant.text), SQLBind(q.userId.text), SQLBind(q.fieldId), SQLBind(q.instruction),
                    SQLBind(q.text), SQLBind(q.output), SQLBind(q.provider), SQLBind(q.createdAt.epochMillis), SQLBind(q.expiresAt.epochMillis))
            .run()
    }

    func find(_ id: UUID, userId: UUID) async throws -> QuickExchange? {
        try await db.select().column("*").from("quick_exchanges").where("tenant_id", .equal, tenant.text)
            .where("user_id", .equal, userId.text).where("id", .equal, id.text).first().map { row in
                var exchange = QuickExchange(id: try row.uuid("id"), tenantId: tenant, userId: try row.uuid("user_id"),
                                             fieldId: try row.optionalString("field_id"), instruction: try row.string("instruction"),
                                             text: try row.string("input_text"), output: try row.string("output_text"),
                                             provider: try row.string("provider"), createdAt: try row.date("created_at"))
                exchange.expiresAt = try row.date("expires_at")
                return exchange
            }
    }

    func delete(_ id: UUID) async throws {
        try await db.delete(from: "quick_exchanges").where("tenant_id", .equal, tenant.text).where("id", .equal, id.text).run()
    }
}
