import CopilotoCore
import Foundation
import SQLKit

/// LLM provider records in SQL; the key column holds only ciphertext.
struct SQLLLMProviderRepository: LLMProviderRepository {
    let db: any SQLDatabase
    let tenant: UUID

    func list() async throws -> [LLMProviderRecord] {
        try await db.select().column("*").from("llm_providers").where("tenant_id", .equal, tenant.text)
            .orderBy("priority").orderBy("name").all().map(decode)
    }

    func find(_ id: UUID) async throws -> LLMProviderRecord? {
        try await db.select().column("*").from("llm_providers").where("tenant_id", .equal, tenant.text)
            .where("id", .equal, id.text).first().map(decode)
    }

    func save(_ r: LLMProviderRecord, isNew: Bool) async throws {
        let values: [(String, SQLValue)] = [
            ("name", r.name), ("base_url", r.baseURL), ("model", r.model), ("headers", jsonText(r.headers)), ("priority", r.priority),
            ("enabled", r.enabled), ("requires_key", r.requiresKey), ("sealed_key", r.sealedKey),
            ("created_at", r.createdAt.epochMillis), ("updated_at", r.updatedAt.epochMillis),
        ]
        try await StoreErrors.mapping {
            if isNew {
                try await db.insert(into: "llm_providers").columns(["id", "tenant_id"] + values.map(\.0))
                    .values([SQLBind(r.id.text), SQLBind(tenant.text)] + values.map { SQLBind($0.1) }).run()
            } else {
                var update = db.update("llm_providers")
                for (column, value) in values { update = update.set(SQLColumn(column), to: SQLBind(value)) }
                try await update.where("tenant_id", .equal, tenant.text).where("id", .equal, r.id.text).run()
            }
        }
    }

    func delete(_ id: UUID) async throws -> Bool {
        try await !db.delete(from: "llm_providers").where("tenant_id", .equal, tenant.text).where("id", .equal, id.text)
            .returning("id").all().isEmpty
    }

    private func decode(_ row: any SQLRow) throws -> LLMProviderRecord {
        LLMProviderRecord(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), name: try row.string("name"),
                          baseURL: try row.string("base_url"), model: try row.string("model"),
                          headers: try row.json("headers", as: [String: String].self), priority: try row.int("priority"),
                          enabled: try row.bool("enabled"), requiresKey: try row.bool("requires_key"),
                          sealedKey: try row.optionalString("sealed_key"), createdAt: try row.date("created_at"),
                          updatedAt: try row.date("updated_at"))
    }
}
