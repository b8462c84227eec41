import CopilotoCore
import Foundation

/// Builds orders spread over the last weeks, oldest first, with statuses that follow their age.
enum DemoOrderBuilder {
    /// How many orders a day, going back `days` days; the last `busyDays` days get one more each.
    struct Plan: Sendable {
        var days: Int
        var perWeekday: ClosedRange<Int>
        var perSaturday: ClosedRange<Int>
        var perSunday: ClosedRange<Int>
        var busyDays: Int
    }

    /// Orders in chronological order (number 0: the writer numbers them); coupons used are counted in `discounts`.
    static func orders(plan: Plan, customers: [Customer], products: [Product], discounts: inout [Discount],
                       context: DemoContext, rng: inout SeededGenerator) -> [Order] {
        let sellable = products.filter(\.active)
        var buyers = Set<UUID>()
        var result: [Order] = []
        for createdAt in timestamps(plan: plan, context: context, rng: &rng) {
            let eligible = customers.filter { $0.createdAt < createdAt }
            guard let index = rng.weightedIndex(eligible.map(DemoCustomerBuilder.weight)) else { continue }
            let customer = eligible[index]
            // What is sold out now was still in stock weeks ago, but not in the last two weeks.
            let available = context.age(createdAt) < 14 ? sellable.filter { $0.stock > 0 } : sellable
            let items = Self.items(business: DemoCustomerBuilder.isBusiness(customer), products: available, rng: &rng)
            guard !items.isEmpty else { continue }
            let subtotal = items.reduce(Money.zero) { $0 + $1.total }
            var off = Money.zero
            var code: String?
            if let coupon = DemoCatalogBuilder.coupon(for: subtotal, at: createdAt, tags: customer.tags,
                                                      firstOrder: !buyers.contains(customer.id), discounts: discounts,
                                                      rng: &rng) {
                off = discounts[coupon].reduction(on: subtotal, at: createdAt) ?? .zero
                code = discounts[coupon].code
                discounts[coupon].usageCount += 1
            }
            buyers.insert(customer.id)
            let status = Self.status(age: context.age(createdAt), rng: &rng)
            let updatedAt = context.notAfterNow(updated(createdAt, status, &rng))
            result.append(Order(id: rng.uuid(), tenantId: context.tenantId, number: 0, customerId: customer.id,
                                status: status, items: items, discountTotal: off, currency: "BRL", discountCode: code,
                                createdAt: createdAt, updatedAt: updatedAt))
        }
        return result
    }

    /// Order times, oldest first, between 9h and 21h local (the web shop outlives the counter) and never after now.
    static func timestamps(plan: Plan, context: DemoContext, rng: inout SeededGenerator) -> [Date] {
        var dates: [Date] = []
        for daysAgo in stride(from: plan.days - 1, through: 0, by: -1) {
            let weekday = context.weekday(context.local(days: -daysAgo, hour: 12))
            let range = weekday == 1 ? plan.perSunday : weekday == 7 ? plan.perSaturday : plan.perWeekday
            let count = rng.int(in: range) + (daysAgo < plan.busyDays ? 1 : 0)
            for _ in 0..<count {
                let time = context.local(days: -daysAgo, hour: rng.int(in: 9...20), minute: rng.int(in: 0...59))
                    .addingTimeInterval(Double(rng.int(in: 0...59)))
                dates.append(time > context.now ? context.now.addingTimeInterval(-Double(rng.int(in: 2...180)) * 60) : time)
            }
        }
        return dates.sorted()
    }

    /// One to four distinct products; businesses buy several units of each.
    static func items(business: Bool, products: [Product], rng: inout SeededGenerator) -> [OrderItem] {
        let count = (rng.weightedIndex([40, 30, 20, 10]) ?? 0) + 1
        return rng.sample(products, count: count).map { product in
            let service = product.ncm == nil  // services carry no NCM; one booking per line
            let quantity = service ? 1 : business ? rng.int(in: 2...6) : (rng.chance(0.2) ? 2 : 1)
            return OrderItem(id: rng.uuid(), productId: product.id, description: product.name, quantity: quantity,
                             unitPrice: product.price)
        }
    }

    /// Older orders are delivered, recent ones paid or shipped, today's mostly pending; a few are cancelled.
    static func status(age: Int, rng: inout SeededGenerator) -> OrderStatus {
        if age >= 1, rng.chance(0.05) { return .cancelled }
        let roll = rng.int(in: 0...99)
        switch age {
        case 10...: return .delivered
        case 4...9: return roll < 50 ? .delivered : roll < 85 ? .shipped : .paid
        case 1...3: return roll < 25 ? .shipped : roll < 65 ? .paid : .pending
        default: return roll < 70 ? .pending : .paid
        }
    }

    /// When the order last changed, from its status.
    static func updated(_ createdAt: Date, _ status: OrderStatus, _ rng: inout SeededGenerator) -> Date {
        let hours: Int = switch status {
        case .pending: 0
        case .paid: rng.int(in: 1...3)
        case .shipped: rng.int(in: 20...50)
        case .delivered: rng.int(in: 48...150)
        case .cancelled: rng.int(in: 1...24)
        }
        return createdAt.addingTimeInterval(Double(hours) * 3_600)
    }
}
