import CopilotoCore
import Foundation
import SQLKit

/// Published versions (the agent frozen as JSON text; the live one is the latest `live_at`), and per conversation the
/// version that answered and the CX score.
struct SQLAIAgentVersionRepository: AIAgentVersionRepository {
    let db: any SQLDatabase
    let tenant: UUID

    func insert(_ v: AIAgentVersion) async throws {
        try await db.insert(into: "ai_agent_versions").columns("tenant_id", "agent_id", "number", "snapshot", "created_by", "created_at", "live_at")
            .values(SQLBind(tenant.text), SQLBind(v.agentId.text), SQLBind(v.number), SQLBind(jsonText(v.snapshot)), SQLBind(v.createdBy.text),
                    SQLBind(v.createdAt.epochMillis), SQLBind(v.liveAt?.epochMillis)).run()
    }

    func list(agentId: UUID) async throws -> [AIAgentVersion] {
        try await db.select().column("*").from("ai_agent_versions").where("tenant_id", .equal, tenant.text)
            .where("agent_id", .equal, agentId.text).orderBy("number", .descending).limit(500).all().map(Self.decode)
    }

    func find(agentId: UUID, number: Int) async throws -> AIAgentVersion? {
        try await db.select().column("*").from("ai_agent_versions").where("tenant_id", .equal, tenant.text)
            .where("agent_id", .equal, agentId.text).where("number", .equal, number).first().map(Self.decode)
    }

    func published(agentId: UUID) async throws -> AIAgentVersion? {
        try await db.select().column("*").from("ai_agent_versions").where("tenant_id", .equal, tenant.text)
            .where("agent_id", .equal, agentId.text).where("live_at", .isNot, SQLLiteral.null)
            .orderBy("live_at", .descending).orderBy("number", .descending).first().map(Self.decode)
    }

    func makeLive(agentId: UUID, number: Int, at: Date) async throws -> Bool {
        guard try await find(agentId: agentId, number: number) != nil else { return false }
        // Strictly later than the current live one, so two changes in the same millisecond still order.
        let current = try await published(agentId: agentId)?.liveAt?.epochMillis ?? 0
        try await db.update("ai_agent_versions").set("live_at", to: max(at.epochMillis, current + 1)).where("tenant_id", .equal, tenant.text)
            .where("agent_id", .equal, agentId.text).where("number", .equal, number).run()
        return true
    }

    func recordAnswer(conversationId: UUID, agentId: UUID, version: Int?) async throws {
        try await db.raw("""
            INSERT INTO conversation_quality (conversation_id, tenant_id, agent_id, agent_version, updated_at)
            VALUES (\(bind: conversationId.text), \(bind: tenant.text), \(bind: agentId.text), \(bind: version), \(bind: Date().epochMillis))
            ON CONFLICT (conversation_id) DO UPDATE SET agent_id = excluded.agent_id, agent_version = excluded.agent_version,
              updated_at = excluded.updated_at
            """).run()
    }

    func saveCX(conversationId: UUID, score: CXScore) async throws {
        try await db.raw("""
            INSERT INTO conversation_quality (conversation_id, tenant_id, cx_score, cx, updated_at)
            VALUES (\(bind: conversationId.text), \(bind: tenant.text), \(bind: score.score), \(bind: jsonText(score)), \(bind: Date().epochMillis))
            ON CONFLICT (conversation_id) DO UPDATE SET cx_score = excluded.cx_score, cx = excluded.cx, updated_at = excluded.updated_at
            """).run()
    }

    func quality(conversationId: UUID) async throws -> ConversationQuality? {
        guard let row = try await db.select().column("*").from("conversation_quality").where("tenant_id", .equal, tenant.text)
            .where("conversation_id", .equal, conversationId.text).first() else { return nil }
        return ConversationQuality(conversationId: conversationId, agentId: try row.optionalUUID("agent_id"),
                                   agentVersion: try row.optionalInt("agent_version"),
                                   cx: try row.optionalString("cx").map { try JSONDecoder().decode(CXScore.self, from: Data($0.utf8)) })
    }

    func cxByVersion(agentId: UUID) async throws -> [CXAverage] {
        let rows = try await db.raw("""
            SELECT agent_version, CAST(SUM(cx_score) AS BIGINT) AS total, COUNT(*) AS scored FROM conversation_quality
            WHERE tenant_id = \(bind: tenant.text) AND agent_id = \(bind: agentId.text) AND cx_score IS NOT NULL
            GROUP BY agent_version ORDER BY agent_version
            """).all()
        return try rows.map { row in
            let count = try row.int("scored")
            return CXAverage(version: try row.optionalInt("agent_version"), average: count == 0 ? 0 : Double(try row.int("total")) / Double(count),
                             conversations: count)
        }
    }

    static func decode(_ row: any SQLRow) throws -> AIAgentVersion {
        AIAgentVersion(agentId: try row.uuid("agent_id"), number: try row.int("number"), snapshot: try row.json("snapshot", as: AIAgent.self),
                       createdBy: try row.uuid("created_by"), createdAt: try row.date("created_at"), liveAt: try row.optionalDate("live_at"))
    }
}
