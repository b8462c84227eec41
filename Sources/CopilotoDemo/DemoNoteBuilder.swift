import CopilotoCore
import Foundation

/// Attaches a few notes to VIP customers, recent orders, overdue invoices and open tickets.
enum DemoNoteBuilder {
    /// Notes written by the staff, oldest first.
    static func notes(_ data: DemoTenantData, context: DemoContext, rng: inout SeededGenerator) -> [Note] {
        var notes: [Note] = []
        func add(_ subject: Note.Subject, _ id: UUID, _ text: String, by role: Role, after date: Date,
                 _ rng: inout SeededGenerator) {
            let createdAt = context.notAfterNow(date.addingTimeInterval(Double(rng.int(in: 1...48)) * 3_600))
            notes.append(Note(id: rng.uuid(), tenantId: context.tenantId, subjectType: subject, subjectId: id,
                              authorId: context.user(role)?.id, text: text, createdAt: createdAt))
        }
        let regulars = data.customers.filter { $0.tags.contains("vip") || $0.tags.contains("recorrente") }
        for (customer, text) in zip(rng.sample(regulars, count: DemoTexts.customerNotes.count), DemoTexts.customerNotes) {
            add(.customer, customer.id, text, by: .attendant, after: customer.createdAt, &rng)
        }
        let recentOrders = data.orders.suffix(20).filter { $0.status != .cancelled }
        for (order, text) in zip(rng.sample(Array(recentOrders), count: DemoTexts.orderNotes.count), DemoTexts.orderNotes) {
            add(.order, order.id, text, by: .attendant, after: order.createdAt, &rng)
        }
        let overdue = data.invoices.filter { $0.invoice.dueDate < context.today && !isSettled($0) }.map(\.invoice)
        for (invoice, text) in zip(rng.sample(overdue, count: DemoTexts.invoiceNotes.count), DemoTexts.invoiceNotes) {
            add(.invoice, invoice.id, text, by: .finance, after: context.local(days: -3, hour: 9), &rng)
        }
        let openTickets = data.tickets.filter { $0.status == .open || $0.status == .escalated }
        for (ticket, text) in zip(openTickets, DemoTexts.ticketNotes) {
            add(.ticket, ticket.id, text, by: .attendant, after: ticket.createdAt, &rng)
        }
        return notes.sorted { $0.createdAt < $1.createdAt }
    }

    /// True when the invoice's payments cover its amount.
    static func isSettled(_ entry: DemoInvoice) -> Bool {
        entry.payments.reduce(Money.zero) { $0 + $1.amount } >= entry.invoice.amount
    }
}
