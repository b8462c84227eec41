import CopilotoCore
import Foundation
import SQLKit

/// Custom tools in SQL; the secret column holds only AES-GCM ciphertext.
struct SQLHTTPToolRepository: HTTPToolRepository {
    let db: any SQLDatabase
    let tenant: UUID

    func list() async throws -> [HTTPTool] {
        try await db.select().column("*").from("ai_tools").where("tenant_id", .equal, tenant.text).orderBy("name").all().map(decode)
    }

    func find(_ id: UUID) async throws -> HTTPTool? {
        try await db.select().column("*").from("ai_tools").where("tenant_id", .equal, tenant.text)
            .where("id", .equal, id.text).first().map(decode)
    }

    func find(name: String) async throws -> HTTPTool? {
        try await db.select().column("*").from("ai_tools").where("tenant_id", .equal, tenant.text)
            .where("name", .equal, name).first().map(decode)
    }

    func save(_ t: HTTPTool, isNew: Bool) async throws {
        let values: [(String, SQLValue)] = [
            ("name", t.name), ("description", t.description), ("parameters", t.parameters.encoded()), ("method", t.method.rawValue),
            ("url_template", t.urlTemplate), ("headers", jsonText(t.headers)), ("auth_type", t.authType.rawValue),
            ("auth_name", t.authName), ("sealed_secret", t.sealedSecret), ("risk", t.risk.rawValue), ("roles", jsonText(t.roles)),
            ("timeout_seconds", t.timeoutSeconds), ("created_at", t.createdAt.epochMillis), ("updated_at", t.updatedAt.epochMillis),
        ]
        try await StoreErrors.mapping {
            if isNew {
                try await db.insert(into: "ai_tools").columns(["id", "tenant_id"] + values.map(\.0))
                    .values([SQLBind(t.id.text), SQLBind(tenant.text)] + values.map { SQLBind($0.1) }).run()
            } else {
                var update = db.update("ai_tools")
                for (column, value) in values { update = update.set(SQLColumn(column), to: SQLBind(value)) }
                try await update.where("tenant_id", .equal, tenant.text).where("id", .equal, t.id.text).run()
            }
        }
    }

    func delete(_ id: UUID) async throws -> Bool {
        try await !db.delete(from: "ai_tools").where("tenant_id", .equal, tenant.text).where("id", .equal, id.text)
            .returning("id").all().isEmpty
    }

    func allowlist() async throws -> [String] {
        try await db.select().column("host").from("tool_allowlist").where("tenant_id", .equal, tenant.text).orderBy("host").all()
            .map { try $0.string("host") }
    }

    func saveAllowlist(_ hosts: [String]) async throws {
        try await db.delete(from: "tool_allowlist").where("tenant_id", .equal, tenant.text).run()
        for host in Set(hosts) {
            try await db.insert(into: "tool_allowlist").columns("tenant_id", "host").values(SQLBind(tenant.text), SQLBind(host)).run()
        }
    }

    private func decode(_ row: any SQLRow) throws -> HTTPTool {
        HTTPTool(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), name: try row.string("name"),
                 description: try row.string("description"), parameters: try JSONValue.parse(Data(try row.string("parameters").utf8)),
                 method: try row.enumValue("method", as: HTTPTool.Method.self), urlTemplate: try row.string("url_template"),
                 headers: try row.json("headers", as: [String: String].self),
                 authType: try row.enumValue("auth_type", as: HTTPTool.AuthType.self), authName: try row.optionalString("auth_name"),
                 sealedSecret: try row.optionalString("sealed_secret"), risk: try row.enumValue("risk", as: ActionRisk.self),
                 roles: try row.json("roles", as: [Role].self), timeoutSeconds: try row.int("timeout_seconds"),
                 createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }
}
