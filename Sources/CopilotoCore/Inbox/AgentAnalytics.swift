import Foundation

/// One AI agent's results over a period (`GET /v1/analytics/agents`).
public struct AgentAnalytics: Sendable, Equatable, Codable {
    public var agentId: UUID
    public var name: String
    public var conversations: Int
    /// Conversations closed without leaving the AI, over all of them.
    public var resolutionRate: Double
    /// Conversations handed to a person, over all of them, and why.
    public var escalationRate: Double
    public var escalationsByReason: [String: Int]
    /// Mean time from the customer's first message to the agent's first answer, in seconds (nil: no answer yet).
    public var firstResponseSeconds: Double?
    public var calls: Int
    public var promptTokens: Int
    public var completionTokens: Int
    public var costUsd: Double
    /// Tool (action) runs by name.
    public var tools: [String: Int]
}

/// Raw counts the store gathers for one agent and period.
public struct AgentConversationStats: Sendable, Equatable {
    public var conversations = 0
    public var closedByAI = 0
    public var escalationsByReason: [String: Int] = [:]
    public var firstResponseSeconds: Double?
    public var tools: [String: Int] = [:]

    public init() {}
}

extension AIAgentService {
    /// Per agent: conversations started in `from..<to`, resolution and escalation rates, first-response time, model
    /// usage and cost, tool runs. Team-wide figures: roles that may see usage (owner, admin, manager, finance).
    public func analytics(_ identity: Identity, from: Date, to: Date) async throws -> [AgentAnalytics] {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewUsage", in: tx)
            var result: [AgentAnalytics] = []
            for agent in try await tx.aiAgents.list() {
                let stats = try await tx.inbox.agentStats(agentId: agent.id, from: from, to: to)
                let usage = try await tx.usage.totals(UsageFilter(from: from, to: to, agentId: agent.id), by: nil).first?.totals ?? UsageTotals()
                let total = Double(max(stats.conversations, 1))
                let escalated = stats.escalationsByReason.values.reduce(0, +)
                result.append(AgentAnalytics(
                    agentId: agent.id, name: agent.name, conversations: stats.conversations,
                    resolutionRate: stats.conversations == 0 ? 0 : Double(stats.closedByAI) / total,
                    escalationRate: stats.conversations == 0 ? 0 : Double(escalated) / total, escalationsByReason: stats.escalationsByReason,
                    firstResponseSeconds: stats.firstResponseSeconds, calls: usage.calls, promptTokens: usage.promptTokens,
                    completionTokens: usage.completionTokens, costUsd: Double(usage.costNanoUSD) / 1e9, tools: stats.tools))
            }
            return result
        }
    }
}
