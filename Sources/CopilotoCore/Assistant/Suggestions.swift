import Foundation

/// Quick suggestions for the copilot on each page (D10), each tied to the action it would lead to, so a role
/// only sees suggestions it may act on.
public enum Suggestions {
    public struct Item: Sendable {
        public let pt: String
        public let en: String
        public let action: String
    }

    static let byPage: [String: [Item]] = [
        "dashboard": [
            Item(pt: "Resumo financeiro do mês", en: "Financial summary for this month", action: "fetchKpis"),
            Item(pt: "Como foram as vendas hoje?", en: "How were sales today?", action: "fetchKpis"),
            Item(pt: "O que tenho na agenda hoje?", en: "What's on my agenda today?", action: "listAgenda"),
            Item(pt: "Relatório de vendas da semana por dia", en: "Sales report for this week by day", action: "salesReport"),
            Item(pt: "Cadastra um cliente novo", en: "Add a new customer", action: "createCustomer"),
        ],
        "customers": [
            Item(pt: "Quantos clientes novos tivemos este mês?", en: "How many new customers this month?", action: "customersReport"),
            Item(pt: "Cadastra a cliente Maria Silva, e-mail maria@exemplo.com.br", en: "Add customer Maria Silva, email maria@example.com",
                 action: "createCustomer"),
            Item(pt: "Procura o cliente pelo nome", en: "Find a customer by name", action: "searchCustomers"),
        ],
        "customer": [
            Item(pt: "Anota: cliente prefere contato pelo WhatsApp", en: "Note: prefers to be contacted on WhatsApp", action: "addNoteToClient"),
            Item(pt: "Agenda um retorno com este cliente amanhã às 10h", en: "Schedule a follow-up with this customer tomorrow at 10am",
                 action: "scheduleJob"),
            Item(pt: "Emite uma fatura de R$ 150,00 para este cliente", en: "Invoice this customer R$150.00", action: "createInvoice"),
        ],
        "products": [
            Item(pt: "Quais produtos estão com estoque baixo?", en: "Which products are low on stock?", action: "inventoryReport"),
            Item(pt: "Aumenta em 5% o preço de todos os produtos", en: "Raise all product prices by 5%", action: "bulkUpdateProductsPrice"),
            Item(pt: "Cadastra um produto novo", en: "Add a new product", action: "createProduct"),
        ],
        "orders": [
            Item(pt: "Relatório de vendas do mês por produto", en: "This month's sales report by product", action: "salesReport"),
            Item(pt: "Qual o status do pedido #1001?", en: "What's the status of order #1001?", action: "getOrder"),
            Item(pt: "Marca o pedido #1001 como enviado", en: "Mark order #1001 as shipped", action: "updateOrderStatus"),
        ],
        "order": [
            Item(pt: "Marca este pedido como enviado", en: "Mark this order as shipped", action: "updateOrderStatus"),
            Item(pt: "Anota neste pedido: cliente pediu embrulho para presente", en: "Note on this order: gift wrap requested",
                 action: "addOrderNote"),
        ],
        "invoices": [
            Item(pt: "Quais faturas estão vencidas?", en: "Which invoices are overdue?", action: "fetchKpis"),
            Item(pt: "Manda um lembrete de pagamento da fatura vencida", en: "Send a payment reminder for the overdue invoice",
                 action: "sendPaymentReminder"),
        ],
        "agenda": [
            Item(pt: "O que tenho na agenda hoje?", en: "What's on my agenda today?", action: "listAgenda"),
            Item(pt: "Me lembra de ligar para o fornecedor amanhã às 9h", en: "Remind me to call the supplier tomorrow at 9am",
                 action: "createAgendaTask"),
        ],
        "tickets": [
            Item(pt: "Escala o chamado mais antigo para o gerente", en: "Escalate the oldest ticket to the manager", action: "escalateTicket"),
            Item(pt: "O que diz a política de trocas?", en: "What does the exchange policy say?", action: "search_kb"),
        ],
    ]

    /// "customers.detail", "customers/42", "#/orders/ID" → "customer", "order"; "products" stays "products".
    static func pageKey(_ page: String?) -> String {
        let parts = (page ?? "dashboard").lowercased().split { "./#:".contains($0) }.map(String.init).filter { !$0.isEmpty }
        guard let first = parts.first else { return "dashboard" }
        let detail = parts.count > 1 && parts.dropFirst().contains { ["detail", "show", "view", "edit"].contains($0) || $0.count >= 8 || Int($0) != nil }
        if detail, first.hasSuffix("s"), byPage[String(first.dropLast())] != nil { return String(first.dropLast()) }
        return first
    }

    /// The page's suggestions (the dashboard's for unknown pages) the matrix lets `role` act on.
    public static func forPage(_ page: String?, role: Role, matrix: PermissionMatrix, language: Language) -> [JSONValue] {
        let key = pageKey(page)
        let items = byPage[key] ?? byPage["dashboard"] ?? []
        return items.filter { matrix.allows(role, $0.action) }.map { item in
            let text = language == .en ? item.en : item.pt
            return ["label": .string(text), "prompt": .string(text), "action": .string(item.action)]
        }
    }
}
