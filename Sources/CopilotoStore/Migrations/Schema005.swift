/// Per-tenant LLM providers (OpenAI-compatible endpoints) with sealed API keys.
enum Schema005 {
    static let tenantTables = ["llm_providers"]

    static let statements: [String] = [
        """
        CREATE TABLE llm_providers (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL,
          base_url TEXT NOT NULL, model TEXT NOT NULL, headers TEXT NOT NULL, priority BIGINT NOT NULL, enabled BOOLEAN NOT NULL,
          requires_key BOOLEAN NOT NULL, sealed_key TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
          UNIQUE (tenant_id, name))
        """,
    ]
}
