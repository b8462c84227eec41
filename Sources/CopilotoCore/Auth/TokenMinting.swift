import Foundation

/// Who may mint an API token for whom, and with which scopes.
///
/// - Only a person in a signed-in session mints (an API token cannot mint another token) and only with
///   `manageApiTokens`.
/// - Anyone allowed mints for themselves. For someone else, only an owner or an admin, and only when the target's
///   role is not above their own (an admin never mints for an owner). Nobody mints for a higher role.
/// - Only an owner grants `confirm`. Without scopes a token gets `read` and `propose`.
/// - The token records who minted it and their role then. At use time its permissions are the intersection of its
///   user's role, the minter's role at mint time and the minter's role now; a minter who is deactivated or removed
///   takes their tokens with them.
public enum TokenMintingPolicy {
    /// Roles that may mint for other people.
    public static let mintsForOthers: Set<Role> = [.owner, .admin]

    /// Nil when `minter` may mint a token for `target`; otherwise the reason (as an error).
    public static func refusal(minter: Identity, target: User) -> CopilotoError? {
        guard minter.kind == .session else { return .forbidden(action: "manageApiTokens") }
        if target.id == minter.user.id { return nil }
        guard mintsForOthers.contains(minter.role), target.role >= minter.role else {
            return .forbidden(action: "manageApiTokens")
        }
        return nil
    }

    /// The scopes a token gets: the defaults when none were asked for; `confirm` only from an owner.
    public static func scopes(asked: [TokenScope]?, minter: Identity) throws -> [TokenScope] {
        let scopes = (asked?.isEmpty ?? true) ? TokenScope.defaults : Set(asked ?? []).sorted()
        if scopes.contains(.confirm), minter.role != .owner { throw CopilotoError.forbidden(action: "grantConfirmScope") }
        return scopes
    }
}

extension AuthService {
    /// Mints a long-lived API token under `TokenMintingPolicy`; the secret is returned once.
    public func createAPIToken(by identity: Identity, name: String, userId: UUID?, expiresAt: Date?, scopes asked: [TokenScope]? = nil,
                               authorizer: Authorizer) async throws -> (token: String, record: APIToken) {
        let target = try await store.withTenant(identity.tenantId) { tx -> User in
            try await authorizer.require(identity, "manageApiTokens", in: tx)
            guard let user = try await tx.users.find(userId ?? identity.user.id), user.active else {
                throw CopilotoError.invalid([FieldError(field: "userId", code: .notFound)])
            }
            return user
        }
        if let refusal = TokenMintingPolicy.refusal(minter: identity, target: target) { throw refusal }
        let scopes = try TokenMintingPolicy.scopes(asked: asked, minter: identity)
        let record = APIToken(tenantId: target.tenantId, userId: target.id, kind: .api, name: name, createdAt: clock(),
                              expiresAt: expiresAt, scopes: scopes, createdBy: identity.user.id, createdByRole: identity.role)
        let secret = tokens.newSecret()
        try await store.system.createToken(record, secretHash: tokens.digest(secret))
        return (secret, record)
    }
}
