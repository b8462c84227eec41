/// API token scopes and minters; where each pending action came from (a person, the assistant, an integration's
/// token, an AI agent), so integrations' proposals can be listed for approval.
///
/// Version 13 (12 is left to the knowledge document status of another branch). Existing API tokens get
/// `read,propose`: they lose the ability to confirm, which is the point.
enum Schema013 {
    static let tenantTables: [String] = []

    static let statements: [String] = [
        "ALTER TABLE api_tokens ADD COLUMN scopes TEXT NOT NULL DEFAULT 'read,propose'",
        "ALTER TABLE api_tokens ADD COLUMN created_by TEXT",
        "ALTER TABLE api_tokens ADD COLUMN created_by_role TEXT",
        "ALTER TABLE pending_actions ADD COLUMN origin TEXT NOT NULL DEFAULT 'person'",
        "ALTER TABLE pending_actions ADD COLUMN origin_name TEXT",
        "CREATE INDEX pending_actions_awaiting ON pending_actions (tenant_id, status, origin, created_at)",
    ]
}
