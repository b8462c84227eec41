import Foundation

/// Tokens and cost of one model call (C4): who caused it (user, session, AI agent) and what it cost.
/// Cost is kept in nano-dollars (1e-9 USD) as an integer, so sums are exact.
public struct UsageRecord: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var tenantId: UUID
    public var userId: UUID?
    public var sessionId: UUID?
    public var agentId: UUID?
    /// "assistant", "quick", "agent" or "background".
    public var source: String
    public var provider: String
    public var model: String
    public var promptTokens: Int
    public var completionTokens: Int
    /// True when the provider sent no usage and the tokens were counted approximately.
    public var estimated: Bool
    public var costNanoUSD: Int64
    public var createdAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, userId: UUID?, sessionId: UUID? = nil, agentId: UUID? = nil, source: String,
                provider: String, model: String, promptTokens: Int, completionTokens: Int, estimated: Bool, costNanoUSD: Int64,
                createdAt: Date = Date()) {
        self.id = id
        self.tenantId = tenantId
        self.userId = userId
        self.sessionId = sessionId
        self.agentId = agentId
        self.source = source
        self.provider = provider
        self.model = model
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.estimated = estimated
        self.costNanoUSD = costNanoUSD
        self.createdAt = createdAt
    }
}

/// Sums of calls, tokens and cost.
public struct UsageTotals: Sendable, Equatable {
    public var calls: Int
    public var promptTokens: Int
    public var completionTokens: Int
    public var costNanoUSD: Int64

    public init(calls: Int = 0, promptTokens: Int = 0, completionTokens: Int = 0, costNanoUSD: Int64 = 0) {
        self.calls = calls
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.costNanoUSD = costNanoUSD
    }

    /// The cost in USD as an exact decimal.
    public var costUSD: Decimal { Decimal(costNanoUSD) / Decimal(1_000_000_000) }
}

/// Which calls to sum: a half-open time range, optionally one user, session or AI agent.
public struct UsageFilter: Sendable, Equatable {
    public var from: Date
    public var to: Date
    public var userId: UUID?
    public var sessionId: UUID?
    public var agentId: UUID?
    /// The tenant's offset from UTC, so days are the tenant's days.
    public var utcOffsetSeconds: Int

    public init(from: Date, to: Date, userId: UUID? = nil, sessionId: UUID? = nil, agentId: UUID? = nil, utcOffsetSeconds: Int = 0) {
        self.from = from
        self.to = to
        self.userId = userId
        self.sessionId = sessionId
        self.agentId = agentId
        self.utcOffsetSeconds = utcOffsetSeconds
    }
}

/// How usage is grouped.
public enum UsageGrouping: String, Sendable, CaseIterable {
    case day, user, session, agent, model
}

/// The usage records of one tenant.
public protocol UsageRepository: Sendable {
    func record(_ usage: UsageRecord) async throws
    /// Totals per group key (the day as "YYYY-MM-DD", a user/session/agent id, or "provider/model"); nil grouping = one total under "".
    func totals(_ filter: UsageFilter, by grouping: UsageGrouping?) async throws -> [(key: String?, totals: UsageTotals)]
}
