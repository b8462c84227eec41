import CopilotoCore
import Foundation

/// Whether an agent may call its model now: requests per minute/hour/day and USD per day/month from recorded usage
/// (the tenant's days and months), for the agent and for the tenant as a whole. Checked before every model call.
public enum UsageGuard {
    /// What the turn may spend.
    public enum Verdict: Sendable, Equatable {
        case ok
        /// The agent reached one of its own limits and has a cheaper model to fall back on.
        case cheaperModel(String, limit: String)
        /// No more model calls: the local engine answers if it can, else a person (`usage_limit`).
        case exhausted(limit: String)
    }

    /// The degrade ladder: the agent's own limits first (→ its cheaper model), the tenant's limits over all model
    /// spending (→ no model at all).
    public static func verdict(_ agent: AIAgent, tenantLimits: AIAgent.UsageLimits?, now: Date, zone: TimeZone,
                               in tx: any TenantStore) async throws -> Verdict {
        if let limits = tenantLimits, let hit = try await exceeded(limits, agentId: nil, now: now, zone: zone, in: tx) {
            return .exhausted(limit: "tenant." + hit)
        }
        guard let limits = agent.settings.limits, let hit = try await exceeded(limits, agentId: agent.id, now: now, zone: zone, in: tx) else {
            return .ok
        }
        if let cheaper = limits.cheaperModel, !cheaper.isEmpty, cheaper != agent.model { return .cheaperModel(cheaper, limit: hit) }
        return .exhausted(limit: hit)
    }

    /// The first limit reached, named for logs ("requestsPerMinute", "dailyUSD"…), or nil when calls may go on.
    static func exceeded(_ limits: AIAgent.UsageLimits, agentId: UUID?, now: Date, zone: TimeZone, in tx: any TenantStore) async throws -> String? {
        func total(since start: Date) async throws -> UsageTotals {
            try await tx.usage.totals(UsageFilter(from: start, to: now.addingTimeInterval(1), agentId: agentId), by: nil).first?.totals
                ?? UsageTotals()
        }
        for (limit, seconds, name) in [(limits.requestsPerMinute, 60.0, "requestsPerMinute"), (limits.requestsPerHour, 3600, "requestsPerHour"),
                                       (limits.requestsPerDay, 86_400, "requestsPerDay")] {
            if let limit, try await total(since: now.addingTimeInterval(-seconds)).calls >= limit { return name }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        if let cap = limits.dailyUSD, Double(try await total(since: calendar.startOfDay(for: now)).costNanoUSD) / 1e9 >= cap {
            return "dailyUSD"
        }
        if let cap = limits.monthlyUSD, let month = calendar.dateInterval(of: .month, for: now)?.start,
           Double(try await total(since: month).costNanoUSD) / 1e9 >= cap {
            return "monthlyUSD"
        }
        return nil
    }
}
