import Foundation

/// A message queued for delivery to a customer (payment reminders now; channel delivery comes with the inbox).
public struct OutboundMessage: Sendable, Equatable, Codable, Identifiable {
    /// How it will be delivered.
    public enum Channel: String, Sendable, Codable, CaseIterable { case email, whatsapp }
    public var id: UUID
    public var tenantId: UUID
    public var channel: Channel
    public var recipient: String
    public var customerId: UUID?
    public var invoiceId: UUID?
    public var body: String
    public var status: String
    public var createdAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, channel: Channel, recipient: String, customerId: UUID?, invoiceId: UUID?,
                body: String, status: String = "queued", createdAt: Date) {
        self.id = id
        self.tenantId = tenantId
        self.channel = channel
        self.recipient = recipient
        self.customerId = customerId
        self.invoiceId = invoiceId
        self.body = body
        self.status = status
        self.createdAt = createdAt
    }
}

/// The outbox of one tenant.
public protocol OutboxRepository: Sendable {
    func enqueue(_ message: OutboundMessage) async throws
    func list(invoiceId: UUID?) async throws -> [OutboundMessage]
}
