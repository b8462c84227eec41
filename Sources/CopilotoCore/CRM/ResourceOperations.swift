import Foundation

/// The resource operations inside an open tenant transaction, shared by the REST service and the
/// action catalogue so both validate, check references and store the same way.
public enum ResourceOperations {
    /// Validates a create body into an entity (no write), with the narrower permission check.
    public static func draftCreate<E>(_ spec: ResourceSpec<E>, _ identity: Identity, body: JSONValue, now: Date,
                                      authorizer: Authorizer, tx: any TenantStore) async throws -> E {
        let entity = try validated(spec, body, allowed: spec.fields, BuildContext(identity: identity, now: now, existing: nil))
        if let narrower = spec.createActionFor?(entity) { try await authorizer.require(identity, narrower, in: tx) }
        let errors = try await spec.references(entity, tx)
        if !errors.isEmpty { throw CopilotoError.invalid(errors) }
        return entity
    }

    /// Stores a drafted entity, running the resource's side effects (numbers, stock…).
    public static func commitCreate<E>(_ spec: ResourceSpec<E>, _ entity: E, tx: any TenantStore) async throws -> E {
        if let create = spec.create { return try await create(entity, tx) }
        try await spec.repository(tx).insert(entity)
        return entity
    }

    /// Validates a merge patch against the stored record; returns both versions (no write).
    public static func draftUpdate<E>(_ spec: ResourceSpec<E>, _ identity: Identity, id: UUID, patch: JSONValue, now: Date,
                                      tx: any TenantStore) async throws -> (old: E, new: E) {
        guard let existing = try await spec.repository(tx).find(id) else { throw CopilotoError.notFound(resource: spec.name) }
        let merged = try JSONCoding.mergePatch(existing, fields: spec.updateFields, patch: patch)
        let entity = try validated(spec, merged, allowed: spec.updateFields, BuildContext(identity: identity, now: now, existing: existing))
        let errors = try await spec.references(entity, tx)
        if !errors.isEmpty { throw CopilotoError.invalid(errors) }
        return (existing, entity)
    }

    /// Stores an updated entity with the resource's side effects.
    public static func commitUpdate<E>(_ spec: ResourceSpec<E>, old: E, new: E, tx: any TenantStore) async throws -> E {
        if let update = spec.update { return try await update(old, new, tx) }
        try await spec.repository(tx).update(new)
        return new
    }

    /// Deletes a record; `notFound` when absent.
    public static func delete<E>(_ spec: ResourceSpec<E>, id: UUID, tx: any TenantStore) async throws {
        guard try await spec.repository(tx).delete(id) else { throw CopilotoError.notFound(resource: spec.name) }
    }

    static func validated<E>(_ spec: ResourceSpec<E>, _ body: JSONValue, allowed: Set<String>,
                             _ context: BuildContext<E>) throws -> E {
        var reader = FieldReader(body, allowed: allowed)
        let entity = spec.build(&reader, context)
        try reader.finish()
        guard let entity else { throw CopilotoError.invalid([FieldError(field: "body", code: .invalidFormat)]) }
        return entity
    }
}
