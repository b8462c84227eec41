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

    func fill(_ action: String, _ original: String) -> (params: [String: JSONValue], lookups: [Lookup]) {
        var params: [String: JSONValue] = [:]
        var lookups: [Lookup] = []
        // Numbers in words become digits for the value extractors; names are read from the text as written.
        let text = NumberWords.digits(original.replacingOccurrences(of: "%", with: " %"))
        let folded = TextFolding.fold(text)
        let name = NameExtractor.longest(in: original)
        let money = MoneyExtractor.first(in: text)?.0
        let found = dates.find(in: text)
        func customer() { if let name { lookups.append(Lookup(parameter: "customerId", tool: "searchCustomers", query: name)) } }
        func product() {
            if let sku = EntityExtractor.skus(in: text).first { lookups.append(Lookup(parameter: "productId", tool: "searchProducts", query: sku)) }
        }
        func number(_ key: String) { if let value = Self.recordNumber(in: text) { params[key] = .string("#\(value)") } }
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
            if let colon = original.firstIndex(of: ":") {
                params["text"] = .string(original[original.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
        case "scheduleJob":
            customer()
            params["title"] = .string(jobTitle(original))
            if let found, found.hasTime { params["startsAt"] = .string(JSONCoding.rfc3339(found.date)) }
        case "listAgenda":
            agendaSpan(folded, &params)
        case "createAgendaTask":
            params["title"] = .string(taskTitle(original, dates.find(in: original)))
            if let found { params["dueAt"] = .string(JSONCoding.rfc3339(found.date)) }
        case "createInvoice":
            customer()
            if let money { params["amount"] = .string(money.decimalString) }
            if let found { params["dueDate"] = .string(dates.calendar.day(of: found.date)) }
        case "sendPaymentReminder":
            number("invoiceId")
            if folded.contains("whatsapp") || folded.contains("zap") { params["channel"] = "whatsapp" }
            else if folded.contains("email") || folded.contains("e-mail") { params["channel"] = "email" }
        case "escalateTicket": number("ticketId")
        case "updateOrderStatus", "getOrder", "bulkUpdateOrderStatus":
            if action == "bulkUpdateOrderStatus" { params["orderIds"] = .array(Self.recordNumbers(in: text).map { .string("#\($0)") }) }
            else { number("orderId") }
            if action != "getOrder", let status = EntityExtractor.orderStatus(in: text) { params["status"] = .string(status.rawValue) }
        case "fetchKpis", "salesReport", "customersReport":
            params["period"] = .string(period(folded))
            if action == "fetchKpis", Self.comparing(folded) { params["compare"] = "previous" }
            if action == "salesReport", let grouping = Self.grouping(folded) { params["groupBy"] = .string(grouping) }
        case "inventoryReport":
            if let below = Self.threshold(folded) { params["lowStockBelow"] = .number(Double(below)) }
        case "createProduct":
            params["name"] = productName(original).map(JSONValue.string)
            if let money { params["price"] = .string(money.decimalString) }
        case "updateProduct", "deleteProduct":
            product()
            if action == "updateProduct" { Self.productChange(text, folded, money, &params) }
        case "createCategory":
            params["name"] = Self.categoryName(original).map { .string($0) }
        case "createDiscount":
            params["code"] = EntityExtractor.skus(in: text).first.map(JSONValue.string)
                ?? text.split(separator: " ").first { $0.count > 3 && $0.allSatisfy { $0.isUppercase || $0.isNumber } }.map { .string(String($0)) }
            if let percent = EntityExtractor.percents(in: text).first { params["percent"] = .string(percent.decimalString) }
            else if let money = money ?? Self.bareAmount(folded) { params["amount"] = .string(money.decimalString) }
        default:
            BulkSlots.fill(action, text, folded, &params)
        }
        return (params.filter { $0.value != .null }, lookups)
    }

    func period(_ folded: String) -> String {
        let padded = " " + folded + " "
        func has(_ words: String...) -> Bool { words.contains { padded.contains($0) } }
        if has("anteontem", "ontem", "yesterday") { return "yesterday" }
        if has(" hoje", " hj ", "today") { return "today" }
        if has("essa semana", "esta semana", "nesta semana", "this week") { return "week" }
        if has("este mes", "esse mes", "neste mes", "nesse mes", "this month") { return "month" }
        if has("semana passada", "ultima semana", "last week", "semana anterior") { return "lastWeek" }
        if has("semana", "week") { return "week" }
        if has("mes passado", "ultimo mes", "last month", "mes anterior") { return "lastMonth" }
        if has(" ano", "year") { return "year" }
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

    static let taskLead = Pattern(#"^.*?\b(?:criar tarefa|cria tarefa|nova tarefa|adiciona tarefa|tarefa(?: pra| para)?|me lembra de|lembrete|lembrar de|esquecer de|minha lista|preciso|remind me to|task to|new task|a to-do|to-do|task)\b\s*:?\s*"#)
    static let politeTail = Pattern(#"(?:[,.!]?\s*(?:por favor|pfv|obrigad[oa]|valeu|[eé] urgente|quando puder|🙏|!+))+\s*$"#)
    static let productPattern = Pattern(#"\b(?:produto|product)\b[\s:,]*(?:novo[\s,]+|new\s+)?(?:(?:o|a|the|chamado|called|named)\s+)?(.+?)(?=\s*(?:,|\bpor\b|\ba\s+r\$|\br\$|\bcustando\b|\bvalor\b|\bpre[cç]o\b|\bfor\b|\bpriced\b|\bat\b|\ba\s+\d|\bin the\b|\bvamos\b|$))"#)

    func taskTitle(_ text: String, _ found: DateExtractor.Found?) -> String {
        var title = text
        for range in (found?.ranges ?? []).sorted(by: { $0.lowerBound > $1.lowerBound }) where range.upperBound <= title.endIndex {
            title.removeSubrange(range)
        }
        title = Self.politeTail.replace(in: title, with: "")
        if let lead = Self.taskLead.first(in: title) { title = String(title[lead.range.upperBound...]) }
        return title.trimmingCharacters(in: CharacterSet.whitespaces.union(.punctuationCharacters))
    }

    func productName(_ text: String) -> String? {
        guard let name = Self.productPattern.first(in: text)?.groups[1] else { return nil }
        let trimmed = name.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ":,.\"'“”")))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The words after "categoria"/"category" (without "chamada", "de nome", "named"…, quotes and end punctuation).
    static func categoryName(_ text: String) -> String? {
        guard let match = Pattern("\\b(?:categoria|category)\\s+(?:chamada\\s+|com o nome\\s+|de nome\\s+|named\\s+|called\\s+)?(.+)$")
            .first(in: text), let name = match.groups[1] else { return text.components(separatedBy: .whitespaces).last }
        let trimmed = name.trimmingCharacters(in: CharacterSet(charactersIn: "\"'“”.!?").union(.whitespaces))
        return trimmed.isEmpty ? nil : trimmed
    }
}
