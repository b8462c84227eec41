import CopilotoCore
import Foundation
import SQLKit

/// The inbox's settings row and what distribution reads about its members.
extension SQLInboxRepository {
    func settings() async throws -> InboxSettings {
        guard let row = try await db.select().column("settings").from("inbox_settings").where("tenant_id", .equal, tenant.text).first() else {
            return InboxSettings()
        }
        return try row.json("settings", as: InboxSettings.self)
    }

    func saveSettings(_ settings: InboxSettings, at: Date) async throws {
        try await db.raw("""
            INSERT INTO inbox_settings (tenant_id, settings, updated_at) VALUES (\(bind: tenant.text), \(bind: jsonText(settings)), \(bind: at.epochMillis))
            ON CONFLICT (tenant_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at
            """).run()
    }

    func memberHistory(since: Date) async throws -> [UUID: MemberHistory] {
        var history: [UUID: MemberHistory] = [:]
        // AI agents resolve what they close without a person; people resolve what they close.
        for (column, resolved) in [("ai_agent_id", "status = 'closed' AND escalation_reason IS NULL"), ("assigned_user_id", "status = 'closed'")] {
            let rows = try await db.raw("""
                SELECT \(unsafeRaw: column) AS member, COUNT(*) AS n, SUM(CASE WHEN \(unsafeRaw: resolved) THEN 1 ELSE 0 END) AS resolved,
                  MAX(created_at) AS newest
                FROM conversations WHERE tenant_id = \(bind: tenant.text) AND created_at >= \(bind: since.epochMillis)
                  AND \(unsafeRaw: column) IS NOT NULL
                GROUP BY \(unsafeRaw: column)
                """).all()
            for row in rows {
                let id = try row.uuid("member")
                var entry = history[id] ?? MemberHistory()
                entry.total += try row.int("n")
                entry.resolved += try row.int("resolved")
                let newest = try row.date("newest")
                entry.lastAssignedAt = max(entry.lastAssignedAt ?? newest, newest)
                history[id] = entry
            }
        }
        return history
    }

    func openAICount() async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("conversations")
            .where("tenant_id", .equal, tenant.text).where("ai_agent_id", .isNot, SQLLiteral.null)
            .where("status", .notEqual, ConversationStatus.closed.rawValue).where("ai_paused", .equal, false)
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    func conversations(contactId: UUID, limit: Int) async throws -> [Conversation] {
        try await db.select().column("*").from("conversations").where("tenant_id", .equal, tenant.text)
            .where("contact_id", .equal, contactId.text).orderBy("created_at", .descending).limit(limit).all()
            .map(ConversationMapping.decode)
    }
}

/// The tenant's channel accounts (`channel_accounts`, one per channel).
extension SQLInboxRepository {
    func channelAccounts() async throws -> [ChannelAccount] {
        try await db.select().column("*").from("channel_accounts").where("tenant_id", .equal, tenant.text).all().compactMap { row in
            guard let channel = Channel(rawValue: try row.string("channel")) else { return nil }
            return ChannelAccount(channel: channel, externalAccountId: try row.optionalString("external_account_id"),
                                  verifyToken: try row.optionalString("verify_token"), appSecretSealed: try row.optionalString("app_secret_sealed"),
                                  accessTokenSealed: try row.optionalString("access_token_sealed"), enabled: try row.bool("enabled"),
                                  updatedAt: try row.date("updated_at"))
        }
    }

    func saveChannelAccount(_ a: ChannelAccount) async throws {
        try await db.raw("""
            INSERT INTO channel_accounts (id, tenant_id, channel, external_account_id, verify_token, app_secret_sealed, access_token_sealed,
              enabled, settings, created_at, updated_at)
            VALUES (\(bind: UUID().text), \(bind: tenant.text), \(bind: a.channel.rawValue), \(bind: a.externalAccountId), \(bind: a.verifyToken),
              \(bind: a.appSecretSealed), \(bind: a.accessTokenSealed), \(bind: a.enabled), '{}', \(bind: a.updatedAt.epochMillis),
              \(bind: a.updatedAt.epochMillis))
            ON CONFLICT (tenant_id, channel) DO UPDATE SET external_account_id = excluded.external_account_id,
              verify_token = excluded.verify_token, app_secret_sealed = excluded.app_secret_sealed,
              access_token_sealed = excluded.access_token_sealed, enabled = excluded.enabled, updated_at = excluded.updated_at
            """).run()
    }
}
