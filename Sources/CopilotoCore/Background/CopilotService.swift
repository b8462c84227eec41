import Foundation

/// `/v1/copilots`: background copilots as data, the template library and its one-click install. Owners, admins and
/// managers manage them (`manageCopilots`); whoever sees insights may read them (`viewInsights`).
public struct CopilotService: Sendable {
    public let store: any DataStore
    public let authorizer: Authorizer
    public let clock: @Sendable () -> Date

    public init(store: any DataStore, authorizer: Authorizer, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.authorizer = authorizer
        self.clock = clock
    }

    public func list(_ identity: Identity, _ page: PageRequest) async throws -> Page<Copilot> {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewInsights", in: tx)
            return try await tx.copilots.list(page)
        }
    }

    public func get(_ identity: Identity, id: UUID) async throws -> Copilot {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewInsights", in: tx)
            return try await Self.find(id, in: tx)
        }
    }

    public func create(_ identity: Identity, body: JSONValue) async throws -> Copilot {
        var copilot = Copilot(tenantId: identity.tenantId, name: "", systemPrompt: "", createdAt: clock())
        try await store.withTenant(identity.tenantId) { tx in try await authorizer.require(identity, "manageCopilots", in: tx) }
        try CopilotInput.apply(body, to: &copilot, creating: true)
        let created = copilot
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageCopilots", in: tx)
            try await Self.checkProvider(created, in: tx)
            try await tx.copilots.insert(created)
        }
        return created
    }

    /// Changes the fields present in the body; lists (`triggers`, `schemaFields`) are replaced whole.
    public func update(_ identity: Identity, id: UUID, body: JSONValue) async throws -> Copilot {
        let now = clock()
        return try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageCopilots", in: tx)
            var copilot = try await Self.find(id, in: tx)
            try CopilotInput.apply(body, to: &copilot, creating: false)
            try await Self.checkProvider(copilot, in: tx)
            copilot.updatedAt = now
            try await tx.copilots.update(copilot)
            return copilot
        }
    }

    /// Deletes the copilot; its insights stay in the feed.
    public func delete(_ identity: Identity, id: UUID) async throws {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageCopilots", in: tx)
            guard try await tx.copilots.delete(id) else { throw CopilotoError.notFound(resource: "copilot") }
        }
    }

    /// The template gallery in the caller's language.
    public func templates(_ identity: Identity, language: Language) async throws -> [JSONValue] {
        try await store.withTenant(identity.tenantId) { tx in try await authorizer.require(identity, "viewInsights", in: tx) }
        return try CopilotTemplate.library.map { try $0.card(language) }
    }

    /// Installs a template as an active copilot; `conflict` when the tenant already has one from it.
    public func install(_ identity: Identity, templateKey: String, language: Language) async throws -> Copilot {
        guard let template = CopilotTemplate.named(templateKey) else { throw CopilotoError.notFound(resource: "copilotTemplate") }
        let copilot = template.copilot(tenantId: identity.tenantId, language: language, now: clock())
        return try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageCopilots", in: tx)
            let installed = try await tx.copilots.list(PageRequest(limit: 1, equals: ["templateKey": templateKey])).items
            guard installed.isEmpty else { throw CopilotoError.conflict(reason: .templateInstalled) }
            try await tx.copilots.insert(copilot)
            return copilot
        }
    }

    static func find(_ id: UUID, in tx: any TenantStore) async throws -> Copilot {
        guard let copilot = try await tx.copilots.find(id) else { throw CopilotoError.notFound(resource: "copilot") }
        return copilot
    }

    /// A copilot's own provider and its apply tool must be the tenant's.
    static func checkProvider(_ copilot: Copilot, in tx: any TenantStore) async throws {
        var errors: [FieldError] = []
        if let id = copilot.providerId, try await tx.llmProviders.find(id) == nil { errors.append(FieldError(field: "providerId", code: .notFound)) }
        if let tool = copilot.applyTool, try await tx.tools.find(name: tool) == nil { errors.append(FieldError(field: "applyTool", code: .notFound)) }
        if !errors.isEmpty { throw CopilotoError.invalid(errors) }
    }
}
