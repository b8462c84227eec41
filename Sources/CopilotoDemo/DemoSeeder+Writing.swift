import CopilotoCore
import Foundation

extension DemoSeeder {
    /// Writes one tenant's records: a few transactions, each inserting a whole group, so SQLite stays fast.
    ///
    /// Orders, invoices and tickets take their numbers from the tenant's sequences here, in the order they
    /// were built (oldest first), so numbers grow with time.
    func write(_ data: DemoTenantData, to tenantId: UUID) async throws {
        try await store.withTenant(tenantId) { tx in
            for category in data.categories { try await tx.categories.insert(category) }
            for product in data.products { try await tx.products.insert(product) }
            for discount in data.discounts { try await tx.discounts.insert(discount) }
            for customer in data.customers { try await tx.customers.insert(customer) }
        }
        try await store.withTenant(tenantId) { tx in
            for var order in data.orders {
                order.number = try await tx.nextNumber(.order)
                try await tx.orders.insert(order)
            }
        }
        try await store.withTenant(tenantId) { tx in
            for entry in data.invoices { try await Self.insert(entry, tx) }
        }
        try await store.withTenant(tenantId) { tx in
            for item in data.agenda { try await tx.agenda.insert(item) }
            for var ticket in data.tickets {
                ticket.number = try await tx.nextNumber(.ticket)
                try await tx.tickets.insert(ticket)
            }
            for note in data.notes { try await tx.notes.insert(note) }
        }
    }

    /// Inserts an invoice as issued (open, nothing paid), then registers its payments one by one,
    /// updating paid amount and status the way a real payment does.
    static func insert(_ entry: DemoInvoice, _ tx: any TenantStore) async throws {
        var invoice = entry.invoice
        invoice.number = try await tx.nextNumber(.invoice)
        invoice.status = .open
        invoice.paidAmount = .zero
        invoice.payments = []
        try await tx.invoices.insert(invoice)
        for payment in entry.payments {
            invoice.paidAmount = invoice.paidAmount + payment.amount
            invoice.status = invoice.balance.cents <= 0 ? .paid : .open
            invoice.updatedAt = payment.paidAt
            invoice.payments.append(payment)
            try await tx.addPayment(payment, to: invoice)
        }
    }
}
