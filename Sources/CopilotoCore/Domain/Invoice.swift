import Foundation

/// Stored invoice states; "overdue" is derived from the due date, not stored.
public enum InvoiceStatus: String, Sendable, Codable, CaseIterable {
    case open, paid, cancelled
}

/// A bill to a customer, with the payments received against it.
public struct Invoice: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var tenantId: UUID
    public var number: Int
    public var customerId: UUID
    public var orderId: UUID?
    public var items: [InvoiceItem]
    public var amount: Money
    public var paidAmount: Money
    public var currency: String
    public var status: InvoiceStatus
    /// Day the payment is due, "YYYY-MM-DD" in the tenant's time zone.
    public var dueDate: String
    public var payments: [Payment]
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, number: Int, customerId: UUID, orderId: UUID? = nil,
                items: [InvoiceItem], amount: Money, paidAmount: Money = .zero, currency: String = "BRL",
                status: InvoiceStatus = .open, dueDate: String, payments: [Payment] = [],
                createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.tenantId = tenantId
        self.number = number
        self.customerId = customerId
        self.orderId = orderId
        self.items = items
        self.amount = amount
        self.paidAmount = paidAmount
        self.currency = currency
        self.status = status
        self.dueDate = dueDate
        self.payments = payments
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// What is still to be paid.
    public var balance: Money { amount - paidAmount }

    /// True when open and the due day is before `today` ("YYYY-MM-DD" in the tenant's zone).
    public func isOverdue(today: String) -> Bool { status == .open && dueDate < today }
}

/// One line of an invoice.
public struct InvoiceItem: Sendable, Equatable, Codable {
    public var description: String
    public var quantity: Int
    public var unitPrice: Money

    public init(description: String, quantity: Int, unitPrice: Money) {
        self.description = description
        self.quantity = quantity
        self.unitPrice = unitPrice
    }

    public var total: Money { unitPrice * quantity }
}

/// Money received against an invoice.
public struct Payment: Sendable, Equatable, Codable, Identifiable {
    /// How the customer paid.
    public enum Method: String, Sendable, Codable, CaseIterable { case pix, boleto, card, cash, transfer, other }
    public var id: UUID
    public var invoiceId: UUID
    public var amount: Money
    public var method: Method
    public var paidAt: Date

    public init(id: UUID = UUID(), invoiceId: UUID, amount: Money, method: Method, paidAt: Date = Date()) {
        self.id = id
        self.invoiceId = invoiceId
        self.amount = amount
        self.method = method
        self.paidAt = paidAt
    }
}
