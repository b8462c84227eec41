import Foundation

/// A company using Copiloto; branches are tenants with a parent.
public struct Tenant: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    /// Short unique name used in public URLs (`demo`, `outra`).
    public var slug: String
    public var name: String
    /// The head office when this tenant is a branch.
    public var parentId: UUID?
    public var createdAt: Date

    public init(id: UUID = UUID(), slug: String, name: String, parentId: UUID? = nil, createdAt: Date = Date()) {
        self.id = id
        self.slug = slug
        self.name = name
        self.parentId = parentId
        self.createdAt = createdAt
    }
}

/// A tenant's store settings: display name, currency, time zone and language.
public struct StoreSettings: Sendable, Equatable, Codable {
    public var tenantId: UUID
    public var name: String
    /// ISO 4217 code, "BRL" by default.
    public var currency: String
    /// IANA time zone, "America/Sao_Paulo" by default.
    public var timezone: String
    public var language: Language
    /// Opening hours per weekday, free-form JSON (`{"mon":["09:00","18:00"]}`).
    public var businessHours: JSONValue?
    public var updatedAt: Date

    public init(tenantId: UUID, name: String, currency: String = "BRL", timezone: String = "America/Sao_Paulo",
                language: Language = .ptBR, businessHours: JSONValue? = nil, updatedAt: Date = Date()) {
        self.tenantId = tenantId
        self.name = name
        self.currency = currency
        self.timezone = timezone
        self.language = language
        self.businessHours = businessHours
        self.updatedAt = updatedAt
    }

    /// The settings' time zone, falling back to São Paulo.
    public var timeZone: TimeZone { TimeZone(identifier: timezone) ?? TimeZone(identifier: "America/Sao_Paulo")! }
}

/// A person who signs in to a tenant.
public struct User: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var tenantId: UUID
    public var name: String
    public var email: String
    public var role: Role
    public var language: Language
    public var active: Bool
    public var createdAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, name: String, email: String, role: Role,
                language: Language = .ptBR, active: Bool = true, createdAt: Date = Date()) {
        self.id = id
        self.tenantId = tenantId
        self.name = name
        self.email = email
        self.role = role
        self.language = language
        self.active = active
        self.createdAt = createdAt
    }
}

/// Who is calling: the user, their tenant and role, resolved from a bearer token.
public struct Identity: Sendable, Equatable {
    public var user: User
    /// The token's id, so it can be revoked (logout).
    public var tokenId: UUID
    /// A signed-in person (`session`) or an integration's API token (`api`).
    public var kind: APIToken.Kind
    /// The API token's scopes; sessions ignore them (they have all).
    public var scopes: [TokenScope]
    /// Roles whose permissions also bound this caller: for an API token minted by someone else, the minter's role at
    /// mint time and now. Empty for sessions and self-minted tokens.
    public var ceilings: [Role]
    /// The API token's name, shown as the origin of what it proposes.
    public var tokenName: String?
    public var tenantId: UUID { user.tenantId }
    public var role: Role { user.role }

    public init(user: User, tokenId: UUID, kind: APIToken.Kind = .session, scopes: [TokenScope] = TokenScope.allCases,
                ceilings: [Role] = [], tokenName: String? = nil) {
        self.user = user
        self.tokenId = tokenId
        self.kind = kind
        self.scopes = scopes
        self.ceilings = ceilings
        self.tokenName = tokenName
    }
}

/// A bearer token's stored record; the secret itself is never stored, only its hash.
public struct APIToken: Sendable, Equatable, Codable, Identifiable {
    /// Session tokens come from login; API tokens are created by admins for integrations.
    public enum Kind: String, Sendable, Codable { case session, api }
    public var id: UUID
    public var tenantId: UUID
    public var userId: UUID
    public var kind: Kind
    public var name: String
    public var createdAt: Date
    public var expiresAt: Date?
    public var lastUsedAt: Date?
    /// What the token may do (API tokens); `read,propose` unless an owner granted more.
    public var scopes: [TokenScope]
    /// Who minted it, and that person's role then; the token never does more than they could.
    public var createdBy: UUID?
    public var createdByRole: Role?

    public init(id: UUID = UUID(), tenantId: UUID, userId: UUID, kind: Kind, name: String,
                createdAt: Date = Date(), expiresAt: Date? = nil, lastUsedAt: Date? = nil,
                scopes: [TokenScope] = TokenScope.defaults, createdBy: UUID? = nil, createdByRole: Role? = nil) {
        self.scopes = scopes
        self.createdBy = createdBy
        self.createdByRole = createdByRole
        self.id = id
        self.tenantId = tenantId
        self.userId = userId
        self.kind = kind
        self.name = name
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
    }
}
