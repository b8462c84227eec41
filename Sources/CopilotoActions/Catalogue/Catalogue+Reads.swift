import CopilotoCore
import Foundation

extension Catalogue {
    static let reads: [ActionDefinition] = [
        ActionDefinition(
            name: "searchCustomers", title: LocalizedText("Buscar clientes", "Search customers"),
            description: LocalizedText("Busca clientes por nome, e-mail, telefone ou documento.",
                                       "Finds customers by name, e-mail, phone or document."),
            parameters: Schema.object(["query": Schema.string("Texto de busca"), "limit": Schema.integer("Máximo", minimum: 1, maximum: 50)],
                                      required: ["query"]),
            risk: .read, preview: readPreview,
            execute: { params, ctx in
                let limit = params["limit"]?.intValue ?? 10
                let page = try await ctx.tx.customers.list(PageRequest(limit: limit, query: params.string("query")))
                return ["items": try JSONCoding.value(page.items)]
            }),
        ActionDefinition(
            name: "searchProducts", title: LocalizedText("Buscar produtos", "Search products"),
            description: LocalizedText("Busca produtos por SKU ou nome.", "Finds products by SKU or name."),
            parameters: Schema.object(["query": Schema.string("SKU ou nome"), "limit": Schema.integer("Máximo", minimum: 1, maximum: 50)],
                                      required: ["query"]),
            risk: .read, preview: readPreview,
            execute: { params, ctx in
                let query = params.string("query") ?? ""
                let bySKU = try await ctx.tx.products.list(PageRequest(limit: 1, equals: ["sku": query.uppercased()])).items
                let items = bySKU.isEmpty ? try await ctx.tx.products.list(PageRequest(limit: 10, query: query)).items : bySKU
                return ["items": try JSONCoding.value(items)]
            }),
        ActionDefinition(
            name: "getOrder", title: LocalizedText("Consultar pedido", "Get order"),
            description: LocalizedText("Mostra um pedido pelo número (#1042) ou id.", "Shows an order by number (#1042) or id."),
            parameters: Schema.object(["orderId": Schema.reference("Pedido: id ou número")], required: ["orderId"]),
            risk: .read, preview: readPreview,
            execute: { params, ctx in
                let id = try await References.resolve(params["orderId"], field: "orderId", sequence: .order, tx: ctx.tx)
                guard let order = try await ctx.tx.orders.find(id) else { throw CopilotoError.notFound(resource: "orders") }
                return try JSONCoding.value(order)
            }),
        ActionDefinition(
            name: "listAgenda", title: LocalizedText("Consultar agenda", "List agenda"),
            description: LocalizedText("Lista a agenda num intervalo (padrão: próximos 7 dias).",
                                       "Lists the agenda in a range (default: the next 7 days)."),
            parameters: Schema.object(["from": Schema.dateTime("De"), "to": Schema.dateTime("Até"), "assigneeId": Schema.uuid("Responsável")]),
            risk: .read, preview: readPreview,
            execute: { params, ctx in
                let from = params.string("from").flatMap(ContactFormats.timestamp) ?? ctx.now
                let to = params.string("to").flatMap(ContactFormats.timestamp) ?? from.addingTimeInterval(7 * 86_400)
                var equals: [String: String] = [:]
                if let assignee = params.string("assigneeId") { equals["assigneeId"] = assignee.lowercased() }
                let page = try await ctx.tx.agenda.list(PageRequest(limit: 200, equals: equals, from: from, to: to))
                return ["items": try JSONCoding.value(page.items)]
            }),
    ]

    static let readPreview: @Sendable (JSONValue, ActionContext) async throws -> ActionPreview = { _, ctx in
        ActionPreview(summary: ctx.language == .en ? "Read only." : "Somente leitura.")
    }
}
