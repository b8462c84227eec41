import Foundation

/// The CRM's list/read/create/update/delete, the same for every resource: role check, validation,
/// reference checks and storage, all in one tenant transaction. Knows nothing of HTTP.
public struct CRMService: Sendable {
    public let store: any DataStore
    public let authorizer: Authorizer
    public let clock: @Sendable () -> Date

    public init(store: any DataStore, authorizer: Authorizer = Authorizer(), clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.authorizer = authorizer
        self.clock = clock
    }

    /// One page of the resource.
    public func list<E>(_ spec: ResourceSpec<E>, _ identity: Identity, _ page: PageRequest) async throws -> Page<E> {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, spec.listAction, in: tx)
            return try await spec.repository(tx).list(page)
        }
    }

    /// One record; `notFound` for unknown ids and other tenants' ids alike.
    public func get<E>(_ spec: ResourceSpec<E>, _ identity: Identity, id: UUID) async throws -> E {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, spec.listAction, in: tx)
            guard let entity = try await spec.repository(tx).find(id) else { throw CopilotoError.notFound(resource: spec.name) }
            return entity
        }
    }

    /// Creates a record from a JSON body.
    public func create<E>(_ spec: ResourceSpec<E>, _ identity: Identity, body: JSONValue) async throws -> E {
        let now = clock()
        return try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, spec.createAction, in: tx)
            let entity = try validated(spec, body, allowed: spec.fields, BuildContext(identity: identity, now: now, existing: nil))
            if let narrower = spec.createActionFor?(entity) { try await authorizer.require(identity, narrower, in: tx) }
            try await checkReferences(spec, entity, tx)
            if let create = spec.create { return try await create(entity, tx) }
            try await spec.repository(tx).insert(entity)
            return entity
        }
    }

    /// Applies a JSON Merge Patch to a record.
    public func update<E>(_ spec: ResourceSpec<E>, _ identity: Identity, id: UUID, patch: JSONValue) async throws -> E {
        let now = clock()
        return try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, spec.updateAction, in: tx)
            let repository = spec.repository(tx)
            guard let existing = try await repository.find(id) else { throw CopilotoError.notFound(resource: spec.name) }
            let merged = try JSONCoding.mergePatch(existing, fields: spec.updateFields, patch: patch)
            let entity = try validated(spec, merged, allowed: spec.updateFields,
                                       BuildContext(identity: identity, now: now, existing: existing))
            try await checkReferences(spec, entity, tx)
            if let update = spec.update { return try await update(existing, entity, tx) }
            try await repository.update(entity)
            return entity
        }
    }

    /// Deletes a record; `notFound` when absent, `conflict` when still referenced.
    public func delete<E>(_ spec: ResourceSpec<E>, _ identity: Identity, id: UUID) async throws {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, spec.deleteAction, in: tx)
            guard try await spec.repository(tx).delete(id) else { throw CopilotoError.notFound(resource: spec.name) }
        }
    }

    private func validated<E>(_ spec: ResourceSpec<E>, _ body: JSONValue, allowed: Set<String>,
                              _ context: BuildContext<E>) throws -> E {
        var reader = FieldReader(body, allowed: allowed)
        let entity = spec.build(&reader, context)
        try reader.finish()
        guard let entity else { throw CopilotoError.invalid([FieldError(field: "body", code: .invalidFormat)]) }
        return entity
    }

    private func checkReferences<E>(_ spec: ResourceSpec<E>, _ entity: E, _ tx: any TenantStore) async throws {
        let errors = try await spec.references(entity, tx)
        if !errors.isEmpty { throw CopilotoError.invalid(errors) }
    }
}
