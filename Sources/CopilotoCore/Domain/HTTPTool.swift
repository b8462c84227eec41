import Foundation

/// A custom tool defined at run time: an HTTP call (n8n, a webhook, an ERP) described by a JSON function
/// schema, with credentials stored encrypted. Agents and the copilot call it like any other action.
public struct HTTPTool: Sendable, Equatable, Codable, Identifiable {
    /// How the call authenticates; the secret itself lives only encrypted in the store.
    public enum AuthType: String, Sendable, Codable, CaseIterable { case none, bearer, basic, apiKey }
    /// HTTP methods a tool may use.
    public enum Method: String, Sendable, Codable, CaseIterable { case GET, POST, PUT, PATCH, DELETE }

    public var id: UUID
    public var tenantId: UUID
    /// Name the model calls it by (letters, digits, `_`, `-`).
    public var name: String
    public var description: String
    /// JSON Schema of the arguments.
    public var parameters: JSONValue
    public var method: Method
    /// `https://example.com/orders/{orderId}`: `{name}` is filled from the arguments.
    public var urlTemplate: String
    public var headers: [String: String]
    public var authType: AuthType
    /// Header for `apiKey` (default `X-API-Key`); user name for `basic`.
    public var authName: String?
    /// True when an encrypted secret is stored.
    public var hasSecret: Bool
    public var risk: ActionRisk
    public var roles: [Role]
    public var timeoutSeconds: Int
    public var createdAt: Date
    public var updatedAt: Date
    /// AES-GCM sealed secret (never encoded in API output).
    public var sealedSecret: String?

    enum CodingKeys: String, CodingKey {
        case id, tenantId, name, description, parameters, method, urlTemplate, headers, authType, authName, hasSecret, risk, roles
        case timeoutSeconds, createdAt, updatedAt
    }

    public init(id: UUID = UUID(), tenantId: UUID, name: String, description: String, parameters: JSONValue, method: Method,
                urlTemplate: String, headers: [String: String] = [:], authType: AuthType = .none, authName: String? = nil,
                sealedSecret: String? = nil, risk: ActionRisk = .read, roles: [Role] = Role.allCases, timeoutSeconds: Int = 10,
                createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.tenantId = tenantId
        self.name = name
        self.description = description
        self.parameters = parameters
        self.method = method
        self.urlTemplate = urlTemplate
        self.headers = headers
        self.authType = authType
        self.authName = authName
        self.sealedSecret = sealedSecret
        self.hasSecret = sealedSecret != nil
        self.risk = risk
        self.roles = roles
        self.timeoutSeconds = timeoutSeconds
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// Custom tools and the network allow-list of one tenant.
public protocol HTTPToolRepository: Sendable {
    func list() async throws -> [HTTPTool]
    func find(_ id: UUID) async throws -> HTTPTool?
    func find(name: String) async throws -> HTTPTool?
    func save(_ tool: HTTPTool, isNew: Bool) async throws
    func delete(_ id: UUID) async throws -> Bool
    /// Hosts the tenant allows tools to reach even when they resolve to private addresses.
    func allowlist() async throws -> [String]
    func saveAllowlist(_ hosts: [String]) async throws
}
