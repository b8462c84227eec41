import CopilotoCore
import Foundation

/// `/v1/settings/llm-providers`: owners and admins configure the tenant's model providers; API keys are
/// sealed before storage and never returned. `chain` turns them into the fallback chain of that tenant.
public struct ProviderSettingsService: Sendable {
    public let store: any DataStore
    public let authorizer: Authorizer
    public let sealer: any SecretSealer
    public let clock: @Sendable () -> Date

    public init(store: any DataStore, authorizer: Authorizer, sealer: any SecretSealer, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.authorizer = authorizer
        self.sealer = sealer
        self.clock = clock
    }

    static let fields: Set<String> = ["name", "baseURL", "model", "headers", "priority", "enabled", "requiresKey", "apiKey"]

    public func list(_ identity: Identity) async throws -> [LLMProviderRecord] {
        try await managing(identity) { try await $0.llmProviders.list() }
    }

    public func create(_ identity: Identity, body: JSONValue) async throws -> LLMProviderRecord {
        let record = try build(body, base: nil, tenantId: identity.tenantId)
        return try await managing(identity) { tx in
            try await tx.llmProviders.save(record, isNew: true)
            return record
        }
    }

    /// Merge patch; `apiKey: null` removes the key, an absent one keeps it.
    public func update(_ identity: Identity, id: UUID, patch: JSONValue) async throws -> LLMProviderRecord {
        try await managing(identity) { tx in
            guard let existing = try await tx.llmProviders.find(id) else { throw CopilotoError.notFound(resource: "llm_providers") }
            let merged = try JSONCoding.mergePatch(existing, fields: Self.fields.subtracting(["apiKey"]), patch: patch.removing(["apiKey"]))
            var record = try build(merged.setting("apiKey", patch["apiKey"] ?? .null), base: existing, tenantId: identity.tenantId)
            if patch["apiKey"] == nil { record.sealedKey = existing.sealedKey; record.hasKey = existing.hasKey }
            try await tx.llmProviders.save(record, isNew: false)
            return record
        }
    }

    public func delete(_ identity: Identity, id: UUID) async throws {
        try await managing(identity) { tx in
            guard try await tx.llmProviders.delete(id) else { throw CopilotoError.notFound(resource: "llm_providers") }
        }
    }

    /// The tenant's enabled providers in priority order, then `fallback` links (the environment default, the local engine).
    public func chain(tenantId: UUID, then fallback: [any LanguageModel], breaker: CircuitBreaker,
                      deadlines: ModelDeadlines = ModelDeadlines()) async throws -> FallbackChain {
        chain(from: try await store.withTenant(tenantId) { try await $0.llmProviders.list() }, then: fallback, breaker: breaker,
              deadlines: deadlines)
    }

    /// The chain from records already read (enabled ones, in order), then the fallback models.
    /// With `preferring`, that provider goes first (an AI agent's own provider), with `model` instead of its own when
    /// given; the rest of the chain stays behind it as the fallback.
    public func chain(from records: [LLMProviderRecord], preferring: UUID? = nil, model: String? = nil, then fallback: [any LanguageModel],
                      breaker: CircuitBreaker, deadlines: ModelDeadlines = ModelDeadlines()) -> FallbackChain {
        let enabled = records.filter(\.enabled)
        let ordered = enabled.filter { $0.id == preferring } + enabled.filter { $0.id != preferring }
        let providers: [any LanguageModel] = ordered.map { record in
            let chosen = record.id == preferring ? (model ?? record.model) : record.model
            return OpenAICompatibleProvider(configuration: .init(name: record.name, baseURL: record.baseURL,
                                                                 apiKey: record.sealedKey.flatMap { try? sealer.open($0) },
                                                                 extraHeaders: record.headers, requiresKey: record.requiresKey, model: chosen))
        }
        return FallbackChain(providers + fallback, breaker: breaker, deadlines: deadlines)
    }

    private func managing<T: Sendable>(_ identity: Identity, _ body: @Sendable (any TenantStore) async throws -> T) async throws -> T {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageProviders", in: tx)
            return try await body(tx)
        }
    }

    func build(_ body: JSONValue, base: LLMProviderRecord?, tenantId: UUID) throws -> LLMProviderRecord {
        var r = FieldReader(body, allowed: Self.fields)
        let name = r.string("name", required: true, max: 60)
        let url = r.formatted("baseURL", required: true, format: "http(s) URL") { text in
            let parts = URLComponents(string: text)
            return ["http", "https"].contains(parts?.scheme ?? "") && parts?.host?.isEmpty == false ? text : nil
        }
        let model = r.string("model", required: true, max: 200)
        let headers = r.stringMap("headers")
        let priority = r.int("priority", range: 0...1000) ?? 10
        let enabled = r.bool("enabled") ?? true
        let requiresKey = r.bool("requiresKey") ?? true
        let key = r.string("apiKey", max: 4000)
        try r.finish()
        guard let name, let url, let model else { throw CopilotoError.invalid(r.errors) }
        let now = clock()
        return LLMProviderRecord(id: base?.id ?? UUID(), tenantId: tenantId, name: name, baseURL: url, model: model, headers: headers,
                                 priority: priority, enabled: enabled, requiresKey: requiresKey,
                                 sealedKey: try key.map(sealer.seal) ?? base?.sealedKey, createdAt: base?.createdAt ?? now, updatedAt: now)
    }
}
