import Foundation

/// `POST /v1/events`: events raised from outside (a macro button, an integration), stored durably for the
/// dispatcher; `GET /v1/events`: the recent log with each event's processing status (dead letters included).
public struct CopilotEventService: Sendable {
    public let store: any DataStore
    public let authorizer: Authorizer
    public let clock: @Sendable () -> Date

    public init(store: any DataStore, authorizer: Authorizer, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.authorizer = authorizer
        self.clock = clock
    }

    /// Stores the event. `ticketId` must be one of the tenant's CRM tickets or conversations; for a conversation
    /// the copilots read its messages.
    public func emit(_ identity: Identity, body: JSONValue) async throws -> CopilotEvent {
        var r = FieldReader(body, allowed: ["type", "ticketId", "payload"])
        let type = r.string("type", required: true, max: 64)
        if let type, !CopilotEventType.isValidName(type) { r.fail("type", .invalidFormat, "TICKET_WON, MACRO_BUTTON_CLICKED…") }
        if type == CopilotEventType.inactivity { r.fail("type", .notAllowed, "INACTIVITY is raised by the scheduler") }
        let ticketId = r.uuid("ticketId")
        let payload = r.raw("payload", required: false) ?? .object([:])
        if payload.objectValue == nil { r.fail("payload", .wrongType, "object") }
        if payload.encoded().utf8.count > 16_384 { r.fail("payload", .tooLong, "16384 bytes") }
        try r.finish()
        guard let type else { throw CopilotoError.invalid(r.errors) }
        let now = clock()
        return try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "emitEvents", in: tx)
            var event = CopilotEvent(tenantId: identity.tenantId, type: type, ticketId: ticketId, payload: payload, createdAt: now)
            if let ticketId {
                if try await tx.inbox.conversation(ticketId) != nil {
                    event.conversationId = ticketId
                } else if try await tx.tickets.find(ticketId) == nil {
                    throw CopilotoError.invalid([FieldError(field: "ticketId", code: .notFound)])
                }
            }
            try await tx.copilotEvents.append(event, dedupeKey: nil)
            return event
        }
    }

    /// The newest events, optionally of one status (`dead` lists the dead letters).
    public func recent(_ identity: Identity, status: CopilotEvent.Status?, limit: Int) async throws -> [CopilotEvent] {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageCopilots", in: tx)
            return try await tx.copilotEvents.recent(limit: min(max(limit, 1), 200), types: nil, status: status)
        }
    }
}
