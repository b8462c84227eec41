import CopilotoCore
import Foundation

/// Bills a share of the orders: companies always (28-day boleto), people half of the time (Pix, card or 7-day boleto).
///
/// Paid invoices carry their payment; some unpaid ones are not yet due, and some are past their due day
/// and still open — the overdue invoices reminders and KPIs work on.
enum DemoInvoiceBuilder {
    /// Invoices for `orders`, in the orders' (chronological) order.
    static func invoices(orders: [Order], customers: [Customer], context: DemoContext,
                         rng: inout SeededGenerator) -> [DemoInvoice] {
        let byId = Dictionary(customers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [DemoInvoice] = []
        for order in orders where order.status != .cancelled {
            guard let customerId = order.customerId, let customer = byId[customerId] else { continue }
            let business = DemoCustomerBuilder.isBusiness(customer)
            guard business || rng.chance(0.5) else { continue }
            let term = business ? 28 : (rng.chance(0.4) ? 7 : 0)
            let due = context.calendar.adding(days: term, to: order.createdAt)
            let invoice = Invoice(id: rng.uuid(), tenantId: context.tenantId, number: 0, customerId: customerId,
                                  orderId: order.id, items: lines(of: order), amount: order.total, currency: order.currency,
                                  dueDate: context.calendar.day(of: due),
                                  createdAt: context.notAfterNow(order.createdAt.addingTimeInterval(300)))
            let payments = settle(invoice, order: order, term: term, business: business, context: context, rng: &rng)
            result.append(DemoInvoice(invoice: invoice, payments: payments))
        }
        return result
    }

    /// The order's lines, plus a negative line for its coupon so the lines add up to the amount.
    static func lines(of order: Order) -> [InvoiceItem] {
        var lines = order.items.map { InvoiceItem(description: $0.description, quantity: $0.quantity, unitPrice: $0.unitPrice) }
        if order.discountTotal.cents > 0 {
            let label = order.discountCode.map { "Desconto (\($0))" } ?? "Desconto"
            lines.append(InvoiceItem(description: label, quantity: 1, unitPrice: Money(cents: -order.discountTotal.cents)))
        }
        return lines
    }

    /// The payments an invoice received: none (open or overdue), half (overdue, partly paid) or all of it.
    static func settle(_ invoice: Invoice, order: Order, term: Int, business: Bool, context: DemoContext,
                       rng: inout SeededGenerator) -> [Payment] {
        let method = Self.method(term: term, rng: &rng)
        let pastDue = invoice.dueDate < context.today
        switch order.status {
        case .pending, .cancelled:
            return []
        case .paid:
            return [payment(invoice, invoice.amount, method, at: order.updatedAt, context, &rng)]
        case .shipped, .delivered:
            if term == 0 {
                return [payment(invoice, invoice.amount, method, at: order.createdAt.addingTimeInterval(600), context, &rng)]
            }
            if !pastDue, rng.chance(0.5) { return [] }
            if pastDue, rng.chance(business ? 0.12 : 0.08) {
                guard rng.chance(0.3) else { return [] }
                let half = Money(cents: invoice.amount.cents / 2)
                let when = context.calendar.adding(days: rng.int(in: 1...5), to: order.createdAt)
                return [payment(invoice, half, method, at: when, context, &rng)]
            }
            let latest = max(1, min(term, context.age(order.createdAt)))
            let when = context.calendar.adding(days: rng.int(in: 1...latest), to: order.createdAt)
            return [payment(invoice, invoice.amount, method, at: when, context, &rng)]
        }
    }

    /// How people pay with each term: on the spot by Pix or card, or by boleto/transfer later.
    static func method(term: Int, rng: inout SeededGenerator) -> Payment.Method {
        switch term {
        case 0: rng.chance(0.6) ? .pix : .card
        case 1...10: rng.chance(0.7) ? .boleto : .pix
        default: rng.chance(0.75) ? .boleto : .transfer
        }
    }

    /// A payment of `amount` at `date` (never in the future, never before the invoice).
    static func payment(_ invoice: Invoice, _ amount: Money, _ method: Payment.Method, at date: Date,
                        _ context: DemoContext, _ rng: inout SeededGenerator) -> Payment {
        let paidAt = max(invoice.createdAt, context.notAfterNow(date))
        return Payment(id: rng.uuid(), invoiceId: invoice.id, amount: amount, method: method, paidAt: paidAt)
    }
}
