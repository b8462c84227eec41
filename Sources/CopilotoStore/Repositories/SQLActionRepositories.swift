import CopilotoCore
import Foundation
import SQLKit

/// Pending actions in SQL; `claim` is a conditional update, so only one confirmer wins.
struct SQLPendingActionRepository: PendingActionRepository {
    let db: any SQLDatabase
    let tenant: UUID

    func insert(_ p: PendingAction) async throws {
        try await db.insert(into: "pending_actions")
            .columns("id", "tenant_id", "user_id", "session_id", "action", "params", "preview", "risk", "digest", "status",
                     "result", "confirmed_by", "created_at", "expires_at", "finished_at", "origin", "origin_name")
            .values(SQLBind(p.id.text), SQLBind(tenant.text), SQLBind(p.userId.text), SQLBind(p.sessionId.text),
                    SQLBind(p.action), SQLBind(p.params.encoded()), SQLBind(p.preview.encoded()), SQLBind(p.risk.rawValue),
                    SQLBind(p.digest), SQLBind(p.status.rawValue), SQLBind(p.result?.encoded()), SQLBind(p.confirmedBy.text),
                    SQLBind(p.createdAt.epochMillis), SQLBind(p.expiresAt.epochMillis), SQLBind(p.finishedAt?.epochMillis),
                    SQLBind(p.origin.rawValue), SQLBind(p.originName))
            .run()
    }

    func find(_ id: UUID) async throws -> PendingAction? {
        guard let row = try await db.select().column("*").from("pending_actions")
            .where("tenant_id", .equal, tenant.text).where("id", .equal, id.text).first() else { return nil }
        return try Self.decode(row)
    }

    func awaiting(origins: [PendingAction.Origin], now: Date, limit: Int) async throws -> [PendingAction] {
        try await db.select().column("*").from("pending_actions").where("tenant_id", .equal, tenant.text)
            .where("status", .equal, PendingAction.Status.pending.rawValue)
            .where("origin", .in, origins.map(\.rawValue)).where("expires_at", .greaterThan, now.epochMillis)
            .orderBy("created_at").limit(min(max(limit, 1), 200)).all().map(Self.decode)
    }

    static func decode(_ row: any SQLRow) throws -> PendingAction {
        PendingAction(
            id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), userId: try row.uuid("user_id"),
            sessionId: try row.optionalUUID("session_id"), action: try row.string("action"),
            params: try JSONValue.parse(Data(try row.string("params").utf8)),
            preview: try JSONValue.parse(Data(try row.string("preview").utf8)),
            risk: try row.enumValue("risk", as: ActionRisk.self), digest: try row.string("digest"),
            status: try row.enumValue("status", as: PendingAction.Status.self),
            result: try row.optionalString("result").map { try JSONValue.parse(Data($0.utf8)) },
            confirmedBy: try row.optionalUUID("confirmed_by"), createdAt: try row.date("created_at"),
            expiresAt: try row.date("expires_at"), finishedAt: try row.optionalDate("finished_at"),
            origin: PendingAction.Origin(rawValue: try row.string("origin")) ?? .person, originName: try row.optionalString("origin_name"))
    }

    func claim(_ id: UUID, by userId: UUID) async throws -> Bool {
        let rows = try await db.update("pending_actions").set("status", to: PendingAction.Status.executing.rawValue)
            .set("confirmed_by", to: userId.text)
            .where("tenant_id", .equal, tenant.text).where("id", .equal, id.text)
            .where("status", .equal, PendingAction.Status.pending.rawValue).returning("id").all()
        return !rows.isEmpty
    }

    func finish(_ id: UUID, status: PendingAction.Status, result: JSONValue?, at date: Date) async throws {
        try await db.update("pending_actions").set("status", to: status.rawValue).set("result", to: result?.encoded())
            .set("finished_at", to: date.epochMillis)
            .where("tenant_id", .equal, tenant.text).where("id", .equal, id.text).run()
    }
}

/// The audit log in SQL: inserts and reads only.
struct SQLAuditRepository: AuditRepository {
    let db: any SQLDatabase
    let tenant: UUID

    func append(_ e: AuditEntry) async throws {
        try await db.insert(into: "audit_log")
            .columns("id", "tenant_id", "user_id", "session_id", "pending_action_id", "action", "input", "output", "changes",
                     "status", "duration_ms", "created_at")
            .values(SQLBind(e.id.text), SQLBind(tenant.text), SQLBind(e.userId.text), SQLBind(e.sessionId.text),
                    SQLBind(e.pendingActionId.text), SQLBind(e.action), SQLBind(e.input.encoded()), SQLBind(e.output?.encoded()),
                    SQLBind(e.changes?.encoded()),
                    SQLBind(e.status.rawValue), SQLBind(e.durationMs), SQLBind(e.createdAt.epochMillis))
            .run()
    }

    func list(action: String?, sessionId: UUID?, limit: Int) async throws -> [AuditEntry] {
        var query = db.select().column("*").from("audit_log").where("tenant_id", .equal, tenant.text)
        if let action { query = query.where("action", .equal, action) }
        if let sessionId { query = query.where("session_id", .equal, sessionId.text) }
        return try await query.orderBy("created_at", .descending).orderBy("id", .descending).limit(limit).all().map { row in
            AuditEntry(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), userId: try row.uuid("user_id"),
                       sessionId: try row.optionalUUID("session_id"), pendingActionId: try row.optionalUUID("pending_action_id"),
                       action: try row.string("action"), input: try JSONValue.parse(Data(try row.string("input").utf8)),
                       output: try row.optionalString("output").map { try JSONValue.parse(Data($0.utf8)) },
                       changes: try row.optionalString("changes").map { try JSONValue.parse(Data($0.utf8)) },
                       status: try row.enumValue("status", as: AuditEntry.Status.self), durationMs: try row.int("duration_ms"),
                       createdAt: try row.date("created_at"))
        }
    }
}
