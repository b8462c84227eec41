import Foundation

/// Seals and opens secrets (API keys, tool credentials) for storage.
public protocol SecretSealer: Sendable {
    func seal(_ plain: String) throws -> String
    func open(_ sealed: String) throws -> String
}

/// A tenant's configured LLM provider: an OpenAI-compatible endpoint, its model and its key (sealed).
/// Lower `priority` is tried first; the local engine always comes last.
public struct LLMProviderRecord: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var tenantId: UUID
    public var name: String
    public var baseURL: String
    public var model: String
    public var headers: [String: String]
    public var priority: Int
    public var enabled: Bool
    public var requiresKey: Bool
    public var hasKey: Bool
    public var createdAt: Date
    public var updatedAt: Date
    /// The sealed API key (never encoded in API output).
    public var sealedKey: String?

    enum CodingKeys: String, CodingKey {
        case id, tenantId, name, baseURL, model, headers, priority, enabled, requiresKey, hasKey, createdAt, updatedAt
    }

    public init(id: UUID = UUID(), tenantId: UUID, name: String, baseURL: String, model: String, headers: [String: String] = [:],
                priority: Int = 10, enabled: Bool = true, requiresKey: Bool = true, sealedKey: String? = nil,
                createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.tenantId = tenantId
        self.name = name
        self.baseURL = baseURL
        self.model = model
        self.headers = headers
        self.priority = priority
        self.enabled = enabled
        self.requiresKey = requiresKey
        self.sealedKey = sealedKey
        self.hasKey = sealedKey != nil
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// The LLM providers of one tenant.
public protocol LLMProviderRepository: Sendable {
    func list() async throws -> [LLMProviderRecord]
    func find(_ id: UUID) async throws -> LLMProviderRecord?
    func save(_ record: LLMProviderRecord, isNew: Bool) async throws
    func delete(_ id: UUID) async throws -> Bool
}
