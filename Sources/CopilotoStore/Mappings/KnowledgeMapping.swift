import CopilotoCore
import Foundation
import SQLKit

enum KnowledgeDocumentMapping: SQLMapping {
    static let table = "knowledge_documents"

    static func values(_ d: KnowledgeDocument) -> [(String, SQLValue)] {
        [("title", d.title), ("source", d.source), ("tags", jsonText(d.tags)), ("content", d.content),
         ("search_text", TextFolding.searchText(d.title, d.source, d.tags.joined(separator: " "))),
         ("created_at", d.createdAt.epochMillis), ("updated_at", d.updatedAt.epochMillis)]
    }

    static func decode(_ row: any SQLRow) throws -> KnowledgeDocument {
        KnowledgeDocument(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), title: try row.string("title"),
                          source: try row.optionalString("source"), tags: try row.json("tags", as: [String].self),
                          content: try row.string("content"), createdAt: try row.date("created_at"),
                          updatedAt: try row.date("updated_at"))
    }

    static func sortValue(_ d: KnowledgeDocument) -> Int { d.createdAt.epochMillis }
}

/// Documents through the generic repository; chunks (with their vectors) replaced on every save so they never go
/// stale, and the tenant's index version moved on with every change.
struct SQLKnowledgeRepository: KnowledgeRepository {
    let db: any SQLDatabase
    let tenant: UUID
    let hasNativeVectors: Bool
    var documents: SQLEntityRepository<KnowledgeDocumentMapping> { SQLEntityRepository(db: db, tenant: tenant) }

    func save(_ document: KnowledgeDocument, chunks: [KnowledgeChunk], vectors: ChunkVectors?, isNew: Bool) async throws {
        if isNew {
            try await documents.insert(document)
        } else {
            try await documents.update(document)
            // New chunks: a failure recorded for the old ones no longer holds.
            try await db.update("knowledge_documents").set("index_error", to: SQLLiteral.null)
                .where("tenant_id", .equal, tenant.text).where("id", .equal, document.id.text).run()
        }
        try await db.delete(from: "knowledge_chunks").where("tenant_id", .equal, tenant.text)
            .where("document_id", .equal, document.id.text).run()
        var columns = ["tenant_id", "document_id", "position", "title", "text", "embedding_model", "embedding"]
        if hasNativeVectors { columns.append("embedding_vec") }
        var start = 0
        while start < chunks.count {
            let end = min(start + 200, chunks.count)
            let insert = db.insert(into: "knowledge_chunks").columns(columns)
            for i in start..<end {
                let chunk = chunks[i]
                let vector = vectors.flatMap { i < $0.vectors.count ? $0.vectors[i] : nil }
                var values: [any SQLExpression] = [
                    SQLBind(tenant.text), SQLBind(document.id.text), SQLBind(chunk.position), SQLBind(chunk.title), SQLBind(chunk.text),
                    SQLBind(vector == nil ? nil : vectors?.model),
                    SQLBind(vector.map(VectorMath.bytes)),
                ]
                if hasNativeVectors { values.append(Self.nativeValue(vector)) }
                insert.values(values)
            }
            try await insert.run()
            start = end
        }
        try await bumpVersion()
    }

    func find(_ id: UUID) async throws -> KnowledgeDocument? { try await documents.find(id) }
    func list(_ page: PageRequest) async throws -> Page<KnowledgeDocument> { try await documents.list(page) }

    func delete(_ id: UUID) async throws -> Bool {
        try await db.delete(from: "knowledge_chunks").where("tenant_id", .equal, tenant.text).where("document_id", .equal, id.text).run()
        guard try await documents.delete(id) else { return false }
        try await bumpVersion()
        return true
    }

    static func chunk(_ row: any SQLRow) throws -> KnowledgeChunk {
        KnowledgeChunk(documentId: try row.uuid("document_id"), title: try row.string("title"), position: try row.int("position"),
                       text: try row.string("text"))
    }
}
