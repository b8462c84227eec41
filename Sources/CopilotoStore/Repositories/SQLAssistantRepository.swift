import CopilotoCore
import Foundation
import SQLKit

/// Assistant sessions and messages in SQL; session queries always carry the owner.
struct SQLAssistantRepository: AssistantRepository {
    let db: any SQLDatabase
    let tenant: UUID

    func sessions(userId: UUID, query: String?, limit: Int) async throws -> [AssistantSession] {
        var select = db.select().column("*").from("assistant_sessions").where("tenant_id", .equal, tenant.text)
            .where("user_id", .equal, userId.text)
        if let text = query.map(TextFolding.fold), !text.isEmpty {
            select = select.where(SQLColumn("search_text"), .like, SQLBind("%\(text.filter { !"%_\\".contains($0) })%"))
        }
        return try await select.orderBy("updated_at", .descending).limit(limit).all().map(decodeSession)
    }

    func session(_ id: UUID, userId: UUID) async throws -> AssistantSession? {
        try await db.select().column("*").from("assistant_sessions").where("tenant_id", .equal, tenant.text)
            .where("user_id", .equal, userId.text).where("id", .equal, id.text).first().map(decodeSession)
    }

    func save(_ s: AssistantSession, isNew: Bool) async throws {
        let values: [(String, SQLValue)] = [("user_id", s.userId.text), ("title", s.title), ("title_set_by", s.titleSetBy.rawValue),
                                            ("mode", s.mode), ("search_text", TextFolding.fold(s.title)),
                                            ("created_at", s.createdAt.epochMillis), ("updated_at", s.updatedAt.epochMillis)]
        if isNew {
            try await db.insert(into: "assistant_sessions").columns(["id", "tenant_id"] + values.map(\.0))
                .values([SQLBind(s.id.text), SQLBind(tenant.text)] + values.map { SQLBind($0.1) }).run()
        } else {
            var update = db.update("assistant_sessions")
            for (column, value) in values { update = update.set(SQLColumn(column), to: SQLBind(value)) }
            try await update.where("tenant_id", .equal, tenant.text).where("id", .equal, s.id.text).run()
        }
    }

    func delete(_ id: UUID, userId: UUID) async throws -> Bool {
        try await !db.delete(from: "assistant_sessions").where("tenant_id", .equal, tenant.text).where("user_id", .equal, userId.text)
            .where("id", .equal, id.text).returning("id").all().isEmpty
    }

    func append(_ m: AssistantMessage) async throws {
        try await db.insert(into: "assistant_messages")
            .columns("id", "tenant_id", "session_id", "role", "content", "tool_calls", "pending_action_id", "provider", "model", "usage",
                     "context", "created_at")
            .values(SQLBind(m.id.text), SQLBind(tenant.text), SQLBind(m.sessionId.text), SQLBind(m.role), SQLBind(m.content),
                    SQLBind(m.toolCalls?.encoded()), SQLBind(m.pendingActionId.text), SQLBind(m.provider), SQLBind(m.model),
                    SQLBind(m.usage?.encoded()), SQLBind(m.context?.encoded()), SQLBind(m.createdAt.epochMillis))
            .run()
    }

    func messages(sessionId: UUID) async throws -> [AssistantMessage] {
        try await db.select().column("*").from("assistant_messages").where("tenant_id", .equal, tenant.text)
            .where("session_id", .equal, sessionId.text).orderBy("created_at").orderBy("id").all().map { row in
                AssistantMessage(id: try row.uuid("id"), sessionId: try row.uuid("session_id"), role: try row.string("role"),
                                 content: try row.string("content"),
                                 toolCalls: try row.optionalString("tool_calls").map { try JSONValue.parse(Data($0.utf8)) },
                                 pendingActionId: try row.optionalUUID("pending_action_id"), provider: try row.optionalString("provider"),
                                 model: try row.optionalString("model"), usage: try Self.json(row, "usage"),
                                 context: try Self.json(row, "context"), createdAt: try row.date("created_at"))
            }
    }

    private static func json(_ row: any SQLRow, _ column: String) throws -> JSONValue? {
        try row.optionalString(column).map { try JSONValue.parse(Data($0.utf8)) }
    }

    private func decodeSession(_ row: any SQLRow) throws -> AssistantSession {
        AssistantSession(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), userId: try row.uuid("user_id"),
                         title: try row.string("title"), titleSetBy: try row.enumValue("title_set_by", as: AssistantSession.TitleSource.self),
                         mode: try row.string("mode"), createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }
}
