import CopilotoCore
import Foundation

/// A reference the engine must resolve through a read tool before it can propose the action.
struct Lookup: Sendable, Equatable {
    /// The parameter it fills (`customerId`, `productId`).
    let parameter: String
    /// The read action that finds it and what to search for.
    let tool: String
    var query: String
}

/// Turns a sentence plus its action into parameters, using the extractors; references to customers and
/// products come back as lookups, record numbers go straight in ("#1042" is accepted by the actions).
struct SlotFiller: Sendable {
    let dates: DateExtractor

    func fill(_ action: String, _ text: String) -> (params: [String: JSONValue], lookups: [Lookup]) {
        var params: [String: JSONValue] = [:]
        var lookups: [Lookup] = []
        let folded = TextFolding.fold(text)
        let name = NameExtractor.longest(in: text)
        let money = MoneyExtractor.first(in: text)?.0
        let found = dates.find(in: text)
        func customer() { if let name { lookups.append(Lookup(parameter: "customerId", tool: "searchCustomers", query: name)) } }
        func product() {
            if let sku = EntityExtractor.skus(in: text).first { lookups.append(Lookup(parameter: "productId", tool: "searchProducts", query: sku)) }
        }
        func number(_ key: String) { if let value = EntityExtractor.recordNumbers(in: text).first { params[key] = .string("#\(value)") } }
        switch action {
        case "createCustomer", "updateCustomer":
            if action == "createCustomer" { params["name"] = name.map(JSONValue.string) } else { customer() }
            if let email = EntityExtractor.emails(in: text).first { params["email"] = .string(email) }
            if let phone = EntityExtractor.phones(in: text).first { params["phone"] = .string(phone) }
            if let document = EntityExtractor.documents(in: text).first { params["document"] = .string(document) }
        case "deleteCustomer", "searchCustomers":
            if action == "deleteCustomer" { customer() } else { params["query"] = name.map(JSONValue.string) }
        case "addNoteToClient", "addOrderNote":
            if action == "addNoteToClient" { customer() } else { number("orderId") }
            if let colon = text.firstIndex(of: ":") {
                params["text"] = .string(text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
        case "scheduleJob":
            customer()
            params["title"] = .string(jobTitle(text))
            if let found, found.hasTime { params["startsAt"] = .string(JSONCoding.rfc3339(found.date)) }
        case "listAgenda":
            let calendar = dates.calendar, today = calendar.startOfDay(dates.now)
            let span: (Int, Int)? = folded.contains("depois de amanha") ? (2, 1)
                : folded.contains("amanha") || folded.contains("tomorrow") ? (1, 1)
                : folded.contains("hoje") || folded.contains("today") ? (0, 1)
                : folded.contains("semana") || folded.contains("week") ? (0, 7) : nil
            if let (offset, days) = span {
                let from = calendar.adding(days: offset, to: today)
                params["from"] = .string(JSONCoding.rfc3339(from))
                params["to"] = .string(JSONCoding.rfc3339(calendar.adding(days: days, to: from)))
            }
        case "createAgendaTask":
            params["title"] = .string(taskTitle(text, found))
            if let found { params["dueAt"] = .string(JSONCoding.rfc3339(found.date)) }
        case "createInvoice":
            customer()
            if let money { params["amount"] = .string(money.decimalString) }
            if let found { params["dueDate"] = .string(dates.calendar.day(of: found.date)) }
        case "sendPaymentReminder": number("invoiceId")
        case "escalateTicket": number("ticketId")
        case "updateOrderStatus", "getOrder":
            number("orderId")
            if action == "updateOrderStatus", let status = EntityExtractor.orderStatus(in: text) { params["status"] = .string(status.rawValue) }
        case "fetchKpis", "salesReport", "customersReport":
            params["period"] = .string(period(folded))
        case "createProduct":
            params["name"] = productName(text).map(JSONValue.string)
            if let money { params["price"] = .string(money.decimalString) }
        case "updateProduct", "deleteProduct":
            product()
            if action == "updateProduct", let money { params["price"] = .string(money.decimalString) }
        case "createCategory":
            params["name"] = Self.categoryName(text).map { .string($0) }
        case "createDiscount":
            params["code"] = EntityExtractor.skus(in: text).first.map(JSONValue.string)
                ?? text.split(separator: " ").first { $0.count > 3 && $0.allSatisfy { $0.isUppercase || $0.isNumber } }.map { .string(String($0)) }
            if let percent = EntityExtractor.percents(in: text).first { params["percent"] = .string(percent.decimalString) }
            else if let money { params["amount"] = .string(money.decimalString) }
        default:
            BulkSlots.fill(action, text, folded, &params)
        }
        return (params.filter { $0.value != .null }, lookups)
    }

    func period(_ folded: String) -> String {
        if folded.contains("hoje") || folded.contains("today") { return "today" }
        if folded.contains("semana") || folded.contains("week") { return "week" }
        if folded.contains(" ano") || folded.contains("year") { return "year" }
        return "month"
    }

    func jobTitle(_ text: String) -> String {
        let lower = text.lowercased()
        for marker in ["agenda um ", "agenda uma ", "marca um ", "marca uma ", "schedule a ", "book a "] {
            guard let start = lower.range(of: marker) else { continue }
            let rest = text[start.upperBound...]
            let end = rest.range(of: " para ") ?? rest.range(of: " pra ") ?? rest.range(of: " with ") ?? rest.range(of: " com ")
            return String(rest[..<(end?.lowerBound ?? rest.endIndex)]).trimmingCharacters(in: .whitespaces)
        }
        return "Serviço"
    }

    func taskTitle(_ text: String, _ found: DateExtractor.Found?) -> String {
        var title = text
        for range in (found?.ranges ?? []).sorted(by: { $0.lowerBound > $1.lowerBound }) { title.removeSubrange(range) }
        for prefix in ["criar tarefa", "cria tarefa", "nova tarefa", "create task", "me lembra de", "remind me to"] {
            if let range = title.lowercased().range(of: prefix) {
                title = String(title[title.index(title.startIndex, offsetBy: title.distance(from: title.lowercased().startIndex, to: range.upperBound))...])
            }
        }
        return title.trimmingCharacters(in: CharacterSet.whitespaces.union(.punctuationCharacters))
    }

    func productName(_ text: String) -> String? {
        let lower = text.lowercased()
        guard let start = lower.range(of: "produto ") ?? lower.range(of: "product ") else { return nil }
        let offset = lower.distance(from: lower.startIndex, to: start.upperBound)
        let rest = text[text.index(text.startIndex, offsetBy: offset)...]
        let end = rest.range(of: " por ") ?? rest.range(of: " for ") ?? rest.range(of: " a R$") ?? rest.range(of: " R$")
        return String(rest[..<(end?.lowerBound ?? rest.endIndex)]).trimmingCharacters(in: .whitespaces)
    }

    /// The words after "categoria"/"category" (without "chamada", "de nome", "named"…, quotes and end punctuation).
    static func categoryName(_ text: String) -> String? {
        guard let match = Pattern("\\b(?:categoria|category)\\s+(?:chamada\\s+|com o nome\\s+|de nome\\s+|named\\s+|called\\s+)?(.+)$")
            .first(in: text), let name = match.groups[1] else { return text.components(separatedBy: .whitespaces).last }
        let trimmed = name.trimmingCharacters(in: CharacterSet(charactersIn: "\"'“”.!?").union(.whitespaces))
        return trimmed.isEmpty ? nil : trimmed
    }
}
