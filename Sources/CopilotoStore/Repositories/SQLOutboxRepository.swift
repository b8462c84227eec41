import CopilotoCore
import Foundation
import SQLKit

/// Outbound messages waiting for a channel to deliver them.
struct SQLOutboxRepository: OutboxRepository {
    let db: any SQLDatabase
    let tenant: UUID

    func enqueue(_ m: OutboundMessage) async throws {
        try await db.insert(into: "outbox_messages")
            .columns("id", "tenant_id", "channel", "recipient", "customer_id", "invoice_id", "body", "status", "created_at")
            .values(SQLBind(m.id.text), SQLBind(tenant.text), SQLBind(m.channel.rawValue), SQLBind(m.recipient),
                    SQLBind(m.customerId.text), SQLBind(m.invoiceId.text), SQLBind(m.body), SQLBind(m.status),
                    SQLBind(m.createdAt.epochMillis)).run()
    }

    func list(invoiceId: UUID?) async throws -> [OutboundMessage] {
        var query = db.select().column("*").from("outbox_messages").where("tenant_id", .equal, tenant.text)
        if let invoiceId { query = query.where("invoice_id", .equal, invoiceId.text) }
        return try await query.orderBy("created_at").all().map { row in
            OutboundMessage(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"),
                            channel: try row.enumValue("channel", as: OutboundMessage.Channel.self),
                            recipient: try row.string("recipient"), customerId: try row.optionalUUID("customer_id"),
                            invoiceId: try row.optionalUUID("invoice_id"), body: try row.string("body"),
                            status: try row.string("status"), createdAt: try row.date("created_at"))
        }
    }
}
