import CopilotoCore
import Foundation

/// What a copilot reads when it runs for an event: the event, the conversation's latest messages and the CRM
/// ticket it is about, when there are such.
public struct EventContext: Sendable {
    public var event: CopilotEvent
    public var messages: [InboxMessage]
    public var ticket: Ticket?

    public init(event: CopilotEvent, messages: [InboxMessage] = [], ticket: Ticket? = nil) {
        self.event = event
        self.messages = messages
        self.ticket = ticket
    }

    /// How many messages of a conversation a run reads.
    public static let messageLimit = 30

    /// Contexts for a batch of events of one tenant, in two reads: the messages of every conversation at once, and
    /// the CRM tickets the ticket events name.
    public static func load(_ events: [CopilotEvent], in tx: any TenantStore) async throws -> [UUID: EventContext] {
        let threads = try await tx.copilotEvents.messages(conversationIds: events.compactMap(\.conversationId), limit: messageLimit)
        var result: [UUID: EventContext] = [:]
        for event in events {
            var context = EventContext(event: event, messages: event.conversationId.flatMap { threads[$0] } ?? [])
            if event.conversationId == nil, let ticket = event.ticketId { context.ticket = try await tx.tickets.find(ticket) }
            result[event.id] = context
        }
        return result
    }

    /// The context as text for a model, in pt-BR (the copilot's prompt says what to do with it).
    public var transcript: String {
        var lines = ["Evento: \(event.type) em \(JSONCoding.rfc3339(event.createdAt))"]
        if event.payload != .object([:]) { lines.append("Dados do evento: \(event.payload.encoded())") }
        if let ticket {
            lines.append("Ticket #\(ticket.number): \(ticket.subject) (status \(ticket.status.rawValue), prioridade \(ticket.priority.rawValue))")
            if let description = ticket.description { lines.append("Descrição: \(description)") }
        }
        if !messages.isEmpty {
            lines.append("Conversa (mensagens mais recentes por último):")
            for message in messages {
                lines.append("[\(Self.speaker(message.sender)) \(JSONCoding.rfc3339(message.createdAt))] \(message.text)")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func speaker(_ sender: SenderType) -> String {
        switch sender {
        case .contact: "cliente"
        case .agent: "vendedor"
        case .aiAgent: "IA"
        case .system: "sistema"
        }
    }
}
