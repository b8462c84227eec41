/// Vectors for knowledge chunks (Float32 bytes on both databases, plus a pgvector column with an HNSW index when the
/// extension can be created) and a per-tenant index version that tells in-process indexes to refresh.
enum Schema008 {
    static let tenantTables = ["knowledge_versions"]
    /// Dimensions of the pgvector column (all-MiniLM-L6-v2); vectors of other models stay in the bytes column.
    static let nativeDimensions = 384

    static func statements(postgres: Bool) -> [String] {
        [
            "ALTER TABLE knowledge_chunks ADD COLUMN embedding_model TEXT",
            "ALTER TABLE knowledge_chunks ADD COLUMN embedding \(postgres ? "BYTEA" : "BLOB")",
            "CREATE INDEX knowledge_chunks_model ON knowledge_chunks (tenant_id, embedding_model)",
            // Lexical search runs on the in-process index now; the folded copy of each chunk is no longer read.
            "ALTER TABLE knowledge_chunks DROP COLUMN search_text",
            "CREATE TABLE knowledge_versions (tenant_id TEXT PRIMARY KEY REFERENCES tenants(id), version BIGINT NOT NULL)",
        ] + (postgres ? [pgvector] : [])
    }

    /// Skipped quietly when pgvector is not installed or the user may not create extensions.
    static let pgvector = """
        DO $$ BEGIN
          IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
            CREATE EXTENSION IF NOT EXISTS vector;
            ALTER TABLE knowledge_chunks ADD COLUMN embedding_vec vector(\(nativeDimensions));
            CREATE INDEX knowledge_chunks_hnsw ON knowledge_chunks USING hnsw (embedding_vec vector_cosine_ops);
          END IF;
        EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'pgvector unavailable: %', SQLERRM;
        END $$
        """
}
