import CopilotoCore
import Foundation
import SQLKit

/// Eval cases (turns and expectations as JSON text) and runs (results as JSON text, rewritten as the run goes).
struct SQLEvalRepository: EvalRepository {
    let db: any SQLDatabase
    let tenant: UUID

    func insertCase(_ c: EvalCase) async throws {
        try await db.insert(into: "ai_agent_eval_cases")
            .columns("id", "tenant_id", "agent_id", "name", "turns", "expectations", "source_conversation_id", "created_at")
            .values(SQLBind(c.id.text), SQLBind(tenant.text), SQLBind(c.agentId.text), SQLBind(c.name), SQLBind(jsonText(c.turns)),
                    SQLBind(jsonText(c.expect)), SQLBind(c.sourceConversationId?.text), SQLBind(c.createdAt.epochMillis)).run()
    }

    func findCase(_ id: UUID) async throws -> EvalCase? {
        try await db.select().column("*").from("ai_agent_eval_cases").where("tenant_id", .equal, tenant.text)
            .where("id", .equal, id.text).first().map(Self.decodeCase)
    }

    func cases(agentId: UUID, limit: Int) async throws -> [EvalCase] {
        try await db.select().column("*").from("ai_agent_eval_cases").where("tenant_id", .equal, tenant.text)
            .where("agent_id", .equal, agentId.text).orderBy("created_at").orderBy("id").limit(limit).all().map(Self.decodeCase)
    }

    func deleteCase(_ id: UUID) async throws -> Bool {
        let found = try await findCase(id) != nil
        try await db.delete(from: "ai_agent_eval_cases").where("tenant_id", .equal, tenant.text).where("id", .equal, id.text).run()
        return found
    }

    func insertRun(_ r: EvalRun) async throws {
        try await db.insert(into: "ai_agent_eval_runs")
            .columns("id", "tenant_id", "agent_id", "version", "version_number", "case_ids", "status", "results", "created_by", "created_at",
                     "finished_at")
            .values(SQLBind(r.id.text), SQLBind(tenant.text), SQLBind(r.agentId.text), SQLBind(r.version), SQLBind(r.versionNumber),
                    SQLBind(jsonText(r.caseIds)), SQLBind(r.status.rawValue), SQLBind(jsonText(r.results)), SQLBind(r.createdBy.text),
                    SQLBind(r.createdAt.epochMillis), SQLBind(r.finishedAt?.epochMillis)).run()
    }

    func updateRun(_ r: EvalRun) async throws {
        try await db.update("ai_agent_eval_runs").set("status", to: r.status.rawValue).set("results", to: jsonText(r.results))
            .set("version_number", to: r.versionNumber).set("finished_at", to: r.finishedAt?.epochMillis)
            .where("tenant_id", .equal, tenant.text).where("id", .equal, r.id.text).run()
    }

    func findRun(_ id: UUID) async throws -> EvalRun? {
        try await db.select().column("*").from("ai_agent_eval_runs").where("tenant_id", .equal, tenant.text)
            .where("id", .equal, id.text).first().map(Self.decodeRun)
    }

    func runs(agentId: UUID, limit: Int) async throws -> [EvalRun] {
        try await db.select().column("*").from("ai_agent_eval_runs").where("tenant_id", .equal, tenant.text)
            .where("agent_id", .equal, agentId.text).orderBy("created_at", .descending).orderBy("id", .descending).limit(limit)
            .all().map(Self.decodeRun)
    }

    static func decodeCase(_ row: any SQLRow) throws -> EvalCase {
        EvalCase(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), agentId: try row.uuid("agent_id"), name: try row.string("name"),
                 turns: try row.json("turns", as: [EvalCase.Turn].self), expect: try row.json("expectations", as: EvalCase.Expectations.self),
                 sourceConversationId: try row.optionalUUID("source_conversation_id"), createdAt: try row.date("created_at"))
    }

    static func decodeRun(_ row: any SQLRow) throws -> EvalRun {
        EvalRun(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), agentId: try row.uuid("agent_id"), version: try row.string("version"),
                versionNumber: try row.optionalInt("version_number"), caseIds: try row.json("case_ids", as: [UUID].self),
                status: try row.enumValue("status", as: EvalRun.Status.self), results: try row.json("results", as: [EvalResult].self),
                createdBy: try row.uuid("created_by"), createdAt: try row.date("created_at"), finishedAt: try row.optionalDate("finished_at"))
    }
}
