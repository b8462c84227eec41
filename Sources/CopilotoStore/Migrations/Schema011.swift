/// Background copilots (Copilot 2.0): the copilots, the durable event log that is also their work queue, one run row
/// per event and copilot (throttles, exactly-once), the insights, and live events too large for a NOTIFY payload.
enum Schema011 {
    static let tenantTables = ["copilots", "copilot_events", "copilot_runs", "insights", "live_event_overflow"]

    static let statements: [String] = [
        """
        CREATE TABLE copilots (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL,
          icon TEXT NOT NULL, system_prompt TEXT NOT NULL, model TEXT, provider_id TEXT, is_active BOOLEAN NOT NULL,
          triggers TEXT NOT NULL, schema_fields TEXT NOT NULL, template_key TEXT, apply_tool TEXT, search_text TEXT NOT NULL,
          created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX copilots_tenant ON copilots (tenant_id, created_at)",
        "CREATE INDEX copilots_active ON copilots (tenant_id, is_active)",
        """
        CREATE TABLE copilot_events (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), type TEXT NOT NULL,
          ticket_id TEXT, conversation_id TEXT, payload TEXT NOT NULL, dedupe_key TEXT, status TEXT NOT NULL,
          attempts BIGINT NOT NULL, run_at BIGINT NOT NULL, locked_until BIGINT, last_error TEXT, created_at BIGINT NOT NULL,
          processed_at BIGINT)
        """,
        "CREATE INDEX copilot_events_due ON copilot_events (status, run_at)",
        "CREATE INDEX copilot_events_recent ON copilot_events (tenant_id, created_at)",
        "CREATE UNIQUE INDEX copilot_events_dedupe ON copilot_events (tenant_id, dedupe_key) WHERE dedupe_key IS NOT NULL",
        """
        CREATE TABLE copilot_runs (tenant_id TEXT NOT NULL REFERENCES tenants(id), event_id TEXT NOT NULL, copilot_id TEXT NOT NULL,
          event_type TEXT NOT NULL, ticket_id TEXT, status TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (event_id, copilot_id))
        """,
        "CREATE INDEX copilot_runs_throttle ON copilot_runs (tenant_id, copilot_id, event_type, created_at)",
        """
        CREATE TABLE insights (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), copilot_id TEXT NOT NULL,
          event_id TEXT, event_type TEXT NOT NULL, ticket_id TEXT, conversation_id TEXT, payload TEXT NOT NULL,
          missing_fields TEXT NOT NULL, provider TEXT NOT NULL, action_status TEXT NOT NULL, decided_by TEXT, decided_at BIGINT,
          created_at BIGINT NOT NULL)
        """,
        "CREATE UNIQUE INDEX insights_event_copilot ON insights (event_id, copilot_id)",
        "CREATE INDEX insights_recent ON insights (tenant_id, created_at)",
        "CREATE INDEX insights_ticket ON insights (tenant_id, ticket_id, created_at)",
        """
        CREATE TABLE live_event_overflow (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL,
          data TEXT NOT NULL, created_at BIGINT NOT NULL)
        """,
    ]
}
