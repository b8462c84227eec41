import CopilotoCore
import Foundation

/// Report figures computed from the real orders, invoices and products, in the tenant's time zone and currency.
enum Reports {
    static let groupings = ["day", "week", "month", "product", "category"]

    static func context(_ params: JSONValue, _ ctx: ActionContext) async throws -> (StoreSettings, LocalCalendar, ReportPeriod) {
        let settings = try await ctx.tx.settings()
        let calendar = LocalCalendar(timeZone: settings.timeZone)
        return (settings, calendar, try ReportPeriod.resolve(params, now: ctx.now, calendar: calendar))
    }

    static func kpis(_ params: JSONValue, _ ctx: ActionContext) async throws -> JSONValue {
        let (settings, calendar, period) = try await context(params, ctx)
        let orders = try await ctx.tx.ordersCreated(from: period.from, to: period.to).filter { $0.status != .cancelled }
        let revenue = orders.reduce(Money.zero) { $0 + $1.total }
        let average = orders.isEmpty ? Money.zero : Money(cents: revenue.cents / orders.count)
        let today = calendar.day(of: ctx.now)
        let overdue = try await loadAll(ctx.tx.invoices, PageRequest(equals: ["status": "open"])).filter { $0.isOverdue(today: today) }
        let lowStock = try await loadAll(ctx.tx.products, PageRequest()).filter { $0.active && $0.stock <= 5 }
        return ["period": period.json, "currency": .string(settings.currency), "revenue": revenue.json,
                "orders": .number(Double(orders.count)), "averageTicket": average.json,
                "overdueInvoices": .number(Double(overdue.count)),
                "overdueAmount": overdue.reduce(Money.zero) { $0 + $1.balance }.json,
                "lowStockProducts": .number(Double(lowStock.count))]
    }

    static func sales(_ params: JSONValue, _ ctx: ActionContext) async throws -> JSONValue {
        let (settings, calendar, period) = try await context(params, ctx)
        let groupBy = params.string("groupBy") ?? "day"
        var buckets: [String: (label: String, revenue: Money, orders: Set<UUID>)] = [:]
        let orders = try await loadAll(ctx.tx.orders, PageRequest(from: period.from, to: period.to)).filter { $0.status != .cancelled }
        var categoryOf: [UUID: UUID?] = [:], categoryNames: [UUID: String] = [:]
        if groupBy == "category" {
            for product in try await loadAll(ctx.tx.products, PageRequest()) { categoryOf[product.id] = product.categoryId }
            for category in try await loadAll(ctx.tx.categories, PageRequest()) { categoryNames[category.id] = category.name }
        }
        for order in orders {
            switch groupBy {
            case "product", "category":
                for item in order.items {
                    let key: String, label: String
                    if groupBy == "product" {
                        key = item.productId?.uuidString ?? item.description
                        label = item.description
                    } else {
                        let category = item.productId.flatMap { categoryOf[$0] ?? nil }
                        key = category?.uuidString ?? "none"
                        label = category.flatMap { categoryNames[$0] } ?? (ctx.language == .en ? "No category" : "Sem categoria")
                    }
                    var bucket = buckets[key] ?? (label, .zero, [])
                    bucket.revenue = bucket.revenue + item.total
                    bucket.orders.insert(order.id)
                    buckets[key] = bucket
                }
            default:
                let key = bucketKey(order.createdAt, groupBy, calendar)
                var bucket = buckets[key] ?? (key, .zero, [])
                bucket.revenue = bucket.revenue + order.total
                bucket.orders.insert(order.id)
                buckets[key] = bucket
            }
        }
        let byTime = ["day", "week", "month"].contains(groupBy)
        let rows = buckets.map { key, value in (key, value) }
            .sorted { byTime ? $0.0 < $1.0 : $0.1.revenue > $1.1.revenue }
            .map { key, value -> JSONValue in
                ["key": .string(key), "label": .string(value.label), "revenue": value.revenue.json,
                 "orders": .number(Double(value.orders.count))]
            }
        let total = orders.reduce(Money.zero) { $0 + $1.total }
        return ["period": period.json, "groupBy": .string(groupBy), "currency": .string(settings.currency),
                "total": total.json, "orders": .number(Double(orders.count)), "rows": .array(rows)]
    }

    static func bucketKey(_ date: Date, _ groupBy: String, _ calendar: LocalCalendar) -> String {
        let day = calendar.day(of: date)
        switch groupBy {
        case "month": return String(day.prefix(7))
        case "week":
            var iso = calendar.calendar
            iso.firstWeekday = 2
            iso.minimumDaysInFirstWeek = 4
            let parts = iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
            return String(format: "%04d-W%02d", parts.yearForWeekOfYear ?? 0, parts.weekOfYear ?? 0)
        default: return day
        }
    }

    static func inventory(_ params: JSONValue, _ ctx: ActionContext) async throws -> JSONValue {
        let settings = try await ctx.tx.settings()
        let threshold = params["lowStockBelow"]?.intValue ?? 5
        var equals: [String: String] = [:]
        if let category = params.string("categoryId") { equals["categoryId"] = category }
        let products = try await loadAll(ctx.tx.products, PageRequest(equals: equals)).filter(\.active)
        let low = products.filter { $0.stock < threshold }.sorted { $0.stock < $1.stock }
        let value = products.reduce(Money.zero) { $0 + $1.price * max($1.stock, 0) }
        return ["currency": .string(settings.currency), "products": .number(Double(products.count)),
                "stockValue": value.json, "lowStockBelow": .number(Double(threshold)),
                "lowStock": .array(low.prefix(50).map { ["id": .string($0.id.uuidString), "name": .string($0.name),
                                                         "sku": $0.sku.map(JSONValue.string) ?? .null,
                                                         "stock": .number(Double($0.stock))] })]
    }

    static func customers(_ params: JSONValue, _ ctx: ActionContext) async throws -> JSONValue {
        let (settings, _, period) = try await context(params, ctx)
        let customers = try await loadAll(ctx.tx.customers, PageRequest())
        let newOnes = customers.filter { $0.createdAt >= period.from && $0.createdAt < period.to }
        let orders = try await ctx.tx.ordersCreated(from: period.from, to: period.to).filter { $0.status != .cancelled }
        var spent: [UUID: Money] = [:]
        for order in orders { if let id = order.customerId { spent[id] = (spent[id] ?? .zero) + order.total } }
        let names = Dictionary(customers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let top = spent.sorted { $0.value > $1.value }.prefix(10).map { id, total -> JSONValue in
            ["id": .string(id.uuidString), "name": .string(names[id] ?? ""), "revenue": total.json]
        }
        return ["period": period.json, "currency": .string(settings.currency), "totalCustomers": .number(Double(customers.count)),
                "newCustomers": .number(Double(newOnes.count)), "buyers": .number(Double(spent.count)), "top": .array(top)]
    }
}
