import Foundation

/// Something that happened in a tenant's CRM or inbox that background copilots may react to. Stored durably in the
/// same transaction as the change that raised it, then claimed by a worker; kept after processing for simulations.
public struct CopilotEvent: Sendable, Equatable, Identifiable {
    /// Where the event is in its processing.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case pending, running, done, dead
    }

    public var id: UUID
    public var tenantId: UUID
    public var type: String
    /// What the event is about: a CRM ticket (`/v1/tickets`) or, for inbox events, the conversation (the inbox's
    /// ticket, as seed 004 calls it).
    public var ticketId: UUID?
    /// The conversation whose messages give the copilot its context, when there is one.
    public var conversationId: UUID?
    public var payload: JSONValue
    public var status: Status
    /// Claims so far (a retry after a failure or a dead worker adds one).
    public var attempts: Int
    public var lastError: String?
    public var createdAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, type: String, ticketId: UUID? = nil, conversationId: UUID? = nil,
                payload: JSONValue = .object([:]), status: Status = .pending, attempts: Int = 0, lastError: String? = nil,
                createdAt: Date = Date()) {
        self.id = id
        self.tenantId = tenantId
        self.type = type
        self.ticketId = ticketId
        self.conversationId = conversationId
        self.payload = payload
        self.status = status
        self.attempts = attempts
        self.lastError = lastError
        self.createdAt = createdAt
    }
}

extension CopilotEvent: Encodable {
    enum CodingKeys: String, CodingKey { case id, type, ticketId, conversationId, payload, status, attempts, lastError, createdAt }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(ticketId, forKey: .ticketId)
        try c.encodeIfPresent(conversationId, forKey: .conversationId)
        try c.encode(payload, forKey: .payload)
        try c.encode(status, forKey: .status)
        try c.encode(attempts, forKey: .attempts)
        try c.encodeIfPresent(lastError, forKey: .lastError)
        try c.encode(createdAt, forKey: .createdAt)
    }
}

/// Building the events the product raises, so every emitter fills them the same way.
extension CopilotEvent {
    /// A customer message stored in a conversation.
    public static func newMessage(_ message: InboxMessage, conversation: Conversation) -> CopilotEvent {
        CopilotEvent(tenantId: conversation.tenantId, type: CopilotEventType.newMessageReceived, ticketId: conversation.id,
                     conversationId: conversation.id,
                     payload: ["messageId": .string(message.id.uuidString.lowercased()), "channel": .string(conversation.channel.rawValue),
                               "text": .string(String(message.text.prefix(2000)))],
                     createdAt: message.createdAt)
    }

    /// A CRM ticket that moved to won or lost.
    public static func ticketClosed(_ ticket: Ticket, won: Bool, at: Date) -> CopilotEvent {
        var payload: [String: JSONValue] = ["number": .number(Double(ticket.number)), "subject": .string(ticket.subject),
                                            "status": .string(ticket.status.rawValue)]
        if let customer = ticket.customerId { payload["customerId"] = .string(customer.uuidString.lowercased()) }
        return CopilotEvent(tenantId: ticket.tenantId, type: won ? CopilotEventType.ticketWon : CopilotEventType.ticketLost,
                            ticketId: ticket.id, payload: .object(payload), createdAt: at)
    }

    /// A conversation quiet since `idleSince` for a trigger's window.
    public static func inactivity(_ conversation: Conversation, windowMinutes: Int, at: Date) -> CopilotEvent {
        CopilotEvent(tenantId: conversation.tenantId, type: CopilotEventType.inactivity, ticketId: conversation.id,
                     conversationId: conversation.id,
                     payload: ["windowMinutes": .number(Double(windowMinutes)), "idleSince": .string(JSONCoding.rfc3339(conversation.lastMessageAt)),
                               "channel": .string(conversation.channel.rawValue)],
                     createdAt: at)
    }

    /// The key that makes a scheduler's inactivity event unique: one per conversation, window and quiet spell.
    public static func inactivityKey(_ conversation: Conversation, windowMinutes: Int) -> String {
        "inactivity:\(conversation.id.uuidString.lowercased()):\(windowMinutes):\(Int(conversation.lastMessageAt.timeIntervalSince1970 * 1000))"
    }
}
