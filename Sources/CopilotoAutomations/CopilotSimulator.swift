import CopilotoCore
import Foundation

/// Simulation before go-live: runs a copilot over the tenant's latest past events that match its triggers (and,
/// when there are too few, its latest conversations) without storing or publishing anything, and shows what each
/// run would have produced.
public struct CopilotSimulator: Sendable {
    public let store: any DataStore
    public let authorizer: Authorizer
    public let runner: CopilotRunner

    public init(store: any DataStore, authorizer: Authorizer, runner: CopilotRunner) {
        self.store = store
        self.authorizer = authorizer
        self.runner = runner
    }

    /// One simulated run.
    public struct Item: Sendable, Encodable {
        public var event: CopilotEvent
        public var payload: JSONValue
        public var missingFields: [String]
        public var provider: String
        /// Problems of the payload against the schema (missing fields aside); empty when it validates.
        public var problems: [FieldError]
    }

    /// `POST /v1/copilots/{id}/simulate` `{"limit": 10}` (1–50).
    public func simulate(_ identity: Identity, copilotId: UUID, body: JSONValue) async throws -> [Item] {
        var r = FieldReader(body, allowed: ["limit"])
        let limit = r.int("limit", range: 1...50) ?? 10
        try r.finish()
        let (copilot, contexts) = try await store.withTenant(identity.tenantId) { tx -> (Copilot, [EventContext]) in
            try await authorizer.require(identity, "manageCopilots", in: tx)
            guard let copilot = try await tx.copilots.find(copilotId) else { throw CopilotoError.notFound(resource: "copilot") }
            guard !copilot.schemaFields.isEmpty else { throw CopilotoError.unprocessable(reason: .copilotWithoutFields) }
            let events = try await Self.pastEvents(copilot, limit: limit, in: tx)
            let loaded = try await EventContext.load(events, in: tx)
            return (copilot, events.compactMap { loaded[$0.id] })
        }
        let model = try await runner.models(copilot)
        var items: [Item] = []
        for context in contexts {
            let output = try await runner.run(copilot, context, model: model)
            let problems = copilot.outputSchema.validate(output.payload).filter { !output.missingFields.contains($0.field) }
            items.append(Item(event: context.event, payload: output.payload, missingFields: output.missingFields, provider: output.provider,
                              problems: problems))
        }
        return items
    }

    /// The latest events its triggers match, then (for the first trigger's type) the latest conversations not
    /// already among them, as if the event had happened there.
    static func pastEvents(_ copilot: Copilot, limit: Int, in tx: any TenantStore) async throws -> [CopilotEvent] {
        let types = Set(copilot.triggers.map(\.eventType))
        var events = types.isEmpty ? [] : try await tx.copilotEvents.recent(limit: limit * 4, types: types, status: nil)
            .filter { copilot.trigger(for: $0) != nil }
        events = Array(events.prefix(limit))
        guard events.count < limit else { return events }
        let covered = Set(events.compactMap(\.conversationId))
        let type = copilot.triggers.first?.eventType ?? CopilotEventType.newMessageReceived
        for conversation in try await tx.inbox.conversations(ConversationFilter(limit: limit)).items where !covered.contains(conversation.id) {
            guard events.count < limit else { break }
            var event = CopilotEvent(tenantId: copilot.tenantId, type: type, ticketId: conversation.id, conversationId: conversation.id,
                                     createdAt: conversation.lastMessageAt)
            if type == CopilotEventType.inactivity {
                event = CopilotEvent.inactivity(conversation, windowMinutes: copilot.triggers.first?.inactivityMinutes ?? 120,
                                                at: conversation.lastMessageAt.addingTimeInterval(Double(copilot.triggers.first?.inactivityMinutes ?? 120) * 60))
            }
            events.append(event)
        }
        return events
    }
}
