import Foundation

/// `/v1/ai-agents/{id}/publish|versions|rollback`: the agent's record is its draft (every edit changes only it);
/// publishing freezes the draft as the next version, which customers get from then on; a rollback makes an older
/// version the published one again. Both are audited.
public struct AIAgentVersionService: Sendable {
    public let store: any DataStore
    public let authorizer: Authorizer
    public let clock: @Sendable () -> Date

    public init(store: any DataStore, authorizer: Authorizer, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.authorizer = authorizer
        self.clock = clock
    }

    /// The draft, the number customers get, and every version (newest first).
    public struct Listing: Sendable, Codable {
        public var draft: AIAgent
        public var published: Int?
        public var versions: [AIAgentVersion]
    }

    public func versions(_ identity: Identity, agentId: UUID) async throws -> Listing {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewInbox", in: tx)
            guard let agent = try await tx.aiAgents.find(agentId) else { throw CopilotoError.notFound(resource: "aiAgent") }
            return Listing(draft: agent, published: try await tx.agentVersions.published(agentId: agentId)?.number,
                           versions: try await tx.agentVersions.list(agentId: agentId))
        }
    }

    /// `POST …/publish {"requirePassingRun"?}`: the draft becomes version N+1 and goes live. With `requirePassingRun`,
    /// publishing is refused (409) unless the latest run of the draft finished with no failed case.
    public func publish(_ identity: Identity, agentId: UUID, body: JSONValue) async throws -> AIAgentVersion {
        var r = FieldReader(body == .null ? [:] : body, allowed: ["requirePassingRun"])
        let requirePassing = r.bool("requirePassingRun") ?? false
        try r.finish()
        let now = clock()
        return try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageAIAgents", in: tx)
            guard let agent = try await tx.aiAgents.find(agentId) else { throw CopilotoError.notFound(resource: "aiAgent") }
            if requirePassing {
                let latest = try await tx.evals.runs(agentId: agentId, limit: 20).first { $0.version == "draft" }
                guard let latest, latest.status == .finished, latest.updatedAfter(agent), !latest.results.contains(where: { $0.passed == false })
                else { throw CopilotoError.conflict(reason: .evalsFailing) }
            }
            let number = (try await tx.agentVersions.list(agentId: agentId).first?.number ?? 0) + 1
            var version = AIAgentVersion(agentId: agentId, number: number, snapshot: agent, createdBy: identity.user.id, createdAt: now, liveAt: nil)
            try await tx.agentVersions.insert(version)
            _ = try await tx.agentVersions.makeLive(agentId: agentId, number: number, at: now)
            version.liveAt = try await tx.agentVersions.published(agentId: agentId)?.liveAt
            try await tx.audit.append(EvalService.audit(identity, "aiAgent.publish", ["aiAgentId": .string(agentId.uuidString.lowercased()),
                                                                                       "version": .number(Double(number))], now))
            return version
        }
    }

    /// `POST …/rollback {"version": N}`: version N is what customers get again (the draft is left as it is).
    public func rollback(_ identity: Identity, agentId: UUID, body: JSONValue) async throws -> AIAgentVersion {
        var r = FieldReader(body, allowed: ["version"])
        let number = r.int("version", required: true, range: 1...1_000_000)
        try r.finish()
        guard let number else { throw CopilotoError.invalid([FieldError(field: "version", code: .required)]) }
        let now = clock()
        return try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageAIAgents", in: tx)
            guard try await tx.aiAgents.find(agentId) != nil else { throw CopilotoError.notFound(resource: "aiAgent") }
            guard try await tx.agentVersions.makeLive(agentId: agentId, number: number, at: now),
                  let live = try await tx.agentVersions.published(agentId: agentId) else {
                throw CopilotoError.invalid([FieldError(field: "version", code: .notFound)])
            }
            try await tx.audit.append(EvalService.audit(identity, "aiAgent.rollback", ["aiAgentId": .string(agentId.uuidString.lowercased()),
                                                                                        "version": .number(Double(number))], now))
            return live
        }
    }
}

extension EvalRun {
    /// True when the run started after the agent's last edit (so it tested this very draft).
    func updatedAfter(_ agent: AIAgent) -> Bool { createdAt >= agent.updatedAt }
}
