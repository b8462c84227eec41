import Foundation

/// A published version of an AI agent: a frozen copy of its prompt, model, tools, rules and settings. The agent's
/// own record is the draft; customers talk to the version that went live last (publish or rollback), or to the
/// draft while the agent was never published.
public struct AIAgentVersion: Sendable, Equatable, Codable {
    public var agentId: UUID
    public var number: Int
    public var snapshot: AIAgent
    public var createdBy: UUID
    public var createdAt: Date
    /// When this version last became the one customers get (publish, or a rollback to it).
    public var liveAt: Date?

    public init(agentId: UUID, number: Int, snapshot: AIAgent, createdBy: UUID, createdAt: Date, liveAt: Date?) {
        self.agentId = agentId
        self.number = number
        self.snapshot = snapshot
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.liveAt = liveAt
    }

    /// The agent customers get: the snapshot, with the live record's identity and on/off switch.
    public func serving(_ live: AIAgent) -> AIAgent {
        var agent = snapshot
        agent.id = live.id
        agent.tenantId = live.tenantId
        agent.enabled = live.enabled
        return agent
    }
}

/// How a closed conversation went for the customer, 1 (bad) to 5 (great), with the reasons.
public struct CXScore: Sendable, Equatable, Codable {
    public var score: Int
    public var reasons: [String]
    /// "local" (the heuristics, always) or "model" (refined by the tenant's model).
    public var source: String
    public var computedAt: Date

    public init(score: Int, reasons: [String], source: String = "local", computedAt: Date) {
        self.score = min(max(score, 1), 5)
        self.reasons = reasons
        self.source = source
        self.computedAt = computedAt
    }
}

/// What is known of a conversation's quality: the agent version that answered it and its CX score.
public struct ConversationQuality: Sendable, Equatable, Codable {
    public var conversationId: UUID
    public var agentId: UUID?
    public var agentVersion: Int?
    public var cx: CXScore?

    public init(conversationId: UUID, agentId: UUID? = nil, agentVersion: Int? = nil, cx: CXScore? = nil) {
        self.conversationId = conversationId
        self.agentId = agentId
        self.agentVersion = agentVersion
        self.cx = cx
    }
}

extension CXScore {
    /// The job that scores a conversation once it closes.
    public static let jobType = "cx_score"

    /// Enqueues the scoring of a conversation that just closed (in the caller's transaction).
    public static func schedule(_ conversationId: UUID, in tx: any TenantStore, now: Date) async throws {
        try await tx.jobs.schedule(type: jobType, key: "cx:\(conversationId.uuidString.lowercased())",
                                   payload: ["conversationId": .string(conversationId.uuidString.lowercased())], runAt: now, deadline: now, now: now)
    }
}
