/// The team copilot: sessions and messages, per tenant and user.
enum Schema006 {
    static let tenantTables = ["assistant_sessions", "assistant_messages"]

    static let statements: [String] = [
        """
        CREATE TABLE assistant_sessions (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), user_id TEXT NOT NULL,
          title TEXT NOT NULL, title_set_by TEXT NOT NULL, mode TEXT NOT NULL, search_text TEXT NOT NULL,
          created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX assistant_sessions_user ON assistant_sessions (tenant_id, user_id, updated_at)",
        """
        CREATE TABLE assistant_messages (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),
          session_id TEXT NOT NULL REFERENCES assistant_sessions(id) ON DELETE CASCADE, role TEXT NOT NULL, content TEXT NOT NULL,
          tool_calls TEXT, pending_action_id TEXT, provider TEXT, created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX assistant_messages_session ON assistant_messages (session_id, created_at)",
    ]
}
