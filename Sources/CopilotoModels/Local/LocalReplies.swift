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

    static func noAction(_ text: String, _ language: Language) -> String {
        let folded = TextFolding.fold(text)
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
                  "ncm": "o NCM", "cest": "o CEST", "query": "o que buscar"]
        return language == .en ? "Sure — what is the \(field)?" : "Certo! Qual é \(pt[field] ?? field)?"
    }

    /// A short answer from a read action's result.
    static func summary(_ action: String, _ result: JSONValue, _ language: Language) -> String {
        let en = language == .en
        switch action {
        case "fetchKpis":
            let revenue = result.string("revenue") ?? "0", orders = result["orders"].map { $0.encoded() } ?? "0"
            let average = result.string("averageTicket") ?? "0", overdue = result["overdueInvoices"].map { $0.encoded() } ?? "0"
            return en ? "Revenue: \(money(revenue, en)) in \(orders) orders (average \(money(average, en))). Overdue invoices: \(overdue)."
                : "Faturamento: \(money(revenue, en)) em \(orders) pedidos (ticket médio \(money(average, en))). Faturas em atraso: \(overdue)."
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

    static func money(_ decimal: String, _ en: Bool) -> String {
        (Money(decimal: decimal) ?? .zero).formatted(currency: "BRL", language: en ? .en : .ptBR)
    }

    static func statusPT(_ status: String) -> String {
        ["pending": "pendente", "paid": "pago", "shipped": "enviado", "delivered": "entregue", "cancelled": "cancelado"][status] ?? status
    }
}
