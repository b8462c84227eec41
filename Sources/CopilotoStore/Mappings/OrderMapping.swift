import CopilotoCore
import Foundation
import SQLKit

enum OrderMapping: SQLMapping {
    static let table = "orders"
    static let filterColumns = ["status": "status", "customerId": "customer_id", "number": "number"]
    static let rangeColumn: String? = "created_at"

    static func values(_ o: Order) -> [(String, SQLValue)] {
        [("number", o.number), ("customer_id", o.customerId.text), ("status", o.status.rawValue),
         ("subtotal_cents", o.subtotal.cents), ("discount_cents", o.discountTotal.cents), ("total_cents", o.total.cents),
         ("currency", o.currency), ("discount_code", o.discountCode),
         ("search_text", TextFolding.searchText("#\(o.number)", String(o.number), o.status.rawValue,
                                                o.items.map(\.description).joined(separator: " "))),
         ("created_at", o.createdAt.epochMillis), ("updated_at", o.updatedAt.epochMillis)]
    }

    static func decode(_ row: any SQLRow) throws -> Order {
        var order = Order(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), number: try row.int("number"),
                          customerId: try row.optionalUUID("customer_id"),
                          status: try row.enumValue("status", as: OrderStatus.self), items: [],
                          discountTotal: try row.money("discount_cents"), currency: try row.string("currency"),
                          discountCode: try row.optionalString("discount_code"),
                          createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
        order.subtotal = try row.money("subtotal_cents")
        order.total = try row.money("total_cents")
        return order
    }

    static func sortValue(_ o: Order) -> Int { o.createdAt.epochMillis }

    static func loadChildren(_ orders: [Order], db: any SQLDatabase, tenant: UUID) async throws -> [Order] {
        guard !orders.isEmpty else { return orders }
        let rows = try await db.select().column("*").from("order_items")
            .where("tenant_id", .equal, tenant.text)
            .where(SQLColumn("order_id"), .in, SQLBind.group(orders.map(\.id.text)))
            .orderBy("position").all()
        var byOrder: [UUID: [OrderItem]] = [:]
        for row in rows {
            let item = OrderItem(id: try row.uuid("id"), productId: try row.optionalUUID("product_id"),
                                 description: try row.string("description"), quantity: try row.int("quantity"),
                                 unitPrice: try row.money("unit_price_cents"))
            byOrder[try row.uuid("order_id"), default: []].append(item)
        }
        return orders.map { order in
            var copy = order
            copy.items = byOrder[order.id] ?? []
            return copy
        }
    }

    static func saveChildren(_ order: Order, db: any SQLDatabase, tenant: UUID, isNew: Bool) async throws {
        if !isNew {
            try await db.delete(from: "order_items").where("tenant_id", .equal, tenant.text)
                .where("order_id", .equal, order.id.text).run()
        }
        guard !order.items.isEmpty else { return }
        var insert = db.insert(into: "order_items").columns(
            "id", "tenant_id", "order_id", "position", "product_id", "description", "quantity", "unit_price_cents", "total_cents")
        for (position, item) in order.items.enumerated() {
            insert = insert.values(SQLBind(item.id.text), SQLBind(tenant.text), SQLBind(order.id.text), SQLBind(position),
                                   SQLBind(item.productId.text), SQLBind(item.description), SQLBind(item.quantity),
                                   SQLBind(item.unitPrice.cents), SQLBind(item.total.cents))
        }
        try await insert.run()
    }
}
