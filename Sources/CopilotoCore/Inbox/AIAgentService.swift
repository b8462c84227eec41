import Foundation

/// `/v1/ai-agents`: the AI agents that attend customers, and the tools each one may use.
public struct AIAgentService: Sendable {
    public let store: any DataStore
    public let authorizer: Authorizer
    public let clock: @Sendable () -> Date

    public init(store: any DataStore, authorizer: Authorizer, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.authorizer = authorizer
        self.clock = clock
    }

    static let fields: Set<String> = ["name", "type", "prompt", "providerId", "model", "temperature", "maxTokens", "welcomeMessage",
                                      "enabled", "maxConcurrent", "settings", "tools"]

    public func list(_ identity: Identity) async throws -> [AIAgent] {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewInbox", in: tx)
            return try await tx.aiAgents.list()
        }
    }

    public func get(_ identity: Identity, id: UUID) async throws -> AIAgent {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewInbox", in: tx)
            guard let agent = try await tx.aiAgents.find(id) else { throw CopilotoError.notFound(resource: "aiAgent") }
            return agent
        }
    }

    public func create(_ identity: Identity, body: JSONValue) async throws -> AIAgent {
        var agent = AIAgent(tenantId: identity.tenantId, name: "", prompt: "", createdAt: clock())
        try apply(body, to: &agent, creating: true)
        let created = agent
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageAIAgents", in: tx)
            try await Self.checkProvider(created, in: tx)
            try await tx.aiAgents.insert(created)
        }
        return created
    }

    public func update(_ identity: Identity, id: UUID, body: JSONValue) async throws -> AIAgent {
        let now = clock()
        return try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageAIAgents", in: tx)
            guard var agent = try await tx.aiAgents.find(id) else { throw CopilotoError.notFound(resource: "aiAgent") }
            try apply(body, to: &agent, creating: false)
            try await Self.checkProvider(agent, in: tx)
            agent.updatedAt = now
            try await tx.aiAgents.update(agent)
            return agent
        }
    }

    /// `PUT /v1/ai-agents/{id}/tools` `{"toolIds": [...]}`: replaces the agent's tools.
    public func setTools(_ identity: Identity, id: UUID, body: JSONValue) async throws -> AIAgent {
        var r = FieldReader(body, allowed: ["toolIds"])
        let tools = r.stringList("toolIds", required: true, maxCount: 100) ?? []
        try r.finish()
        return try await update(identity, id: id, body: ["tools": .array(tools.map(JSONValue.string))])
    }

    /// Complaints about AI answers, newest first (for the team to review the agents' prompts and knowledge).
    public func feedback(_ identity: Identity, limit: Int) async throws -> [AIFeedbackEntry] {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageAIAgents", in: tx)
            return try await tx.inbox.feedback(limit: min(max(limit, 1), 200))
        }
    }

    public func delete(_ identity: Identity, id: UUID) async throws {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageAIAgents", in: tx)
            guard try await tx.aiAgents.delete(id) else { throw CopilotoError.notFound(resource: "aiAgent") }
        }
    }

    /// An agent's own provider must be one of the tenant's.
    static func checkProvider(_ agent: AIAgent, in tx: any TenantStore) async throws {
        guard let id = agent.providerId else { return }
        guard try await tx.llmProviders.find(id) != nil else {
            throw CopilotoError.invalid([FieldError(field: "providerId", code: .notFound)])
        }
    }

    /// Durations at most an hour, counts at most a million, and bounded usage limits.
    static func bounded(_ settings: AIAgent.Settings) -> Bool {
        settings.replyDelayMaxMs <= 3_600_000 && settings.debounceMaxMs <= 3_600_000 && settings.maxAIReplies <= 1_000_000
            && bounded(settings.limits)
    }

    /// Request counts 0…1,000,000 and money limits finite, 0…US$ 1,000,000.
    static func bounded(_ limits: AIAgent.UsageLimits?) -> Bool {
        let counts = [limits?.requestsPerMinute, limits?.requestsPerHour, limits?.requestsPerDay].compactMap { $0 }
        let dollars = [limits?.dailyUSD, limits?.monthlyUSD].compactMap { $0 }
        // Dollars as money: at most two decimals (1e-9 is not an amount), within 0…1,000,000.
        let cents = { (value: Double) in (value * 100 - (value * 100).rounded()).magnitude < 1e-9 }
        return counts.allSatisfy { (0...1_000_000).contains($0) }
            && dollars.allSatisfy { $0.isFinite && (0...1_000_000).contains($0) && cents($0) }
    }

    private func apply(_ body: JSONValue, to agent: inout AIAgent, creating: Bool) throws {
        var r = FieldReader(body, allowed: Self.fields)
        if let name = r.string("name", required: creating, max: 120) { agent.name = name }
        if let type = r.choice("type", as: AIAgent.Kind.self) { agent.type = type }
        if let prompt = r.string("prompt", max: 20_000) { agent.prompt = prompt }
        if r.has("providerId") { agent.providerId = r.uuid("providerId") }
        if r.has("model") { agent.model = r.string("model", max: 200) }
        if let value = r.raw("temperature", required: false) {
            guard case .number(let t) = value, (0...2).contains(t) else { r.fail("temperature", .outOfRange, "0–2"); return try r.finish() }
            agent.temperature = t
        }
        if let tokens = r.int("maxTokens", range: 1...16_000) { agent.maxTokens = tokens }
        if r.has("welcomeMessage") { agent.welcomeMessage = r.string("welcomeMessage", max: 1000) }
        if let enabled = r.bool("enabled") { agent.enabled = enabled }
        if let limit = r.int("maxConcurrent", range: 0...10_000) { agent.maxConcurrent = limit }
        if let tools = r.stringList("tools", maxCount: 100) {
            let invalid = tools.filter { $0.isEmpty || $0.count > 100 || !$0.allSatisfy { $0.isLetter || $0.isNumber || "_.-".contains($0) } }
            if invalid.isEmpty { agent.tools = Array(Set(tools)).sorted() } else { r.fail("tools", .invalidFormat, invalid.joined(separator: ", ")) }
        }
        if let settings = r.raw("settings", required: false) {
            do {
                var merged = (try? JSONCoding.value(agent.settings))?.objectValue ?? [:]
                for (key, value) in settings.objectValue ?? [:] { merged[key] = value }
                let decoded = try JSONDecoder().decode(AIAgent.Settings.self, from: Data(JSONValue.object(merged).encoded().utf8))
                guard decoded.replyDelayMinMs >= 0, decoded.replyDelayMaxMs >= decoded.replyDelayMinMs, decoded.debounceMs >= 0,
                      decoded.debounceMaxMs >= decoded.debounceMs, decoded.maxAIReplies > 0, Self.bounded(decoded) else {
                    r.fail("settings", .outOfRange, "delays must be ordered and not negative")
                    return try r.finish()
                }
                agent.settings = decoded
            } catch {
                r.fail("settings", .invalidFormat, "replyDelayMinMs, replyDelayMaxMs, debounceMs, debounceMaxMs, businessHours, language…")
            }
        }
        try r.finish()
    }
}
