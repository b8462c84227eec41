/// Custom HTTP tools (credentials sealed with AES-GCM) and the tenant's network allow-list.
enum Schema003 {
    static let tenantTables = ["ai_tools", "tool_allowlist"]

    static let statements: [String] = [
        """
        CREATE TABLE ai_tools (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL,
          description TEXT NOT NULL, parameters TEXT NOT NULL, method TEXT NOT NULL, url_template TEXT NOT NULL,
          headers TEXT NOT NULL, auth_type TEXT NOT NULL, auth_name TEXT, sealed_secret TEXT, risk TEXT NOT NULL,
          roles TEXT NOT NULL, timeout_seconds BIGINT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
          UNIQUE (tenant_id, name))
        """,
        """
        CREATE TABLE tool_allowlist (tenant_id TEXT NOT NULL REFERENCES tenants(id), host TEXT NOT NULL,
          PRIMARY KEY (tenant_id, host))
        """,
    ]
}
