import CopilotoCore
import Foundation
import SQLKit

/// Media files as base64 text beside the database rows (one portable column type), scoped by tenant.
struct SQLMediaRepository: MediaRepository {
    let db: any SQLDatabase
    let tenant: UUID

    func save(_ blob: MediaBlob) async throws {
        try await db.insert(into: "media_blobs")
            .columns("message_id", "tenant_id", "mime_type", "sha256", "size_bytes", "data_base64", "created_at")
            .values(SQLBind(blob.messageId.text), SQLBind(tenant.text), SQLBind(blob.mimeType), SQLBind(blob.sha256), SQLBind(blob.data.count),
                    SQLBind(blob.data.base64EncodedString()), SQLBind(blob.createdAt.epochMillis))
            .ignoringConflicts().run()
    }

    func blob(messageId: UUID) async throws -> MediaBlob? {
        guard let row = try await db.select().column("*").from("media_blobs").where("tenant_id", .equal, tenant.text)
            .where("message_id", .equal, messageId.text).first() else { return nil }
        guard let data = Data(base64Encoded: try row.string("data_base64")) else { throw StoreError.corruptRow(column: "data_base64") }
        return MediaBlob(messageId: try row.uuid("message_id"), mimeType: try row.string("mime_type"), sha256: try row.string("sha256"),
                         data: data, createdAt: try row.date("created_at"))
    }

    func totalBytes() async throws -> Int {
        try await db.raw("SELECT CAST(COALESCE(SUM(size_bytes), 0) AS BIGINT) AS total FROM media_blobs WHERE tenant_id = \(bind: tenant.text)")
            .first()?.decode(column: "total", as: Int.self) ?? 0
    }

    func deleteOlder(than date: Date) async throws -> Int {
        try await db.delete(from: "media_blobs").where("tenant_id", .equal, tenant.text).where("created_at", .lessThan, date.epochMillis)
            .returning("message_id").all().count
    }
}

/// WhatsApp templates, replaced as a whole on each sync.
struct SQLTemplateRepository: TemplateRepository {
    let db: any SQLDatabase
    let tenant: UUID

    func replaceAll(_ templates: [MessageTemplate]) async throws {
        try await db.delete(from: "whatsapp_templates").where("tenant_id", .equal, tenant.text).run()
        for t in templates {
            try await db.insert(into: "whatsapp_templates")
                .columns("tenant_id", "name", "language", "status", "category", "body", "variables", "components", "synced_at")
                .values(SQLBind(tenant.text), SQLBind(t.name), SQLBind(t.language), SQLBind(t.status), SQLBind(t.category), SQLBind(t.body),
                        SQLBind(t.variables), SQLBind("[]"), SQLBind(t.syncedAt.epochMillis))
                .ignoringConflicts().run()
        }
    }

    func list() async throws -> [MessageTemplate] {
        try await db.select().column("*").from("whatsapp_templates").where("tenant_id", .equal, tenant.text)
            .orderBy("name").orderBy("language").all().map { row in
                MessageTemplate(name: try row.string("name"), language: try row.string("language"), status: try row.string("status"),
                                category: try row.string("category"), body: try row.string("body"), variables: try row.int("variables"),
                                syncedAt: try row.date("synced_at"))
            }
    }
}
