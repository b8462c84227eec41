import Foundation

/// `/v1/insights`: the feed of what the background copilots found, and the team's decision on each (apply or
/// dismiss). Whoever may see the inbox sees insights; whoever may answer in it decides.
public struct InsightService: Sendable {
    public let store: any DataStore
    public let authorizer: Authorizer
    public let events: EventBus
    public let clock: @Sendable () -> Date

    public init(store: any DataStore, authorizer: Authorizer, events: EventBus, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.authorizer = authorizer
        self.events = events
        self.clock = clock
    }

    public func list(_ identity: Identity, _ filter: InsightFilter) async throws -> Page<Insight> {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewInsights", in: tx)
            return try await tx.insights.list(filter)
        }
    }

    /// `PATCH /v1/insights/{id}` `{"actionStatus": "APPLIED" | "DISMISSED"}`. Repeating the same decision returns the
    /// insight unchanged; changing a decision is a conflict.
    public func decide(_ identity: Identity, id: UUID, body: JSONValue) async throws -> Insight {
        try await decision(identity, id: id, body: body).insight
    }

    /// The decision and whether this call made it (false when it repeated one already made).
    public func decision(_ identity: Identity, id: UUID, body: JSONValue) async throws -> (insight: Insight, changed: Bool) {
        var r = FieldReader(body, allowed: ["actionStatus"])
        let status = r.choice("actionStatus", required: true, as: InsightStatus.self)
        if status == .suggestion { r.fail("actionStatus", .notAllowed, "APPLIED, DISMISSED") }
        try r.finish()
        guard let status else { throw CopilotoError.invalid(r.errors) }
        let now = clock()
        let decided = try await store.withTenant(identity.tenantId) { tx -> (Insight, Bool) in
            try await authorizer.require(identity, "decideInsights", in: tx)
            guard let insight = try await tx.insights.find(id) else { throw CopilotoError.notFound(resource: "insight") }
            if insight.actionStatus == status { return (insight, false) }
            guard insight.actionStatus == .suggestion else { throw CopilotoError.conflict(reason: .insightDecided) }
            try await tx.insights.decide(id, status: status, by: identity.user.id, at: now)
            guard let updated = try await tx.insights.find(id) else { throw CopilotoError.notFound(resource: "insight") }
            return (updated, true)
        }
        if decided.1 { events.publish(InsightEvent.updated(decided.0)) }
        return decided
    }

    /// Per copilot (and the template it came from): how many insights were applied, dismissed, or are still open.
    public func stats(_ identity: Identity) async throws -> [InsightStats] {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewInsights", in: tx)
            return try await tx.insights.stats()
        }
    }
}

/// The live-feed events of insights.
public enum InsightEvent {
    public static let created = "insight.created"
    public static let updated = "insight.updated"
    public static let names: Set<String> = [created, updated]

    public static func created(_ insight: Insight) -> LiveEvent {
        LiveEvent(tenantId: insight.tenantId, name: created, data: insight.json)
    }

    public static func updated(_ insight: Insight) -> LiveEvent {
        LiveEvent(tenantId: insight.tenantId, name: updated, data: insight.json)
    }
}
