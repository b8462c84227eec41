import CopilotoCore
import Foundation
import SQLKit

/// How a copilot is stored: its triggers and schema fields as JSON text.
enum CopilotMapping: SQLMapping {
    static let table = "copilots"
    static var filterColumns: [String: String] { ["templateKey": "template_key"] }

    static func values(_ c: Copilot) -> [(String, SQLValue)] {
        [("name", c.name), ("icon", c.icon), ("system_prompt", c.systemPrompt), ("model", c.model), ("provider_id", c.providerId?.text),
         ("is_active", c.isActive), ("triggers", jsonText(c.triggers)), ("schema_fields", jsonText(c.schemaFields)),
         ("template_key", c.templateKey), ("apply_tool", c.applyTool), ("search_text", TextFolding.searchText(c.name)),
         ("created_at", c.createdAt.epochMillis), ("updated_at", c.updatedAt.epochMillis)]
    }

    static func decode(_ row: any SQLRow) throws -> Copilot {
        var c = Copilot(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), name: try row.string("name"), icon: try row.string("icon"),
                        systemPrompt: try row.string("system_prompt"), model: try row.optionalString("model"),
                        providerId: try row.optionalUUID("provider_id"), isActive: try row.bool("is_active"),
                        triggers: try row.json("triggers", as: [CopilotTrigger].self),
                        schemaFields: try row.json("schema_fields", as: [SchemaField].self),
                        templateKey: try row.optionalString("template_key"), createdAt: try row.date("created_at"))
        c.updatedAt = try row.date("updated_at")
        c.applyTool = try row.optionalString("apply_tool")
        return c
    }

    static func sortValue(_ c: Copilot) -> Int { c.createdAt.epochMillis }
}

struct SQLCopilotRepository: CopilotRepository {
    let db: any SQLDatabase
    let tenant: UUID
    var entities: SQLEntityRepository<CopilotMapping> { SQLEntityRepository(db: db, tenant: tenant) }

    func insert(_ copilot: Copilot) async throws { try await entities.insert(copilot) }
    func update(_ copilot: Copilot) async throws { try await entities.update(copilot) }
    func find(_ id: UUID) async throws -> Copilot? { try await entities.find(id) }
    func list(_ page: PageRequest) async throws -> Page<Copilot> { try await entities.list(page) }

    func delete(_ id: UUID) async throws -> Bool {
        try await db.delete(from: "copilot_runs").where("tenant_id", .equal, tenant.text).where("copilot_id", .equal, id.text).run()
        return try await entities.delete(id)
    }

    func active() async throws -> [Copilot] {
        try await db.select().column("*").from("copilots").where("tenant_id", .equal, tenant.text).where("is_active", .equal, true)
            .orderBy("created_at").orderBy("id").all().map(CopilotMapping.decode)
    }

    func lock(_ ids: [UUID]) async throws {
        guard !ids.isEmpty, db.dialect.name == "postgresql" else { return }
        _ = try await db.raw("""
            SELECT id FROM copilots WHERE tenant_id = \(bind: tenant.text) AND id IN (\(binds: ids.map(\.text).sorted())) ORDER BY id FOR UPDATE
            """).all()
    }
}
