import Foundation

/// The team: owners and admins add people, change roles and deactivate accounts.
public struct UserService: Sendable {
    public let store: any DataStore
    public let authorizer: Authorizer
    public let passwords: any PasswordHasher
    public let clock: @Sendable () -> Date

    public init(store: any DataStore, authorizer: Authorizer, passwords: any PasswordHasher,
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.authorizer = authorizer
        self.passwords = passwords
        self.clock = clock
    }

    /// One user of the caller's tenant (`listUsers`).
    public func get(_ identity: Identity, id: UUID) async throws -> User {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "listUsers", in: tx)
            guard let user = try await tx.users.find(id) else { throw CopilotoError.notFound(resource: "users") }
            return user
        }
    }

    /// Adds a user (`manageUsers`); only an owner may create another owner.
    public func create(_ identity: Identity, body: JSONValue) async throws -> User {
        var r = FieldReader(body, allowed: ["name", "email", "role", "password", "language"])
        let name = r.string("name", required: true, max: 120)
        let email = r.formatted("email", required: true, format: "e-mail", ContactFormats.email)
        let role = r.choice("role", required: true, as: Role.self)
        let password = r.string("password", required: true, max: 200)
        if let password, password.count < 8 { r.fail("password", .outOfRange, ">= 8") }
        let language = r.formatted("language", format: "pt-BR, en") { Language(code: $0)?.rawValue }
        try r.finish()
        guard let name, let email, let role, let password else { throw CopilotoError.invalid(r.errors) }
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageUsers", in: tx)
        }
        if role == .owner, identity.role != .owner { throw CopilotoError.forbidden(action: "manageUsers") }
        let user = User(tenantId: identity.tenantId, name: name, email: email, role: role,
                        language: language.flatMap(Language.init(code:)) ?? .ptBR, createdAt: clock())
        try await store.system.createUser(user, passwordHash: try await passwords.hashOffPool(password))
        return user
    }

    /// Changes name, role, language, active or password (`manageUsers`). Nobody demotes or deactivates
    /// themselves, and only owners touch owners.
    public func update(_ identity: Identity, id: UUID, patch: JSONValue) async throws -> User {
        var r = FieldReader(patch, allowed: ["name", "role", "active", "language", "password"])
        let name = r.string("name", max: 120)
        let role = r.choice("role", as: Role.self)
        let active = r.bool("active")
        let language = r.formatted("language", format: "pt-BR, en") { Language(code: $0)?.rawValue }
        let password = r.string("password", max: 200)
        if let password, password.count < 8 { r.fail("password", .outOfRange, ">= 8") }
        if id == identity.user.id, role.map({ $0 != identity.role }) == true || active == false {
            r.fail(role != nil ? "role" : "active", .notAllowed, "self")
        }
        try r.finish()
        let updated = try await store.withTenant(identity.tenantId) { tx -> User in
            try await authorizer.require(identity, "manageUsers", in: tx)
            guard var user = try await tx.users.find(id) else { throw CopilotoError.notFound(resource: "users") }
            if (user.role == .owner || role == .owner), identity.role != .owner { throw CopilotoError.forbidden(action: "manageUsers") }
            user.name = name ?? user.name
            user.role = role ?? user.role
            user.active = active ?? user.active
            user.language = language.flatMap(Language.init(code:)) ?? user.language
            try await tx.users.update(user)
            return user
        }
        if let password { try await store.system.setPassword(userId: id, passwordHash: try await passwords.hashOffPool(password)) }
        return updated
    }
}
