import CopilotoCore
import Foundation

/// Whether an agent may call its model now: requests per minute/hour/day and USD per day/month from its recorded
/// usage (the tenant's days and months). Checked before every model call.
public enum UsageGuard {
    /// The first limit reached, named for logs ("requestsPerMinute", "dailyUSD"…), or nil when the agent may go on.
    public static func exceeded(_ agent: AIAgent, now: Date, zone: TimeZone, in tx: any TenantStore) async throws -> String? {
        guard let limits = agent.settings.limits else { return nil }
        func total(since start: Date) async throws -> UsageTotals {
            try await tx.usage.totals(UsageFilter(from: start, to: now.addingTimeInterval(1), agentId: agent.id), by: nil).first?.totals
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
