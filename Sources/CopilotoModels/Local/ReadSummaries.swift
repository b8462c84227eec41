import CopilotoCore
import Foundation

/// Summaries of the newer reads: overdue invoices, a period compared with the one before, the top customers.
enum ReadSummaries {
    static func overdue(_ result: JSONValue, _ en: Bool) -> String {
        let items = result["items"]?.arrayValue ?? []
        if items.isEmpty { return en ? "No invoice is overdue." : "Nenhuma fatura vencida." }
        let total = LocalReplies.money(result.string("total") ?? "0", en), count = LocalReplies.count(result["count"])
        let lines = items.prefix(10).map { item -> String in
            let days = LocalReplies.count(item["daysOverdue"]), amount = LocalReplies.money(item.string("balance") ?? "0", en)
            return "• #\(LocalReplies.count(item["number"])) \(item.string("customer") ?? "") — \(amount) "
                + (en ? "(due \(item.string("dueDate") ?? ""), \(days) days late)" : "(venceu em \(item.string("dueDate") ?? ""), \(days) dias)")
        }
        let head = en ? "\(count) overdue invoice(s), \(total) in total:" : "\(count) fatura(s) vencida(s), \(total) no total:"
        return ([head] + lines).joined(separator: "\n")
    }

    /// " Antes: …; variação +12,5%." when the result carries the previous period.
    static func comparison(_ result: JSONValue, _ en: Bool) -> String {
        guard let previous = result["previous"] else { return "" }
        let revenue = LocalReplies.money(previous.string("revenue") ?? "0", en), orders = LocalReplies.count(previous["orders"])
        var text = en ? "\nPrevious period: \(orders) orders, \(revenue)." : "\nPeríodo anterior: \(orders) pedidos, \(revenue)."
        if case .number(let percent)? = result["revenueChangePercent"] {
            let signed = (percent >= 0 ? "+" : "") + String(format: "%.1f", percent)
            text += en ? " Change: \(signed)%." : " Variação: \(signed.replacingOccurrences(of: ".", with: ","))%."
        }
        return text
    }

    static func topCustomers(_ result: JSONValue, _ en: Bool) -> String {
        let top = (result["top"]?.arrayValue ?? []).prefix(5)
        guard !top.isEmpty else { return "" }
        let lines = top.map { "• \($0.string("name") ?? "") — \(LocalReplies.money($0.string("revenue") ?? "0", en))" }
        return "\n" + ((en ? ["Top customers:"] : ["Quem mais comprou:"]) + lines).joined(separator: "\n")
    }
}
