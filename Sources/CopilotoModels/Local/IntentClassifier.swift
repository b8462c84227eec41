import CopilotoCore
import Foundation

/// Decides which catalogue action a pt-BR or English sentence asks for, or none (small talk, questions the
/// CRM cannot answer). Ordered rules over accent- and case-folded words: specific phrases first.
enum IntentClassifier {
    static let create = ["cria", "criar", "crie", "cadastra", "cadastrar", "cadastre", "novo", "nova", "adiciona", "adicionar", "add",
                         "create", "new", "register", "gera", "gerar", "emite", "emitir", "faz"]
    static let delete = ["apaga", "apagar", "exclui", "excluir", "remove", "remover", "deleta", "deletar", "delete", "tira", "tirar"]
    static let update = ["atualiza", "atualizar", "muda", "mudar", "altera", "alterar", "troca", "trocar", "edita", "editar",
                         "update", "change", "set", "coloca", "colocar", "define", "definir", "corrige"]

    static func classify(_ text: String) -> String? {
        let folded = " " + TypoCorrector.correct(TextFolding.fold(text).map { $0.isLetter || $0.isNumber || "#@%$.-".contains($0) ? $0 : " " }
            .reduce(into: "") { $0.append($1) }) + " "
        let bytes = Array(folded.utf8)
        func has(_ words: [String]) -> Bool { words.contains { Bytes.contains(bytes, " \($0) ") } }
        func any(_ fragments: [String]) -> Bool { fragments.contains { Bytes.contains(bytes, $0) } }
        let all = any(["todos os produtos", "todas os produtos", "all products", "todo o catalogo", "todos produtos"])
        if all || any([" produtos "]) && any(["em massa", "bulk"]) {
            if any([" ncm"]) { return "bulkUpdateProductsNCM" }
            if any([" cest"]) { return "bulkUpdateProductsCEST" }
            if any(["estoque", "stock"]) { return "bulkUpdateProductsStock" }
            if any(["preco", "price", "%", "reajust"]) { return "bulkUpdateProductsPrice" }
            if any(["ativa", "activate", "desativa", "deactivate", "inativa"]) { return "bulkActivateProducts" }
        }
        if any(["fuso", "timezone", "time zone", "moeda da loja", "currency", "nome da loja", "horario de funcionamento", "store name"]) {
            return "updateStoreSettings"
        }
        if any(["relatorio de vendas", "sales report", "vendas da semana", "vendas do mes", "vendas por"]) { return "salesReport" }
        if any(["estoque baixo", "low stock", "relatorio de estoque", "inventory report", "acabando no estoque", "sem estoque"]) { return "inventoryReport" }
        if any(["relatorio de clientes", "customers report", "customer report", "clientes novos"]) { return "customersReport" }
        if any(["resumo financeiro", "faturamos", "faturamento", "kpi", "quanto vendemos", "quanto vendi", "revenue", "ticket medio"]) {
            return "fetchKpis"
        }
        if any(["fatura", "invoice", "boleto", "cobranca"]) {
            if any(["lembrete", "lembra", "remind", "cobrar", "cobra "]) { return "sendPaymentReminder" }
            if has(create) { return "createInvoice" }
        }
        if any(["ticket", "chamado"]), any(["escala", "escalate", "escalona", "encaminha"]) { return "escalateTicket" }
        if any(["pedido", "order", "encomenda"]) {
            if any(["observacao", " nota", "anota", "note", "comentario"]) { return "addOrderNote" }
            if any(["status", "qual", "cade", "where", "como esta", "situacao"]) && !any(["marca", "muda", "altera"]) { return "getOrder" }
            if EntityExtractor.orderStatus(in: folded) != nil || any(["marca", "mark"]) {
                return EntityExtractor.recordNumbers(in: folded).count > 1 || any(["pedidos ", "orders "]) ? "bulkUpdateOrderStatus" : "updateOrderStatus"
            }
        }
        if any(["o que tenho na agenda", "consultar agenda", "ver agenda", "minha agenda", "agenda de hoje", "agenda da semana",
                "agenda de amanha", "on my agenda", "my schedule", "compromissos"]) {
            return "listAgenda"
        }
        if any(["tarefa", "task", "me lembra de", "remind me", "lembrete"]) && has(create + ["me"]) || any(["criar tarefa", "nova tarefa"]) {
            return "createAgendaTask"
        }
        if any(["agenda um", "agenda uma", "agendar", "agende", "marca um ", "marca uma ", "marcar um", "marcar uma", "schedule", "book a",
                "agenda para"]) {
            return "scheduleJob"
        }
        if any(["categoria", "category"]) { return crud("Category", folded, has) }
        if any(["cupom", "coupon", "voucher"]) { return crud("Discount", folded, has) }
        if any(["produto", "product"]) || !EntityExtractor.skus(in: text).isEmpty { return crud("Product", folded, has) }
        if any(["cliente", "customer", "client "]) {
            if any(["anota", "nota ", "observacao", " note", "anotacao"]) { return "addNoteToClient" }
            if any(["busca", "procura", "find", "search", "cade", "encontra"]) { return "searchCustomers" }
            if let action = crud("Customer", folded, has) { return action }
        }
        if has(update), any(["email", "e-mail", "telefone", "celular", "whatsapp", "phone", "cpf", "cnpj", "documento"]) { return "updateCustomer" }
        return nil
    }

    private static func crud(_ entity: String, _ folded: String, _ has: ([String]) -> Bool) -> String? {
        if has(delete) { return "delete\(entity)" }
        if has(create) { return "create\(entity)" }
        if has(update) || has(["preco", "price"]) { return "update\(entity)" }
        return nil
    }
}

/// Substring search over UTF-8 bytes (Foundation's `contains` is far slower on Linux).
enum Bytes {
    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, pattern.count <= haystack.count else { return pattern.isEmpty }
        let first = pattern[0], last = haystack.count - pattern.count
        var index = 0
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < pattern.count, haystack[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
            index += 1
        }
        return false
    }
}
