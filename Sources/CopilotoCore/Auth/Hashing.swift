import Foundation

/// A slow password KDF (bcrypt in production).
public protocol PasswordHasher: Sendable {
    /// A self-describing hash string of `password` (salt included).
    func hash(_ password: String) throws -> String
    /// True when `password` matches `hash`.
    func verify(_ password: String, hash: String) -> Bool
}

/// Fast one-way hashing and randomness for bearer-token secrets.
public protocol TokenHasher: Sendable {
    /// A hex digest of the secret, the only form stored.
    func digest(_ secret: String) -> String
    /// A new random secret suitable for a bearer token.
    func newSecret() -> String
}

extension PasswordHasher {
    /// `hash` on `BlockingPool.interactive`: bcrypt takes tens of milliseconds of CPU on purpose, too long for the
    /// cooperative pool, and a person waits for it, so it never queues behind background work.
    public func hashOffPool(_ password: String) async throws -> String {
        try await BlockingPool.interactive.run { [self] in try hash(password) }
    }

    /// `verify` on `BlockingPool.interactive`.
    public func verifyOffPool(_ password: String, hash: String) async -> Bool {
        await BlockingPool.interactive.run { [self] in verify(password, hash: hash) }
    }
}
