/// The inbox, second part: funnels and stages on conversations, team notes among the messages, and each tenant's
/// distribution and AI-limit settings.
enum Schema010 {
    static let tenantTables = ["inbox_settings"]

    static let statements: [String] = [
        "ALTER TABLE conversations ADD COLUMN funnel TEXT",
        "ALTER TABLE conversations ADD COLUMN stage TEXT",
        "ALTER TABLE conversation_messages ADD COLUMN internal BOOLEAN NOT NULL DEFAULT FALSE",
        """
        CREATE TABLE inbox_settings (tenant_id TEXT PRIMARY KEY REFERENCES tenants(id), settings TEXT NOT NULL,
          updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX conversations_created ON conversations (tenant_id, created_at)",
    ]
}
