import Foundation

/// `GET /v1/usage` (C4): tokens and cost summed per day (in the tenant's time zone), user, session, AI agent and
/// model. Roles allowed `viewUsage` see the whole team; everyone else sees only their own calls.
public struct UsageService: Sendable {
    public let store: any DataStore
    public let authorizer: Authorizer
    public let clock: @Sendable () -> Date

    public init(store: any DataStore, authorizer: Authorizer, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.authorizer = authorizer
        self.clock = clock
    }

    public func report(_ identity: Identity, query: [String: String]) async throws -> JSONValue {
        var errors: [FieldError] = []
        func day(_ key: String) -> String? {
            guard let text = query[key], !text.isEmpty else { return nil }
            if ContactFormats.day(text) != nil { return text }
            if let date = ContactFormats.timestamp(text) { return JSONCoding.rfc3339(date) }
            errors.append(FieldError(field: key, code: .invalidFormat, detail: "YYYY-MM-DD or RFC 3339"))
            return nil
        }
        func uuid(_ key: String) -> UUID? {
            guard let text = query[key], !text.isEmpty else { return nil }
            if let id = UUID(uuidString: text) { return id }
            errors.append(FieldError(field: key, code: .invalidFormat, detail: "UUID"))
            return nil
        }
        let fromText = day("from"), toText = day("to")
        let base = UsageFilter(from: .distantPast, to: .distantFuture, userId: uuid("userId"), sessionId: uuid("sessionId"), agentId: uuid("agentId"))
        if !errors.isEmpty { throw CopilotoError.invalid(errors) }
        let now = clock()
        return try await store.withTenant(identity.tenantId) { tx in
            var filter = base
            let zone = try await tx.settings().timeZone
            let calendar = LocalCalendar(timeZone: zone)
            filter.utcOffsetSeconds = zone.secondsFromGMT(for: now)
            filter.to = toText.map { Self.moment($0, calendar, endOfDay: true) } ?? now.addingTimeInterval(1)
            filter.from = fromText.map { Self.moment($0, calendar, endOfDay: false) } ?? calendar.adding(days: -29, to: calendar.startOfDay(now))
            guard filter.from < filter.to else { throw CopilotoError.invalid([FieldError(field: "from", code: .outOfRange, detail: "from < to")]) }
            let teamWide = try await authorizer.matrix(in: tx).allows(identity, "viewUsage")
            if !teamWide {
                if let asked = filter.userId, asked != identity.user.id { throw CopilotoError.forbidden(action: "viewUsage") }
                filter.userId = identity.user.id
            }
            var report: [String: JSONValue] = ["from": .string(JSONCoding.rfc3339(filter.from)), "to": .string(JSONCoding.rfc3339(filter.to)),
                                               "scope": teamWide && filter.userId == nil ? "team" : "user"]
            report["totals"] = Self.json(try await tx.usage.totals(filter, by: nil).first?.totals ?? UsageTotals())
            for (grouping, name, key) in [(UsageGrouping.day, "byDay", "day"), (.user, "byUser", "userId"), (.session, "bySession", "sessionId"),
                                          (.agent, "byAgent", "agentId"), (.model, "byModel", "model")] {
                report[name] = .array(try await tx.usage.totals(filter, by: grouping).compactMap { row in
                    guard let value = row.key else { return nil }
                    return Self.json(row.totals).setting(key, .string(value))
                })
            }
            return .object(report)
        }
    }

    /// A day (midnight, or the next midnight for an end) in the tenant's zone, or an RFC 3339 moment.
    static func moment(_ text: String, _ calendar: LocalCalendar, endOfDay: Bool) -> Date {
        if let date = ContactFormats.timestamp(text) { return date }
        var parts = DateComponents()
        let numbers = text.split(separator: "-").compactMap { Int($0) }
        (parts.year, parts.month, parts.day) = (numbers[0], numbers[1], numbers[2])
        let start = calendar.calendar.date(from: parts) ?? Date()
        return endOfDay ? calendar.adding(days: 1, to: start) : start
    }

    static func json(_ totals: UsageTotals) -> JSONValue {
        ["calls": .number(Double(totals.calls)), "promptTokens": .number(Double(totals.promptTokens)),
         "completionTokens": .number(Double(totals.completionTokens)), "costUsd": .number(NSDecimalNumber(decimal: totals.costUSD).doubleValue)]
    }
}
