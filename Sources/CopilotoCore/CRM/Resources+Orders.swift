import Foundation

extension Resources {
    /// `/v1/orders`: items are fixed at creation; afterwards only status and customer change.
    public static let orders = ResourceSpec<Order>(
        name: "orders", listAction: "listOrders", createAction: "createOrder",
        updateAction: "updateOrderStatus", deleteAction: "deleteOrder",
        fields: ["customerId", "items", "discountCode", "status"], updateFields: ["customerId", "status"],
        filters: ["status", "customerId"],
        build: { r, ctx in
            let customerId = r.uuid("customerId")
            let status = r.choice("status", as: OrderStatus.self) ?? ctx.existing?.status ?? .pending
            if let old = ctx.existing {
                if !old.status.canMove(to: status) { r.fail("status", .notAllowed, "\(old.status.rawValue) → \(status.rawValue)") }
                var copy = old
                copy.customerId = customerId
                copy.status = status
                copy.updatedAt = ctx.now
                return copy
            }
            let code = r.string("discountCode", max: 40)?.uppercased()
            let items = r.objects("items", required: true, allowed: ["productId", "description", "quantity", "unitPrice"]) { (item: inout FieldReader) -> OrderItem? in
                let productId = item.uuid("productId")
                let description = item.string("description", required: productId == nil, max: 300)
                let quantity = item.int("quantity", required: true, range: 1...100_000)
                let price = item.money("unitPrice", required: productId == nil)
                guard let quantity else { return nil }
                return OrderItem(productId: productId, description: description ?? "", quantity: quantity,
                                 unitPrice: price ?? OrderItem.priceFromProduct)
            }
            guard let items else { return nil }
            return Order(tenantId: ctx.tenantId, number: 0, customerId: customerId, status: status, items: items,
                         discountCode: code, createdAt: ctx.now)
        },
        repository: { $0.orders },
        references: { o, tx in try await checkReference(o.customerId, field: "customerId", in: tx.customers) },
        create: { draft, tx in try await OrderRules.place(draft, tx) },
        update: { old, new, tx in try await OrderRules.change(old, to: new, tx) })
}

extension OrderItem {
    /// Marks an item whose price (and description) come from its product when the order is placed.
    public static let priceFromProduct = Money(cents: -1)
}

/// What placing or changing an order does to products, coupons and numbers.
enum OrderRules {
    static func place(_ draft: Order, _ tx: any TenantStore) async throws -> Order {
        let settings = try await tx.settings()
        var items: [OrderItem] = []
        var errors: [FieldError] = []
        for (index, item) in draft.items.enumerated() {
            var line = item
            if let productId = item.productId {
                guard var product = try await tx.products.find(productId), product.active else {
                    errors.append(FieldError(field: "items.\(index).productId", code: .notFound)); continue
                }
                if line.unitPrice == OrderItem.priceFromProduct { line.unitPrice = product.price }
                if line.description.isEmpty { line.description = product.name }
                guard product.stock >= item.quantity else { throw CopilotoError.conflict(reason: .insufficientStock) }
                product.stock -= item.quantity
                product.updatedAt = draft.createdAt
                try await tx.products.update(product)
            }
            items.append(line)
        }
        if !errors.isEmpty { throw CopilotoError.invalid(errors) }
        var order = Order(id: draft.id, tenantId: draft.tenantId, number: try await tx.nextNumber(.order),
                          customerId: draft.customerId, status: draft.status, items: items, currency: settings.currency,
                          discountCode: draft.discountCode, createdAt: draft.createdAt)
        if let code = draft.discountCode {
            guard var coupon = try await tx.discounts.list(PageRequest(limit: 1, equals: ["code": code])).items.first,
                  let off = coupon.reduction(on: order.subtotal, at: draft.createdAt) else {
                throw CopilotoError.invalid([FieldError(field: "discountCode", code: .notAllowed)])
            }
            order.discountTotal = off
            order.total = order.subtotal - off
            coupon.usageCount += 1
            try await tx.discounts.update(coupon)
        }
        try await tx.orders.insert(order)
        return order
    }

    /// Applies a status change; cancelling puts the items back in stock.
    static func change(_ old: Order, to new: Order, _ tx: any TenantStore) async throws -> Order {
        if new.status == .cancelled, old.status != .cancelled {
            for item in old.items {
                guard let id = item.productId, var product = try await tx.products.find(id) else { continue }
                product.stock += item.quantity
                product.updatedAt = new.updatedAt
                try await tx.products.update(product)
            }
        }
        try await tx.orders.update(new)
        return new
    }
}
