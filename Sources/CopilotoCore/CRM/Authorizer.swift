import Foundation

/// Decides whether an identity may run an action: the default matrix plus the tenant's overrides.
public struct Authorizer: Sendable {
    public let defaults: PermissionMatrix

    public init(defaults: PermissionMatrix = .defaults) {
        self.defaults = defaults
    }

    /// The tenant's effective matrix.
    public func matrix(in store: any TenantStore) async throws -> PermissionMatrix {
        var matrix = defaults
        for (action, roles) in try await store.permissionOverrides() { matrix.set(action, roles: roles) }
        return matrix
    }

    /// Throws `forbidden` unless the identity's role (and every role capping its API token) may run `action` in its tenant.
    public func require(_ identity: Identity, _ action: String, in store: any TenantStore) async throws {
        guard try await matrix(in: store).allows(identity, action) else {
            throw CopilotoError.forbidden(action: PermissionMatrix.canonicalName(action))
        }
    }
}
