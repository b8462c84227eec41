/// Model usage and cost per call, usage and context receipts on assistant messages, quick exchanges (Ctrl+.).
enum Schema007 {
    static let tenantTables = ["model_usage", "quick_exchanges"]

    static let statements: [String] = [
        """
        CREATE TABLE model_usage (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), user_id TEXT, session_id TEXT,
          agent_id TEXT, source TEXT NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL, prompt_tokens BIGINT NOT NULL,
          completion_tokens BIGINT NOT NULL, estimated INTEGER NOT NULL, cost_nano_usd BIGINT NOT NULL, created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX model_usage_time ON model_usage (tenant_id, created_at)",
        "ALTER TABLE assistant_messages ADD COLUMN model TEXT",
        "ALTER TABLE assistant_messages ADD COLUMN usage TEXT",
        "ALTER TABLE assistant_messages ADD COLUMN context TEXT",
        """
        CREATE TABLE quick_exchanges (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), user_id TEXT NOT NULL,
          field_id TEXT, instruction TEXT NOT NULL, input_text TEXT NOT NULL, output_text TEXT NOT NULL, provider TEXT NOT NULL,
          created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)
        """,
        "CREATE INDEX quick_exchanges_expiry ON quick_exchanges (expires_at)",
    ]
}
