/// The knowledge base: documents and their chunks (lexical retrieval; vectors come with embeddings).
enum Schema004 {
    static let tenantTables = ["knowledge_documents", "knowledge_chunks"]

    static let statements: [String] = [
        """
        CREATE TABLE knowledge_documents (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),
          title TEXT NOT NULL, source TEXT, tags TEXT NOT NULL, content TEXT NOT NULL, search_text TEXT NOT NULL,
          created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX knowledge_documents_tenant ON knowledge_documents (tenant_id, created_at)",
        """
        CREATE TABLE knowledge_chunks (tenant_id TEXT NOT NULL REFERENCES tenants(id),
          document_id TEXT NOT NULL REFERENCES knowledge_documents(id) ON DELETE CASCADE, position BIGINT NOT NULL,
          title TEXT NOT NULL, text TEXT NOT NULL, search_text TEXT NOT NULL, PRIMARY KEY (document_id, position))
        """,
        "CREATE INDEX knowledge_chunks_tenant ON knowledge_chunks (tenant_id)",
    ]
}
