import Foundation

/// What an API token may do. Signed-in sessions have every scope; API tokens only those they were minted with.
///
/// - `read`: `GET` routes and read actions.
/// - `propose`: prepare writes (pending actions), talk to the assistant, cancel a proposal.
/// - `confirm`: confirm pending actions and call REST routes that write at once. Only an owner grants it.
public enum TokenScope: String, Sendable, Codable, CaseIterable, Comparable {
    case read, propose, confirm

    /// What a token minted without scopes gets: read and propose, never confirm.
    public static let defaults: [TokenScope] = [.read, .propose]

    public static func < (lhs: TokenScope, rhs: TokenScope) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// The stored form, `read,propose`.
    public static func encode(_ scopes: [TokenScope]) -> String {
        Set(scopes).sorted().map(\.rawValue).joined(separator: ",")
    }

    /// Parses the stored form; unknown words are dropped (never widened).
    public static func decode(_ text: String) -> [TokenScope] {
        Set(text.split(separator: ",").compactMap { TokenScope(rawValue: String($0)) }).sorted()
    }
}

extension Identity {
    /// True when this caller may act with `scope`: every signed-in session may; an API token only with the scope.
    public func has(_ scope: TokenScope) -> Bool {
        kind == .session || scopes.contains(scope)
    }

    /// Throws 403 `forbidden` (with `details.scope`) unless the caller has `scope`.
    public func require(_ scope: TokenScope) throws {
        guard has(scope) else { throw CopilotoError.scopeMissing(scope) }
    }
}

extension PermissionMatrix {
    /// True when the identity's role may run `action` and so may every role that caps it (the roles of the person who
    /// minted its API token, at mint time and now): a token never does more than the person who made it.
    public func allows(_ identity: Identity, _ action: String) -> Bool {
        allows(identity.role, action) && identity.ceilings.allSatisfy { allows($0, action) }
    }
}
