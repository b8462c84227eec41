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
            let draft = try await ResourceOperations.draftCreate(spec, identity, body: body, now: now, authorizer: authorizer, tx: tx)
            return try await ResourceOperations.commitCreate(spec, draft, tx: tx)
        }
    }

    /// Applies a JSON Merge Patch to a record.
    public func update<E>(_ spec: ResourceSpec<E>, _ identity: Identity, id: UUID, patch: JSONValue) async throws -> E {
        let now = clock()
        return try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, spec.updateAction, in: tx)
            let draft = try await ResourceOperations.draftUpdate(spec, identity, id: id, patch: patch, now: now, tx: tx)
            return try await ResourceOperations.commitUpdate(spec, old: draft.old, new: draft.new, tx: tx)
        }
    }

    /// Deletes a record; `notFound` when absent, `conflict` when still referenced.
    public func delete<E>(_ spec: ResourceSpec<E>, _ identity: Identity, id: UUID) async throws {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, spec.deleteAction, in: tx)
            try await ResourceOperations.delete(spec, id: id, tx: tx)
        }
    }
}
