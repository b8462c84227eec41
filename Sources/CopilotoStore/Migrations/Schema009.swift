/// Customer conversations: channel accounts, conversations and their messages (deduplicated by the channel's message
/// id), AI agents with their tools, and the durable job queue (`automation_jobs`) that processes them.
enum Schema009 {
    static let tenantTables = ["channel_accounts", "conversations", "conversation_messages", "ai_agents", "ai_agent_tools",
                               "automation_jobs", "contact_memories", "ai_feedback"]

    static let statements: [String] = [
        """
        CREATE TABLE channel_accounts (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), channel TEXT NOT NULL,
          external_account_id TEXT, verify_token TEXT, app_secret_sealed TEXT, access_token_sealed TEXT, enabled BOOLEAN NOT NULL,
          settings TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE UNIQUE INDEX channel_accounts_channel ON channel_accounts (tenant_id, channel)",
        """
        CREATE TABLE conversations (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), contact_id TEXT NOT NULL,
          channel TEXT NOT NULL, external_contact TEXT NOT NULL, channel_account TEXT, status TEXT NOT NULL, priority BIGINT NOT NULL, department TEXT,
          tags TEXT NOT NULL, assigned_user_id TEXT, ai_agent_id TEXT, ai_paused BOOLEAN NOT NULL, escalation_reason TEXT,
          search_text TEXT NOT NULL, replied_seq BIGINT NOT NULL DEFAULT 0, last_message_at BIGINT NOT NULL, created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX conversations_recent ON conversations (tenant_id, last_message_at)",
        "CREATE INDEX conversations_contact ON conversations (tenant_id, channel, external_contact, status)",
        "CREATE INDEX conversations_agent ON conversations (tenant_id, ai_agent_id, status)",
        "CREATE INDEX conversations_assignee ON conversations (tenant_id, assigned_user_id, status)",
        """
        CREATE TABLE conversation_messages (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),
          conversation_id TEXT NOT NULL REFERENCES conversations(id), sender TEXT NOT NULL, sender_id TEXT, text TEXT NOT NULL,
          media TEXT, external_id TEXT, status TEXT NOT NULL, created_at BIGINT NOT NULL, seq BIGINT NOT NULL)
        """,
        "CREATE INDEX conversation_messages_thread ON conversation_messages (conversation_id, seq)",
        "CREATE UNIQUE INDEX conversation_messages_external ON conversation_messages (tenant_id, external_id) WHERE external_id IS NOT NULL",
        """
        CREATE TABLE ai_agents (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL,
          type TEXT NOT NULL, prompt TEXT NOT NULL, provider_id TEXT, model TEXT, temperature DOUBLE PRECISION NOT NULL,
          max_tokens BIGINT NOT NULL, welcome_message TEXT, enabled BOOLEAN NOT NULL, max_concurrent BIGINT NOT NULL,
          settings TEXT NOT NULL, search_text TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX ai_agents_tenant ON ai_agents (tenant_id, created_at)",
        """
        CREATE TABLE ai_agent_tools (tenant_id TEXT NOT NULL REFERENCES tenants(id), agent_id TEXT NOT NULL REFERENCES ai_agents(id),
          tool_name TEXT NOT NULL, PRIMARY KEY (agent_id, tool_name))
        """,
        """
        CREATE TABLE automation_jobs (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), type TEXT NOT NULL,
          dedupe_key TEXT, payload TEXT NOT NULL, status TEXT NOT NULL, attempts BIGINT NOT NULL, run_at BIGINT NOT NULL,
          deadline_at BIGINT NOT NULL, locked_until BIGINT, last_error TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX automation_jobs_due ON automation_jobs (status, run_at)",
        "CREATE UNIQUE INDEX automation_jobs_pending_key ON automation_jobs (tenant_id, dedupe_key) WHERE status = 'pending'",
        """
        CREATE TABLE contact_memories (tenant_id TEXT NOT NULL REFERENCES tenants(id), contact_id TEXT NOT NULL, fact_key TEXT NOT NULL,
          fact TEXT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (tenant_id, contact_id, fact_key))
        """,
        """
        CREATE TABLE ai_feedback (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), conversation_id TEXT NOT NULL,
          agent_id TEXT, complaint TEXT NOT NULL, answer TEXT, created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX ai_feedback_recent ON ai_feedback (tenant_id, created_at)",
    ]
}
