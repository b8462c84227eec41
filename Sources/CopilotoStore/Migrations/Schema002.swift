/// Actions: pending actions awaiting confirmation and the append-only audit log.
enum Schema002 {
    static let tenantTables = ["pending_actions", "audit_log", "outbox_messages"]

    static let statements: [String] = [
        """
        CREATE TABLE pending_actions (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),
          user_id TEXT NOT NULL, session_id TEXT, action TEXT NOT NULL, params TEXT NOT NULL, preview TEXT NOT NULL,
          risk TEXT NOT NULL, digest TEXT NOT NULL, status TEXT NOT NULL, result TEXT, confirmed_by TEXT,
          created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, finished_at BIGINT)
        """,
        "CREATE INDEX pending_actions_session ON pending_actions (tenant_id, session_id, created_at)",
        """
        CREATE TABLE audit_log (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), user_id TEXT NOT NULL,
          session_id TEXT, pending_action_id TEXT, action TEXT NOT NULL, input TEXT NOT NULL, output TEXT, changes TEXT,
          status TEXT NOT NULL, duration_ms BIGINT NOT NULL, created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX audit_log_tenant ON audit_log (tenant_id, created_at)",
        """
        CREATE TABLE outbox_messages (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), channel TEXT NOT NULL,
          recipient TEXT NOT NULL, customer_id TEXT, invoice_id TEXT, body TEXT NOT NULL, status TEXT NOT NULL,
          created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX outbox_invoice ON outbox_messages (tenant_id, invoice_id)",
    ]
}
