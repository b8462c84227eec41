import Foundation

/// Password login, bearer-token resolution and API tokens.
public struct AuthService: Sendable {
    public let store: any DataStore
    public let passwords: any PasswordHasher
    public let tokens: any TokenHasher
    public let limiter: LoginRateLimiter
    public let sessionLifetime: TimeInterval
    public let clock: @Sendable () -> Date
    /// A real hash of a random string, verified against when the e-mail is unknown.
    private let decoyHash: String

    public init(store: any DataStore, passwords: any PasswordHasher, tokens: any TokenHasher,
                limiter: LoginRateLimiter = LoginRateLimiter(), sessionLifetime: TimeInterval = 30 * 86_400,
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.passwords = passwords
        self.tokens = tokens
        self.limiter = limiter
        self.sessionLifetime = sessionLifetime
        self.clock = clock
        self.decoyHash = (try? passwords.hash(UUID().uuidString)) ?? ""
    }

    /// Checks e-mail and password and returns a new session token with its user.
    public func login(email: String, password: String, clientAddress: String?) async throws -> (token: String, user: User) {
        let now = clock()
        let normalized = email.trimmingCharacters(in: .whitespaces).lowercased()
        let keys = ["email:" + normalized] + (clientAddress.map { ["ip:" + $0] } ?? [])
        try limiter.check(keys, now: now)
        let found = try await store.system.userForLogin(email: normalized)
        // Verify even for unknown e-mails so timing does not reveal which addresses exist.
        let hash = found?.1 ?? decoyHash
        guard await passwords.verifyOffPool(password, hash: hash), let (user, _) = found, user.active else {
            limiter.recordFailure(keys, now: now)
            throw CopilotoError.unauthenticated
        }
        limiter.reset(["email:" + normalized])
        let secret = try await issue(for: user, kind: .session, name: "login", expiresAt: now.addingTimeInterval(sessionLifetime))
        return (secret, user)
    }

    /// The identity behind a bearer secret; `unauthenticated` when unknown, revoked or expired.
    public func authenticate(bearer secret: String) async throws -> Identity {
        guard !secret.isEmpty, secret.count < 200,
              let identity = try await store.system.identity(secretHash: tokens.digest(secret), now: clock()) else {
            throw CopilotoError.unauthenticated
        }
        return identity
    }

    /// Revokes the token the identity is using (logout).
    public func logout(_ identity: Identity) async throws {
        _ = try await store.system.revokeToken(id: identity.tokenId, tenantId: identity.tenantId)
    }

    private func issue(for user: User, kind: APIToken.Kind, name: String, expiresAt: Date?) async throws -> String {
        let secret = tokens.newSecret()
        let record = APIToken(tenantId: user.tenantId, userId: user.id, kind: kind, name: name, createdAt: clock(),
                              expiresAt: expiresAt)
        try await store.system.createToken(record, secretHash: tokens.digest(secret))
        return secret
    }
}
