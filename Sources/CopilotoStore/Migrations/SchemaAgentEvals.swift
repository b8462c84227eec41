/// AI-agent evals and versions (#24): eval cases and runs (results as JSON), published versions as frozen copies of
/// the agent, and per conversation the version that answered and its CX score.
///
/// Kept in its own file (registered as version 15 in `Migrator.all`) so a renumber at merge is a one-line change.
enum SchemaAgentEvals {
    static let tenantTables = ["ai_agent_eval_cases", "ai_agent_eval_runs", "ai_agent_versions", "conversation_quality"]

    static let statements: [String] = [
        """
        CREATE TABLE ai_agent_eval_cases (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), agent_id TEXT NOT NULL,
          name TEXT NOT NULL, turns TEXT NOT NULL, expectations TEXT NOT NULL, source_conversation_id TEXT, created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX ai_agent_eval_cases_agent ON ai_agent_eval_cases (tenant_id, agent_id, created_at)",
        """
        CREATE TABLE ai_agent_eval_runs (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), agent_id TEXT NOT NULL,
          version TEXT NOT NULL, version_number BIGINT, case_ids TEXT NOT NULL, status TEXT NOT NULL, results TEXT NOT NULL,
          created_by TEXT NOT NULL, created_at BIGINT NOT NULL, finished_at BIGINT)
        """,
        "CREATE INDEX ai_agent_eval_runs_agent ON ai_agent_eval_runs (tenant_id, agent_id, created_at)",
        """
        CREATE TABLE ai_agent_versions (tenant_id TEXT NOT NULL REFERENCES tenants(id), agent_id TEXT NOT NULL, number BIGINT NOT NULL,
          snapshot TEXT NOT NULL, created_by TEXT NOT NULL, created_at BIGINT NOT NULL, live_at BIGINT,
          PRIMARY KEY (tenant_id, agent_id, number))
        """,
        """
        CREATE TABLE conversation_quality (conversation_id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),
          agent_id TEXT, agent_version BIGINT, cx_score BIGINT, cx TEXT, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX conversation_quality_agent ON conversation_quality (tenant_id, agent_id, agent_version)",
    ]
}
