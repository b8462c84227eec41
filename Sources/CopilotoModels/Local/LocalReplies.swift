import CopilotoCore
import Foundation

/// What the local engine says, in the user's language, the way a Brazilian user would expect it.
enum LocalReplies {
    static func language(of text: String) -> Language {
        let folded = " " + TextFolding.fold(text) + " "
        let english = [" the ", " add ", " create ", " schedule ", " with ", " please ", " what ", " named ", " delete ", " for ", " in "]
        return english.filter { folded.contains($0) }.count >= 1 && !folded.contains(" para ") && !folded.contains(" com ") ? .en : .ptBR
    }

    static func greeting(_ language: Language) -> String {
        language == .en ? "Hi! I can help with customers, orders, invoices, products and the agenda."
            : "Oi! Posso ajudar com clientes, pedidos, faturas, produtos e a agenda."
    }

    static func cannotRewrite(_ language: Language) -> String {
        language == .en ? "Without an AI model configured I can make a text formal, correct it, summarise it or change its case."
            : "Sem um modelo de IA configurado, consigo deixar o texto mais formal, corrigir, resumir ou mudar para maiúsculas/minúsculas."
    }

    /// Greetings and thanks: never the answer to a question the engine asked.
    static func isSmallTalk(_ text: String) -> Bool {
        let folded = TextFolding.fold(text).trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
        return ["obrigad", "valeu", "thank", "oi", "ola", "bom dia", "boa tarde", "boa noite", "tudo bem", "hello", "hi"]
            .contains { folded == $0 || folded.hasPrefix($0 + " ") || ($0.count > 4 && folded.hasPrefix($0)) }
    }

    static func noAction(_ text: String, _ language: Language) -> String {
        let folded = TextFolding.fold(text)
        // An intent only hinted at ("acho que não vai rolar esse pedido") gets a question, never a proposal.
        if ["acho que", "talvez", "nao vai rolar", "parece que", "sera que", "i think", "maybe"].contains(where: folded.contains),
           ["pedido", "order", "cliente", "customer", "fatura", "invoice", "agendamento", "horario"].contains(where: folded.contains) {
            return language == .en ? "Do you want me to change something? Tell me exactly what (for example “cancel order #1042”) and I'll prepare it for you to confirm."
                : "Quer que eu altere alguma coisa? Me diga exatamente o quê (por exemplo “cancela o pedido #1042”) e eu preparo para você confirmar."
        }
        if ["obrigad", "valeu", "thank", "thanks"].contains(where: { folded.contains($0) }) {
            return language == .en ? "You're welcome! Anything else?" : "Por nada! Precisa de mais alguma coisa?"
        }
        if ["oi", "ola", "bom dia", "boa tarde", "boa noite", "tudo bem", "hello", "hi "].contains(where: { folded.hasPrefix($0) }) {
            return greeting(language)
        }
        return language == .en ? "I can't answer that here. I can look up or change customers, orders, invoices, products and the agenda."
            : "Não consigo responder isso por aqui. Posso consultar ou alterar clientes, pedidos, faturas, produtos e a agenda."
    }

    static func notAllowed(_ action: String, _ language: Language) -> String {
        language == .en ? "Your role can't do that (\(action))." : "Seu perfil não tem permissão para isso (\(action))."
    }

    static func notFound(_ lookup: Lookup, _ language: Language) -> String {
        language == .en ? "I couldn't find “\(lookup.query)”." : "Não encontrei “\(lookup.query)”."
    }

    static func ambiguous(_ lookup: Lookup, _ names: [String], _ language: Language) -> String {
        let list = names.map { "• \($0)" }.joined(separator: "\n")
        return language == .en ? "I found more than one “\(lookup.query)”. Which one?\n\(list)" : "Achei mais de um “\(lookup.query)”. Qual deles?\n\(list)"
    }

    static func ask(_ field: String, _ action: String, _ language: Language) -> String {
        let pt = ["name": "o nome", "customerId": "o cliente", "price": "o preço", "startsAt": "a data e o horário", "title": "o título",
                  "text": "o texto da nota", "status": "o novo status", "code": "o código do cupom", "orderId": "o número do pedido",
                  "invoiceId": "o número da fatura", "ticketId": "o número do chamado", "productId": "o produto (SKU)",
                  "ncm": "o NCM", "cest": "o CEST", "query": "o que buscar", "orderIds": "os números dos pedidos",
                  "productIds": "os produtos (SKUs, ou “todos os produtos”)", "active": "se é para ativar ou desativar",
                  "categoryId": "a categoria", "discountId": "o cupom", "percent": "o percentual", "amount": "o valor",
                  "items": "os itens ou o valor", "stock": "o estoque", "delta": "quanto somar ao estoque"]
        let en = ["customerId": "customer", "startsAt": "date and time", "orderId": "order number", "orderIds": "order numbers",
                  "invoiceId": "invoice number", "ticketId": "ticket number", "productId": "product (SKU)", "productIds": "products",
                  "categoryId": "category", "discountId": "coupon", "text": "note text", "query": "search text"]
        return language == .en ? "Sure — what is the \(en[field] ?? field)?" : "Certo! Qual é \(pt[field] ?? "mais um detalhe (\(field))")?"
    }

    /// A short answer from a read action's result.
    static func summary(_ action: String, _ result: JSONValue, _ language: Language) -> String {
        let en = language == .en
        switch action {
        case "fetchKpis":
            let revenue = result.string("revenue") ?? "0", orders = count(result["orders"])
            let average = result.string("averageTicket") ?? "0", overdue = count(result["overdueInvoices"])
            let when = periodLabel(result["period"]?.string("name"), en)
            return en ? "\(when): \(orders) orders, \(money(revenue, en)) in revenue, average ticket \(money(average, en)). Overdue invoices: \(overdue)."
                : "\(when): \(orders) pedidos, \(money(revenue, en)) faturados, ticket médio \(money(average, en)). Faturas em atraso: \(overdue)."
        case "salesReport":
            let rows = (result["rows"]?.arrayValue ?? []).prefix(5).map { "• \($0.string("label") ?? ""): \(money($0.string("revenue") ?? "0", en))" }
            let when = periodLabel(result["period"]?.string("name"), en)
            let head = en ? "\(when): \(count(result["orders"])) orders, \(money(result.string("total") ?? "0", en)) in sales."
                : "\(when): \(count(result["orders"])) pedidos, \(money(result.string("total") ?? "0", en)) em vendas."
            return ([head] + rows).joined(separator: "\n")
        case "inventoryReport":
            let low = result["lowStock"]?.arrayValue ?? []
            if low.isEmpty { return en ? "No product is low on stock." : "Nenhum produto com estoque baixo." }
            let lines = low.prefix(8).map { "• \($0.string("name") ?? "") — \(count($0["stock"]))" }
            return ((en ? ["\(low.count) product(s) low on stock:"] : ["\(low.count) produto(s) com estoque baixo:"]) + lines).joined(separator: "\n")
        case "customersReport":
            let when = periodLabel(result["period"]?.string("name"), en)
            return en ? "\(when): \(count(result["newCustomers"])) new customers, \(count(result["buyers"])) bought; \(count(result["totalCustomers"])) in total."
                : "\(when): \(count(result["newCustomers"])) clientes novos, \(count(result["buyers"])) compraram; \(count(result["totalCustomers"])) no total."
        case "searchCustomers":
            let items = result["items"]?.arrayValue ?? []
            if items.isEmpty { return en ? "No customer found." : "Nenhum cliente encontrado." }
            let lines = items.prefix(8).map { "• \($0.string("name") ?? "")" + ($0.string("email").map { " (\($0))" } ?? "") }
            return ((en ? ["Found \(items.count):"] : ["Encontrei \(items.count):"]) + lines).joined(separator: "\n")
        case "getOrder":
            let number = result["number"].map { $0.encoded() } ?? "?", status = result.string("status") ?? "?"
            return en ? "Order #\(number): \(status), total \(money(result.string("total") ?? "0", en))."
                : "Pedido #\(number): \(statusPT(status)), total \(money(result.string("total") ?? "0", en))."
        case "listAgenda":
            let items = result["items"]?.arrayValue ?? []
            if items.isEmpty { return en ? "Nothing on the agenda." : "Nada na agenda." }
            let lines = items.prefix(10).map { "• " + ($0.string("title") ?? "") }.joined(separator: "\n")
            return (en ? "You have \(items.count) item(s):\n" : "Você tem \(items.count) compromisso(s):\n") + lines
        default:
            let count = result["items"]?.arrayValue?.count
            return count.map { en ? "Found \($0) result(s)." : "Encontrei \($0) resultado(s)." } ?? (en ? "Done." : "Pronto.")
        }
    }

    static func count(_ value: JSONValue?) -> String {
        if let whole = value?.intValue { return String(whole) }
        return value?.stringValue ?? "0"
    }

    static func periodLabel(_ name: String?, _ en: Bool) -> String {
        let labels: [String: (String, String)] = ["today": ("Hoje", "Today"), "yesterday": ("Ontem", "Yesterday"), "week": ("Nesta semana", "This week"),
                                                  "month": ("Neste mês", "This month"), "year": ("Neste ano", "This year")]
        guard let name, let label = labels[name] else { return en ? "In the period" : "No período" }
        return en ? label.1 : label.0
    }

    static func money(_ decimal: String, _ en: Bool) -> String {
        (Money(decimal: decimal) ?? .zero).formatted(currency: "BRL", language: en ? .en : .ptBR)
    }

    static func statusPT(_ status: String) -> String {
        ["pending": "pendente", "paid": "pago", "shipped": "enviado", "delivered": "entregue", "cancelled": "cancelado"][status] ?? status
    }
}
