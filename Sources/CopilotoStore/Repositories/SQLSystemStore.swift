import CopilotoCore
import Foundation
import SQLKit

/// Look-ups that happen before a tenant is known: tenants, login, bearer tokens.
struct SQLSystemStore: SystemStore {
    let backend: any SQLBackend

    func createTenant(_ tenant: Tenant, settings: StoreSettings) async throws {
        try await backend.transaction(tenant: nil) { db in
            try await StoreErrors.mapping {
                try await db.insert(into: "tenants").columns("id", "slug", "name", "parent_id", "created_at")
                    .values(SQLBind(tenant.id.text), SQLBind(tenant.slug), SQLBind(tenant.name), SQLBind(tenant.parentId.text),
                            SQLBind(tenant.createdAt.epochMillis)).run()
                try await db.insert(into: "store_settings")
                    .columns("tenant_id", "name", "currency", "timezone", "language", "business_hours", "updated_at")
                    .values(SQLBind(tenant.id.text), SQLBind(settings.name), SQLBind(settings.currency), SQLBind(settings.timezone),
                            SQLBind(settings.language.rawValue), SQLBind(settings.businessHours?.encoded()),
                            SQLBind(settings.updatedAt.epochMillis)).run()
            }
        }
    }

    func tenant(id: UUID) async throws -> Tenant? { try await tenants(where: "id", id.text).first }
    func tenant(slug: String) async throws -> Tenant? { try await tenants(where: "slug", slug).first }
    func branches(of tenantId: UUID) async throws -> [Tenant] { try await tenants(where: "parent_id", tenantId.text) }

    private func tenants(where column: String, _ value: String) async throws -> [Tenant] {
        try await backend.transaction(tenant: nil) { db in
            try await db.select().column("*").from("tenants").where(SQLColumn(column), .equal, SQLBind(value))
                .orderBy("created_at").all().map { row in
                    Tenant(id: try row.uuid("id"), slug: try row.string("slug"), name: try row.string("name"),
                           parentId: try row.optionalUUID("parent_id"), createdAt: try row.date("created_at"))
                }
        }
    }

    func tenantCount() async throws -> Int {
        try await backend.transaction(tenant: nil) { db in
            try await db.raw("SELECT COUNT(*) AS n FROM tenants").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    func tenantIds() async throws -> [UUID] {
        try await backend.transaction(tenant: nil) { db in
            try await db.raw("SELECT id FROM tenants ORDER BY id").all().map { try $0.uuid("id") }
        }
    }

    func createUser(_ user: User, passwordHash: String) async throws {
        try await backend.transaction(tenant: nil) { db in
            let values = UserMapping.values(user) + [("password_hash", passwordHash as SQLValue)]
            try await StoreErrors.mapping {
                try await db.insert(into: "users").columns(["id", "tenant_id"] + values.map(\.0))
                    .values([SQLBind(user.id.text), SQLBind(user.tenantId.text)] + values.map { SQLBind($0.1) }).run()
            }
        }
    }

    func userForLogin(email: String) async throws -> (User, String)? {
        try await backend.transaction(tenant: nil) { db in
            guard let row = try await db.select().column("*").from("users")
                .where("email", .equal, email.lowercased()).first() else { return nil }
            return (try UserMapping.decode(row), try row.string("password_hash"))
        }
    }

    func setPassword(userId: UUID, passwordHash: String) async throws {
        try await backend.transaction(tenant: nil) { db in
            try await db.update("users").set("password_hash", to: passwordHash).where("id", .equal, userId.text).run()
        }
    }

    func createToken(_ token: APIToken, secretHash: String) async throws {
        try await backend.transaction(tenant: nil) { db in
            try await db.insert(into: "api_tokens")
                .columns("id", "tenant_id", "user_id", "secret_hash", "kind", "name", "created_at", "expires_at", "last_used_at", "revoked",
                         "scopes", "created_by", "created_by_role")
                .values(SQLBind(token.id.text), SQLBind(token.tenantId.text), SQLBind(token.userId.text), SQLBind(secretHash),
                        SQLBind(token.kind.rawValue), SQLBind(token.name), SQLBind(token.createdAt.epochMillis),
                        SQLBind(token.expiresAt?.epochMillis), SQLBind(token.lastUsedAt?.epochMillis), SQLBind(false),
                        SQLBind(TokenScope.encode(token.scopes)), SQLBind(token.createdBy.text), SQLBind(token.createdByRole?.rawValue)).run()
        }
    }

    func identity(secretHash: String, now: Date) async throws -> Identity? {
        try await backend.transaction(tenant: nil) { db in
            let row = try await db.raw("""
                SELECT u.*, t.id AS token_id, t.expires_at AS token_expires_at, t.kind AS token_kind, t.name AS token_name,
                  t.scopes AS token_scopes, t.created_by AS token_created_by, t.created_by_role AS token_creator_role,
                  m.role AS minter_role, m.active AS minter_active FROM api_tokens t
                JOIN users u ON u.id = t.user_id AND u.tenant_id = t.tenant_id
                LEFT JOIN users m ON m.id = t.created_by AND m.tenant_id = t.tenant_id
                WHERE t.secret_hash = \(bind: secretHash) AND t.revoked = \(bind: false)
                """).first()
            guard let row else { return nil }
            if let expires = try row.optionalInt("token_expires_at"), expires <= now.epochMillis { return nil }
            let user = try UserMapping.decode(row)
            guard user.active else { return nil }
            let kind = try row.enumValue("token_kind", as: APIToken.Kind.self)
            guard kind == .api else { return Identity(user: user, tokenId: try row.uuid("token_id")) }
            // An API token is capped by its minter: their role then and now; a minter gone or deactivated ends it.
            var ceilings: [Role] = []
            if try row.optionalString("token_created_by") != nil {
                guard try row.decode(column: "minter_active", as: Bool?.self) == true,
                      let current = try row.optionalString("minter_role").flatMap(Role.init(rawValue:)) else { return nil }
                let then = try row.optionalString("token_creator_role").flatMap(Role.init(rawValue:)) ?? current
                ceilings = Array(Set([then, current]).subtracting([user.role])).sorted()
            }
            return Identity(user: user, tokenId: try row.uuid("token_id"), kind: .api,
                            scopes: TokenScope.decode(try row.string("token_scopes")), ceilings: ceilings,
                            tokenName: try row.string("token_name"))
        }
    }

    func revokeToken(id: UUID, tenantId: UUID) async throws -> Bool {
        try await backend.transaction(tenant: nil) { db in
            let rows = try await db.update("api_tokens").set("revoked", to: true)
                .where("id", .equal, id.text).where("tenant_id", .equal, tenantId.text).returning("id").all()
            return !rows.isEmpty
        }
    }

    func tokens(tenantId: UUID) async throws -> [APIToken] {
        try await backend.transaction(tenant: nil) { db in
            try await db.select().column("*").from("api_tokens").where("tenant_id", .equal, tenantId.text)
                .where("revoked", .equal, false).where("kind", .equal, APIToken.Kind.api.rawValue)
                .orderBy("created_at").all().map { row in
                    APIToken(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), userId: try row.uuid("user_id"),
                             kind: try row.enumValue("kind", as: APIToken.Kind.self), name: try row.string("name"),
                             createdAt: try row.date("created_at"), expiresAt: try row.optionalDate("expires_at"),
                             lastUsedAt: try row.optionalDate("last_used_at"), scopes: TokenScope.decode(try row.string("scopes")),
                             createdBy: try row.optionalUUID("created_by"),
                             createdByRole: try row.optionalString("created_by_role").flatMap(Role.init(rawValue:)))
                }
        }
    }

    func deleteExpiredQuickExchanges(now: Date) async throws -> Int {
        try await backend.transaction(tenant: nil) { db in
            try await db.delete(from: "quick_exchanges").where("expires_at", .lessThan, now.epochMillis).returning("id").all().count
        }
    }
}
