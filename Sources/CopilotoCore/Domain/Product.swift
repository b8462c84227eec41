import Foundation

/// A product or service the tenant sells.
public struct Product: Sendable, Equatable, Codable, Identifiable {
    /// Stock, set or adjusted, stays within ±1,000,000 units.
    public static let stockLimit = 1_000_000

    public var id: UUID
    public var tenantId: UUID
    public var name: String
    public var sku: String?
    public var price: Money
    public var stock: Int
    public var categoryId: UUID?
    /// Mercosul classification, eight digits.
    public var ncm: String?
    /// Tax substitution code, seven digits.
    public var cest: String?
    public var active: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, name: String, sku: String? = nil, price: Money, stock: Int = 0,
                categoryId: UUID? = nil, ncm: String? = nil, cest: String? = nil, active: Bool = true,
                createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.tenantId = tenantId
        self.name = name
        self.sku = sku
        self.price = price
        self.stock = stock
        self.categoryId = categoryId
        self.ncm = ncm
        self.cest = cest
        self.active = active
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// A product category; categories nest through `parentId`.
public struct Category: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var tenantId: UUID
    public var name: String
    public var parentId: UUID?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, name: String, parentId: UUID? = nil,
                createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.tenantId = tenantId
        self.name = name
        self.parentId = parentId
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// A discount coupon: a percentage or a fixed amount off an order.
public struct Discount: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var tenantId: UUID
    /// Upper-case code customers type ("BEMVINDO10").
    public var code: String
    public var percent: Percent?
    public var amount: Money?
    public var validUntil: Date?
    public var minOrderValue: Money?
    public var usageLimit: Int?
    public var usageCount: Int
    public var active: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, code: String, percent: Percent? = nil, amount: Money? = nil,
                validUntil: Date? = nil, minOrderValue: Money? = nil, usageLimit: Int? = nil, usageCount: Int = 0,
                active: Bool = true, createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.tenantId = tenantId
        self.code = code
        self.percent = percent
        self.amount = amount
        self.validUntil = validUntil
        self.minOrderValue = minOrderValue
        self.usageLimit = usageLimit
        self.usageCount = usageCount
        self.active = active
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The amount this coupon takes off `subtotal` at `date`, or nil when it does not apply.
    public func reduction(on subtotal: Money, at date: Date) -> Money? {
        guard active else { return nil }
        if let validUntil, date > validUntil { return nil }
        if let usageLimit, usageCount >= usageLimit { return nil }
        if let minOrderValue, subtotal < minOrderValue { return nil }
        let off = percent.map { subtotal.percent(basisPoints: $0.basisPoints) } ?? amount ?? .zero
        return min(off, subtotal)
    }
}
