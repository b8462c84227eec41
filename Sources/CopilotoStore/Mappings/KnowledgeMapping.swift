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

/// Documents through the generic repository; chunks replaced on every save so they never go stale.
struct SQLKnowledgeRepository: KnowledgeRepository {
    let db: any SQLDatabase
    let tenant: UUID
    var documents: SQLEntityRepository<KnowledgeDocumentMapping> { SQLEntityRepository(db: db, tenant: tenant) }

    func save(_ document: KnowledgeDocument, chunks: [KnowledgeChunk], isNew: Bool) async throws {
        if isNew { try await documents.insert(document) } else { try await documents.update(document) }
        try await db.delete(from: "knowledge_chunks").where("tenant_id", .equal, tenant.text)
            .where("document_id", .equal, document.id.text).run()
        for chunk in chunks {
            try await db.insert(into: "knowledge_chunks").columns("tenant_id", "document_id", "position", "title", "text", "search_text")
                .values(SQLBind(tenant.text), SQLBind(document.id.text), SQLBind(chunk.position), SQLBind(chunk.title),
                        SQLBind(chunk.text), SQLBind(TextFolding.searchText(chunk.title, chunk.text))).run()
        }
    }

    func find(_ id: UUID) async throws -> KnowledgeDocument? { try await documents.find(id) }
    func list(_ page: PageRequest) async throws -> Page<KnowledgeDocument> { try await documents.list(page) }
    func delete(_ id: UUID) async throws -> Bool { try await documents.delete(id) }

    func candidates(terms: [String], limit: Int) async throws -> [KnowledgeChunk] {
        guard !terms.isEmpty else { return [] }
        let rows = try await db.select().columns("document_id", "position", "title", "text").from("knowledge_chunks")
            .where("tenant_id", .equal, tenant.text)
            .where { group in
                var builder = group
                for term in terms.prefix(12) {
                    builder = builder.orWhere(SQLColumn("search_text"), .like, SQLBind("%\(term.filter { !"%_\\".contains($0) })%"))
                }
                return builder
            }
            .limit(limit).all()
        return try rows.map { row in
            KnowledgeChunk(documentId: try row.uuid("document_id"), title: try row.string("title"), position: try row.int("position"),
                           text: try row.string("text"))
        }
    }

    func chunkCount() async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("knowledge_chunks")
            .where("tenant_id", .equal, tenant.text).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
