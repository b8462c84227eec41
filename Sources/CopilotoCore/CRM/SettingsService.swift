import Foundation

/// Store settings, role permissions, users and payments: the CRM operations that are not plain CRUD.
public struct SettingsService: Sendable {
    public let store: any DataStore
    public let authorizer: Authorizer
    public let clock: @Sendable () -> Date

    public init(store: any DataStore, authorizer: Authorizer, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.authorizer = authorizer
        self.clock = clock
    }

    public func settings(_ identity: Identity) async throws -> StoreSettings {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "getStoreSettings", in: tx)
            return try await tx.settings()
        }
    }

    /// Applies a partial update (`updateStoreSettings`): name, currency, timezone, language, businessHours.
    public func updateSettings(_ identity: Identity, patch: JSONValue) async throws -> StoreSettings {
        let now = clock()
        return try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "updateStoreSettings", in: tx)
            let settings = try StoreSettingsRules.apply(patch, to: try await tx.settings(), now: now)
            try await tx.saveSettings(settings)
            return settings
        }
    }

    /// The tenant's effective role matrix.
    public func permissions(_ identity: Identity) async throws -> PermissionMatrix {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "managePermissions", in: tx)
            return try await authorizer.matrix(in: tx)
        }
    }

    /// Replaces the roles of the actions named in `body` (`{"createCustomer": ["owner","admin"]}`).
    public func updatePermissions(_ identity: Identity, body: JSONValue) async throws -> PermissionMatrix {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "managePermissions", in: tx)
            let known = Set(authorizer.defaults.entries.keys).union(PermissionMatrix.aliases.keys)
            var r = FieldReader(body, allowed: known)
            var updates: [String: Set<Role>] = [:]
            for key in r.object.keys.sorted() where known.contains(key) {
                guard let names = r.stringList(key, required: true, maxCount: Role.allCases.count) else { continue }
                let roles = names.compactMap(Role.init(rawValue:))
                if roles.count != names.count { r.fail(key, .notAllowed, Role.allCases.map(\.rawValue).joined(separator: ", ")) }
                updates[PermissionMatrix.canonicalName(key)] = Set(roles).union([.owner])
            }
            try r.finish()
            for (action, roles) in updates { try await tx.savePermission(action: action, roles: roles) }
            return try await authorizer.matrix(in: tx)
        }
    }

    /// Registers a payment on an invoice (`registerPayment`).
    public func pay(_ identity: Identity, invoiceId: UUID, body: JSONValue) async throws -> Invoice {
        let now = clock()
        return try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "registerPayment", in: tx)
            guard let invoice = try await tx.invoices.find(invoiceId) else { throw CopilotoError.notFound(resource: "invoices") }
            return try await InvoiceRules.pay(invoice, body: body, now: now, tx)
        }
    }

    /// The tenant's users (`listUsers`).
    public func users(_ identity: Identity, _ page: PageRequest) async throws -> Page<User> {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "listUsers", in: tx)
            return try await tx.users.list(page)
        }
    }

    /// The caller's tenant and its branches.
    public func tenant(_ identity: Identity) async throws -> (Tenant, [Tenant]) {
        guard let tenant = try await store.system.tenant(id: identity.tenantId) else { throw CopilotoError.notFound(resource: "tenant") }
        return (tenant, try await store.system.branches(of: tenant.id))
    }
}
