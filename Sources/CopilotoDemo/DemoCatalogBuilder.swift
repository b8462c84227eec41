import CopilotoCore
import Foundation

/// Turns the catalogue tables into categories, products and discount coupons.
enum DemoCatalogBuilder {
    /// Categories and products from the tables, created about half a year ago.
    static func catalog(categoryNames: [String], rows: [DemoProductRow], context: DemoContext,
                        rng: inout SeededGenerator) -> (categories: [Category], products: [Product]) {
        let opened = context.local(days: -200, hour: 9)
        var categories: [Category] = []
        for (index, name) in categoryNames.enumerated() {
            let createdAt = opened.addingTimeInterval(Double(index) * 60)
            categories.append(Category(id: rng.uuid(), tenantId: context.tenantId, name: name, createdAt: createdAt))
        }
        var products: [Product] = []
        for (index, row) in rows.enumerated() {
            let createdAt = opened.addingTimeInterval(3_600 + Double(index) * 300)
            let category = categories.indices.contains(row.category) ? categories[row.category].id : nil
            products.append(Product(id: rng.uuid(), tenantId: context.tenantId, name: row.name, sku: row.sku,
                                    price: Money(cents: row.cents), stock: row.stock, categoryId: category,
                                    ncm: row.ncm, cest: row.cest, active: row.active, createdAt: createdAt))
        }
        return (categories, products)
    }

    /// The coupons of "Loja Demo": a welcome percentage, a fixed shipping discount, a VIP one and an expired sale.
    static func discounts(context: DemoContext, rng: inout SeededGenerator) -> [Discount] {
        let tenant = context.tenantId
        return [
            Discount(id: rng.uuid(), tenantId: tenant, code: "BEMVINDO10", percent: Percent(basisPoints: 1000),
                     createdAt: context.local(days: -180, hour: 10)),
            Discount(id: rng.uuid(), tenantId: tenant, code: "FRETE15", amount: Money(cents: 1500),
                     validUntil: context.local(days: 60, hour: 23, minute: 59), minOrderValue: Money(cents: 15000),
                     createdAt: context.local(days: -120, hour: 10)),
            Discount(id: rng.uuid(), tenantId: tenant, code: "VIP20", percent: Percent(basisPoints: 2000),
                     minOrderValue: Money(cents: 20000), usageLimit: 40, createdAt: context.local(days: -150, hour: 10)),
            Discount(id: rng.uuid(), tenantId: tenant, code: "QUEIMA30", percent: Percent(basisPoints: 3000),
                     validUntil: context.local(days: -40, hour: 23, minute: 59), usageLimit: 25,
                     createdAt: context.local(days: -55, hour: 10)),
        ]
    }

    /// Which coupon (index into `discounts`) an order may use, given the customer's tags and the order's first-ness.
    static func coupon(for subtotal: Money, at date: Date, tags: [String], firstOrder: Bool, discounts: [Discount],
                       rng: inout SeededGenerator) -> Int? {
        var wanted: [String] = []
        if firstOrder, rng.chance(0.5) { wanted.append("BEMVINDO10") }
        if tags.contains("vip"), rng.chance(0.35) { wanted.append("VIP20") }
        if rng.chance(0.08) { wanted.append("FRETE15") }
        if rng.chance(0.12) { wanted.append("QUEIMA30") }
        for code in wanted {
            guard let index = discounts.firstIndex(where: { $0.code == code }),
                  discounts[index].createdAt <= date,
                  discounts[index].reduction(on: subtotal, at: date) != nil else { continue }
            return index
        }
        return nil
    }
}
