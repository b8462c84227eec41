import CopilotoCore
import Foundation
import SQLKit

/// Vectors and the index version of the knowledge base; pgvector's column and HNSW index when present.
extension SQLKnowledgeRepository {
    func indexVersion() async throws -> Int {
        try await db.select().column("version").from("knowledge_versions").where("tenant_id", .equal, tenant.text).first()?
            .decode(column: "version", as: Int.self) ?? 0
    }

    func bumpVersion() async throws {
        try await db.raw("""
            INSERT INTO knowledge_versions (tenant_id, version) VALUES (\(bind: tenant.text), 1)
            ON CONFLICT (tenant_id) DO UPDATE SET version = knowledge_versions.version + 1
            """).run()
    }

    func indexedChunks(withVectors: Bool) async throws -> [IndexedChunk] {
        var columns = ["document_id", "position", "title", "text", "embedding_model"]
        if withVectors { columns.append("embedding") }
        let rows = try await db.select().columns(columns.map { SQLColumn($0) }).from("knowledge_chunks")
            .where("tenant_id", .equal, tenant.text).orderBy("document_id").orderBy("position").all()
        return try rows.map { row in
            let model = try row.decodeNil(column: "embedding_model") ? nil : try row.decode(column: "embedding_model", as: String.self)
            var vector: [Float]?
            if withVectors, model != nil, try !row.decodeNil(column: "embedding") {
                vector = VectorMath.vector(try row.decode(column: "embedding", as: Data.self))
            }
            return IndexedChunk(chunk: try Self.chunk(row), model: model, vector: vector)
        }
    }

    func chunksMissingVectors(model: String, limit: Int) async throws -> [KnowledgeChunk] {
        try await db.select().columns("document_id", "position", "title", "text").from("knowledge_chunks")
            .where("tenant_id", .equal, tenant.text)
            .where { $0.where("embedding_model", .is, SQLLiteral.null).orWhere("embedding_model", .notEqual, model) }
            .where(SQLRaw("document_id NOT IN (SELECT id FROM knowledge_documents WHERE index_error IS NOT NULL)"))
            .orderBy("document_id").orderBy("position").limit(limit).all().map(Self.chunk)
    }

    func setVectors(_ chunks: [KnowledgeChunk], _ vectors: ChunkVectors) async throws {
        for (chunk, vector) in zip(chunks, vectors.vectors) {
            try await db.update("knowledge_chunks").set("embedding_model", to: SQLBind(vectors.model))
                .set("embedding", to: SQLBind(VectorMath.bytes(vector)))
                .where("tenant_id", .equal, tenant.text).where("document_id", .equal, chunk.documentId.text)
                .where("position", .equal, chunk.position).where("text", .equal, chunk.text).run()
            try await setNative(chunk.documentId, chunk.position, vector)
        }
        try await bumpVersion()
    }

    /// Copies a vector into the pgvector column (only vectors of the column's dimensions; others clear it).
    func setNative(_ documentId: UUID, _ position: Int, _ vector: [Float]) async throws {
        guard hasNativeVectors else { return }
        try await db.update("knowledge_chunks").set("embedding_vec", to: Self.nativeValue(vector))
            .where("tenant_id", .equal, tenant.text).where("document_id", .equal, documentId.text).where("position", .equal, position)
            .run()
    }

    func nearest(_ vector: [Float], model: String, limit: Int) async throws -> [(KnowledgeChunk, Double)]? {
        guard hasNativeVectors, vector.count == Schema008.nativeDimensions else { return nil }
        let literal = Self.literal(vector)
        // One round trip for both settings; JIT compiling this small query would cost more than running it.
        try await db.raw("""
            SELECT set_config('hnsw.ef_search', \(bind: String(max(limit * 2, 100))), true), set_config('jit', 'off', true)
            """).run()
        let rows = try await db.raw("""
            SELECT document_id, position, title, text, 1 - (embedding_vec <=> \(bind: literal)::vector) AS similarity
            FROM knowledge_chunks WHERE tenant_id = \(bind: tenant.text) AND embedding_model = \(bind: model)
            ORDER BY embedding_vec <=> \(bind: literal)::vector LIMIT \(bind: limit)
            """).all()
        return try rows.map { (try Self.chunk($0), try $0.decode(column: "similarity", as: Double.self)) }
    }

    /// The pgvector column's value: the vector cast from its text form, or NULL for another model's dimensions.
    static func nativeValue(_ vector: [Float]?) -> any SQLExpression {
        guard let vector, vector.count == Schema008.nativeDimensions else { return SQLLiteral.null }
        return SQLQueryString("\(bind: literal(vector))::vector")
    }

    /// pgvector's text form: `[0.1,0.2,…]`.
    static func literal(_ vector: [Float]) -> String {
        "[" + vector.map { String($0) }.joined(separator: ",") + "]"
    }
}
