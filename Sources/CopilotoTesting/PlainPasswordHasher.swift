import CopilotoCore

/// A password "hash" that is the password itself, for tests and benchmarks that seed many users and would
/// otherwise spend their time in bcrypt. Never used by the product.
public struct PlainPasswordHasher: PasswordHasher {
    public init() {}
    public func hash(_ password: String) throws -> String { "plain:" + password }
    public func verify(_ password: String, hash: String) -> Bool { hash == "plain:" + password }
}
