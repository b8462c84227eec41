import Foundation

/// What a builder gets besides the fields: who asks, when, and the record being changed.
public struct BuildContext<Entity>: Sendable where Entity: Sendable {
    public let identity: Identity
    public let now: Date
    /// The stored record on update; nil on create.
    public let existing: Entity?
    public var tenantId: UUID { identity.tenantId }
}

/// How one CRM resource is read, validated, checked and stored; the generic service and the REST
/// routes are built from these descriptions, so every resource follows the same rules.
public struct ResourceSpec<Entity: Sendable & Identifiable & Encodable>: Sendable where Entity.ID == UUID {
    /// Path segment and name in errors ("customers").
    public let name: String
    /// Action names checked against the permission matrix for each verb.
    public let listAction: String
    public let createAction: String
    public let updateAction: String
    public let deleteAction: String
    /// The fields a client may send on create.
    public let fields: Set<String>
    /// The fields a client may change on update (defaults to `fields`).
    public let updateFields: Set<String>
    /// Builds the entity from validated fields (nil when the reader recorded errors).
    public let build: @Sendable (inout FieldReader, BuildContext<Entity>) -> Entity?
    /// The repository in a tenant transaction.
    public let repository: @Sendable (any TenantStore) -> any EntityRepository<Entity>
    /// Checks that referenced ids exist in the same tenant; returns field errors.
    public let references: @Sendable (Entity, any TenantStore) async throws -> [FieldError]
    /// Create with side effects (numbers, stock); defaults to a plain insert.
    public let create: (@Sendable (Entity, any TenantStore) async throws -> Entity)?
    /// Update with side effects; defaults to a plain update.
    public let update: (@Sendable (Entity, Entity, any TenantStore) async throws -> Entity)?
    /// Query filters the list route accepts (`status`, `customerId`…).
    public let filters: [String]
    /// A narrower action a particular new record needs (a job needs `scheduleJob`), checked after validation.
    public let createActionFor: (@Sendable (Entity) -> String?)?

    public init(name: String, listAction: String, createAction: String, updateAction: String, deleteAction: String,
                fields: Set<String>, updateFields: Set<String>? = nil, filters: [String] = [],
                build: @escaping @Sendable (inout FieldReader, BuildContext<Entity>) -> Entity?,
                repository: @escaping @Sendable (any TenantStore) -> any EntityRepository<Entity>,
                references: @escaping @Sendable (Entity, any TenantStore) async throws -> [FieldError] = { _, _ in [] },
                create: (@Sendable (Entity, any TenantStore) async throws -> Entity)? = nil,
                update: (@Sendable (Entity, Entity, any TenantStore) async throws -> Entity)? = nil,
                createActionFor: (@Sendable (Entity) -> String?)? = nil) {
        self.name = name
        self.listAction = listAction
        self.createAction = createAction
        self.updateAction = updateAction
        self.deleteAction = deleteAction
        self.fields = fields
        self.updateFields = updateFields ?? fields
        self.filters = filters
        self.build = build
        self.repository = repository
        self.references = references
        self.create = create
        self.update = update
        self.createActionFor = createActionFor
    }
}

/// Checks that an optional referenced id exists in the tenant; adds a `not_found` field error otherwise.
public func checkReference<E>(_ id: UUID?, field: String, in repository: any EntityRepository<E>) async throws -> [FieldError] {
    guard let id else { return [] }
    return try await repository.find(id) == nil ? [FieldError(field: field, code: .notFound)] : []
}
