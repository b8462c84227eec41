import CopilotoCore
import Foundation
import SQLKit

/// Embedding progress per document: chunk counts and the recorded failure, for the knowledge routes' `indexStatus`.
extension SQLKnowledgeRepository {
    func indexStatus(_ ids: [UUID], model: String?) async throws -> [UUID: KnowledgeIndexStatus] {
        guard !ids.isEmpty else { return [:] }
        var statuses: [UUID: KnowledgeIndexStatus] = [:]
        var start = 0
        while start < ids.count {
            let slice = ids[start..<min(start + 200, ids.count)].map(\.text)
            let rows = try await db.raw("""
                SELECT d.id AS id, d.index_error AS index_error, COUNT(c.position) AS total,
                  COALESCE(SUM(CASE WHEN c.embedding_model = \(bind: model ?? "") THEN 1 ELSE 0 END), 0) AS done
                FROM knowledge_documents d
                LEFT JOIN knowledge_chunks c ON c.tenant_id = d.tenant_id AND c.document_id = d.id
                WHERE d.tenant_id = \(bind: tenant.text) AND d.id IN (\(binds: slice))
                GROUP BY d.id, d.index_error
                """).all()
            for row in rows {
                let failure = try row.decodeNil(column: "index_error") ? nil : try row.decode(column: "index_error", as: String.self)
                statuses[try row.uuid("id")] = .from(done: try row.decode(column: "done", as: Int.self),
                                                     total: try row.decode(column: "total", as: Int.self),
                                                     failure: failure, embedding: model != nil)
            }
            start += 200
        }
        return statuses
    }

    func markIndexFailed(_ ids: [UUID], reason: String) async throws {
        guard !ids.isEmpty else { return }
        try await db.update("knowledge_documents").set("index_error", to: SQLBind(String(reason.prefix(500))))
            .where("tenant_id", .equal, tenant.text).where("id", .in, ids.map(\.text)).run()
    }
}
