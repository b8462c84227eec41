import Foundation

/// Parameter names as the user says them ("o telefone", "phone number"), never the schema's (`phone`, `dueAt`).
enum FieldNames {
    static let pt: [String: String] = [
        "name": "o nome", "customerId": "o cliente", "price": "o preço", "startsAt": "a data e o horário", "title": "o título",
        "text": "o texto da nota", "status": "o novo status", "code": "o código do cupom", "orderId": "o número do pedido",
        "invoiceId": "o número da fatura", "ticketId": "o número do chamado", "productId": "o produto (SKU)", "ncm": "o NCM",
        "cest": "o CEST", "query": "o que buscar", "orderIds": "os números dos pedidos", "productIds": "os produtos (SKUs, ou “todos os produtos”)",
        "active": "se é para ativar ou desativar", "categoryId": "a categoria", "discountId": "o cupom", "percent": "o percentual",
        "amount": "o valor", "items": "os itens ou o valor", "stock": "o estoque", "delta": "quanto somar ao estoque",
        "email": "o e-mail", "phone": "o telefone", "document": "o CPF ou CNPJ", "dueDate": "o vencimento", "dueAt": "o prazo",
        "timezone": "o fuso horário", "currency": "a moeda", "language": "o idioma", "period": "o período", "groupBy": "o agrupamento",
        "lowStockBelow": "o limite de estoque", "channel": "o canal (e-mail ou WhatsApp)", "reason": "o motivo", "tags": "as etiquetas",
        "durationMinutes": "a duração", "assigneeId": "o responsável", "validUntil": "a validade", "from": "a data inicial", "to": "a data final",
    ]
    static let en: [String: String] = [
        "name": "name", "customerId": "customer", "price": "price", "startsAt": "date and time", "title": "title", "text": "note text",
        "status": "new status", "code": "coupon code", "orderId": "order number", "orderIds": "order numbers", "invoiceId": "invoice number",
        "ticketId": "ticket number", "productId": "product (SKU)", "productIds": "products", "categoryId": "category", "discountId": "coupon",
        "query": "search text", "percent": "percentage", "amount": "amount", "items": "items or amount", "stock": "stock",
        "delta": "stock change", "email": "e-mail", "phone": "phone number", "document": "CPF or CNPJ", "dueDate": "due date",
        "dueAt": "deadline", "timezone": "time zone", "currency": "currency", "language": "language", "period": "period",
        "groupBy": "grouping", "lowStockBelow": "stock limit", "channel": "channel (e-mail or WhatsApp)", "reason": "reason",
        "active": "whether to activate or deactivate", "ncm": "NCM", "cest": "CEST", "tags": "tags", "durationMinutes": "duration",
        "assigneeId": "assignee", "validUntil": "expiry date", "from": "start date", "to": "end date",
    ]

    /// "o telefone"; an unknown field becomes "mais um detalhe" (never the raw name).
    static func portuguese(_ field: String) -> String { pt[field] ?? "mais um detalhe" }

    /// "phone number"; an unknown field becomes "missing detail".
    static func english(_ field: String) -> String { en[field] ?? "missing detail" }
}
