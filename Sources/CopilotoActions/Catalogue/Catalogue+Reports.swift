import CopilotoCore
import Foundation

extension Catalogue {
    static let periodFields: [String: JSONValue] = [
        "period": Schema.choice("Período", ReportPeriod.names), "from": Schema.string("De (data ou data-hora)", maxLength: 40),
        "to": Schema.string("Até (data ou data-hora)", maxLength: 40),
    ]

    static let reports: [ActionDefinition] = [
        ActionDefinition(
            name: "fetchKpis", title: LocalizedText("Resumo financeiro", "Key figures"),
            description: LocalizedText("Faturamento, pedidos, ticket médio, contas em atraso e estoque baixo do período.",
                                       "Revenue, orders, average ticket, overdue receivables and low stock for a period."),
            parameters: Schema.object(periodFields), risk: .read, preview: readPreview,
            execute: { params, ctx in try await Reports.kpis(params, ctx) }),
        ActionDefinition(
            name: "salesReport", title: LocalizedText("Relatório de vendas", "Sales report"),
            description: LocalizedText("Vendas do período agrupadas por dia, semana, mês, produto ou categoria.",
                                       "Sales for a period grouped by day, week, month, product or category."),
            parameters: Schema.object(periodFields.merging(["groupBy": Schema.choice("Agrupar por", Reports.groupings)]) { a, _ in a }),
            risk: .read, preview: readPreview,
            execute: { params, ctx in try await Reports.sales(params, ctx) }),
        ActionDefinition(
            name: "inventoryReport", title: LocalizedText("Relatório de estoque", "Inventory report"),
            description: LocalizedText("Produtos com estoque baixo e valor do estoque.", "Low-stock products and stock value."),
            parameters: Schema.object(["lowStockBelow": Schema.integer("Estoque abaixo de", minimum: 0, maximum: 1_000_000),
                                       "categoryId": Schema.uuid("Categoria")]),
            risk: .read, preview: readPreview,
            execute: { params, ctx in try await Reports.inventory(params, ctx) }),
        ActionDefinition(
            name: "customersReport", title: LocalizedText("Relatório de clientes", "Customers report"),
            description: LocalizedText("Clientes novos e os que mais compraram no período.", "New customers and top buyers for a period."),
            parameters: Schema.object(periodFields), risk: .read, preview: readPreview,
            execute: { params, ctx in try await Reports.customers(params, ctx) }),
    ]
}
