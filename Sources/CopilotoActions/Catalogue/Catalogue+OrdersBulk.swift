import CopilotoCore
import Foundation

extension Catalogue {
    /// `bulkUpdateOrderStatus`: every order goes through the same status rules as a single update.
    static let bulkOrders = ActionDefinition(
        name: "bulkUpdateOrderStatus", title: LocalizedText("Mudar status de vários pedidos", "Bulk update order status"),
        description: LocalizedText("Muda o status de vários pedidos (#número ou id).", "Changes the status of many orders."),
        parameters: Schema.object([
            "orderIds": Schema.array("Pedidos: ids ou números", of: Schema.reference("Pedido"), maxItems: 500),
            "status": Schema.choice("Novo status", OrderStatus.allCases.map(\.rawValue)),
        ], required: ["orderIds", "status"]),
        risk: .write,
        canonicalize: { params, ctx in
            let ids = try await orderIds(params, ctx.tx)
            for id in ids { _ = try await drafts(id, params, ctx) }
            return params.setting("orderIds", .array(ids.map { .string($0.uuidString.lowercased()) }))
        },
        preview: { params, ctx in
            let ids = try await orderIds(params, ctx.tx)
            var sample: [JSONValue] = []
            for id in ids.prefix(5) {
                let (old, new) = try await drafts(id, params, ctx)
                sample.append(["id": .string(id.uuidString), "number": .number(Double(old.number)),
                               "before": .string(old.status.rawValue), "after": .string(new.status.rawValue)])
            }
            let status = params.string("status") ?? ""
            let summary = ctx.language == .en ? "Set status \(status) on \(ids.count) order(s)."
                : "Mudar o status de \(ids.count) pedido(s) para \(status)."
            return ActionPreview(summary: summary, count: ids.count, sample: sample)
        },
        execute: { params, ctx in
            let ids = try await orderIds(params, ctx.tx)
            for id in ids {
                let (old, new) = try await drafts(id, params, ctx)
                _ = try await ResourceOperations.commitUpdate(Resources.orders, old: old, new: new, tx: ctx.tx)
            }
            return ["updated": .number(Double(ids.count))]
        })

    private static func orderIds(_ params: JSONValue, _ tx: any TenantStore) async throws -> [UUID] {
        guard case .array(let values)? = params["orderIds"], !values.isEmpty else {
            throw CopilotoError.invalid([FieldError(field: "orderIds", code: .required)])
        }
        var ids: [UUID] = []
        for (index, value) in values.enumerated() {
            ids.append(try await References.resolve(value, field: "orderIds.\(index)", sequence: .order, tx: tx))
        }
        return Array(Set(ids)).sorted { $0.uuidString < $1.uuidString }
    }

    private static func drafts(_ id: UUID, _ params: JSONValue, _ ctx: ActionContext) async throws -> (Order, Order) {
        try await ResourceOperations.draftUpdate(Resources.orders, ctx.identity, id: id,
                                                 patch: ["status": params["status"] ?? .null], now: ctx.now, tx: ctx.tx)
    }
}
