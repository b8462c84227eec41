import Foundation

/// The life of an order, with the changes allowed between states.
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    case pending, paid, shipped, delivered, cancelled

    /// True when an order in this state may move to `next`.
    public func canMove(to next: OrderStatus) -> Bool {
        switch (self, next) {
        case (let a, let b) where a == b: true
        case (.cancelled, _), (.delivered, .pending), (.delivered, .paid), (.delivered, .cancelled): false
        case (.shipped, .pending), (.shipped, .paid): false
        default: true
        }
    }
}

/// A customer's order with its items; `number` is the tenant's human number (#1001…).
public struct Order: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var tenantId: UUID
    public var number: Int
    public var customerId: UUID?
    public var status: OrderStatus
    public var items: [OrderItem]
    public var subtotal: Money
    public var discountTotal: Money
    public var total: Money
    public var currency: String
    public var discountCode: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, number: Int, customerId: UUID?, status: OrderStatus = .pending,
                items: [OrderItem], discountTotal: Money = .zero, currency: String = "BRL", discountCode: String? = nil,
                createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.tenantId = tenantId
        self.number = number
        self.customerId = customerId
        self.status = status
        self.items = items
        self.subtotal = items.reduce(.zero) { $0 + $1.total }
        self.discountTotal = discountTotal
        self.total = subtotal - discountTotal
        self.currency = currency
        self.discountCode = discountCode
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// One line of an order.
public struct OrderItem: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var productId: UUID?
    public var description: String
    public var quantity: Int
    public var unitPrice: Money
    public var total: Money { unitPrice * quantity }

    public init(id: UUID = UUID(), productId: UUID?, description: String, quantity: Int, unitPrice: Money) {
        self.id = id
        self.productId = productId
        self.description = description
        self.quantity = quantity
        self.unitPrice = unitPrice
    }

    enum CodingKeys: String, CodingKey { case id, productId, description, quantity, unitPrice, total }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        productId = try container.decodeIfPresent(UUID.self, forKey: .productId)
        description = try container.decode(String.self, forKey: .description)
        quantity = try container.decode(Int.self, forKey: .quantity)
        unitPrice = try container.decode(Money.self, forKey: .unitPrice)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(productId, forKey: .productId)
        try container.encode(description, forKey: .description)
        try container.encode(quantity, forKey: .quantity)
        try container.encode(unitPrice, forKey: .unitPrice)
        try container.encode(total, forKey: .total)
    }
}
