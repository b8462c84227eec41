/// WhatsApp as it really is (#20): why an outgoing message failed, when the customer last wrote (the 24-hour
/// window), fetched media files (base64 text, so one column type serves SQLite and PostgreSQL) and the synced
/// message templates.
enum Schema014 {
    static let tenantTables = ["media_blobs", "whatsapp_templates"]

    static let statements: [String] = [
        "ALTER TABLE conversation_messages ADD COLUMN failure_reason TEXT",
        "ALTER TABLE conversations ADD COLUMN last_inbound_at BIGINT",
        """
        CREATE TABLE media_blobs (message_id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),
          mime_type TEXT NOT NULL, sha256 TEXT NOT NULL, size_bytes BIGINT NOT NULL, data_base64 TEXT NOT NULL, created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX media_blobs_age ON media_blobs (tenant_id, created_at)",
        """
        CREATE TABLE whatsapp_templates (tenant_id TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL, language TEXT NOT NULL,
          status TEXT NOT NULL, category TEXT NOT NULL, body TEXT NOT NULL, variables BIGINT NOT NULL, components TEXT NOT NULL,
          synced_at BIGINT NOT NULL, PRIMARY KEY (tenant_id, name, language))
        """,
    ]
}
