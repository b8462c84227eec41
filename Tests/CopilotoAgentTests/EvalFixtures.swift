import CopilotoCore
import CopilotoStore
import Foundation

/// The eval set's fixtures, created through the same services the API uses, and their ids/numbers.
struct EvalFixtures: Sendable {
    var ids: [String: String] = [:]
    var numbers: [String: Int] = [:]
    let timeZone = TimeZone(identifier: "America/Sao_Paulo")!

    static func create(_ spec: JSONValue, store: SQLDataStore, owner: Identity) async throws -> EvalFixtures {
        let crm = CRMService(store: store)
        var fixtures = EvalFixtures()
        for customer in spec["customers"]?.arrayValue ?? [] {
            let created = try await crm.create(Resources.customers, owner, body: customer.removing(["key"]))
            fixtures.ids["customer:" + (customer.string("key") ?? "")] = created.id.uuidString
        }
        var products: [String: UUID] = [:]
        for product in spec["products"]?.arrayValue ?? [] {
            let created = try await crm.create(Resources.products, owner, body: product)
            products[product.string("sku") ?? ""] = created.id
            fixtures.ids["product:" + (product.string("sku") ?? "")] = created.id.uuidString
        }
        for order in spec["orders"]?.arrayValue ?? [] {
            let items: [JSONValue] = (order["items"]?.arrayValue ?? []).map { item in
                ["productId": .string(products[item.string("sku") ?? ""]?.uuidString ?? ""), "quantity": item["quantity"] ?? 1]
            }
            let body: JSONValue = ["customerId": .string(fixtures.ids["customer:" + (order.string("customer") ?? "")] ?? ""),
                                   "items": .array(items)]
            let created = try await crm.create(Resources.orders, owner, body: body)
            fixtures.ids["order:" + (order.string("key") ?? "")] = created.id.uuidString
            fixtures.numbers["order:" + (order.string("key") ?? "")] = created.number
        }
        let calendar = LocalCalendar(timeZone: fixtures.timeZone)
        for invoice in spec["invoices"]?.arrayValue ?? [] {
            let days = invoice["dueInDays"].flatMap { if case .number(let n) = $0 { Int(n) } else { nil } } ?? 0
            let body: JSONValue = ["customerId": .string(fixtures.ids["customer:" + (invoice.string("customer") ?? "")] ?? ""),
                                   "amount": invoice["amount"] ?? "0", "dueDate": .string(calendar.day(of: calendar.adding(days: days, to: Date())))]
            let created = try await crm.create(Resources.invoices, owner, body: body)
            fixtures.ids["invoice:" + (invoice.string("key") ?? "")] = created.id.uuidString
            fixtures.numbers["invoice:" + (invoice.string("key") ?? "")] = created.number
        }
        for ticket in spec["tickets"]?.arrayValue ?? [] {
            let body: JSONValue = ["customerId": .string(fixtures.ids["customer:" + (ticket.string("customer") ?? "")] ?? ""),
                                   "subject": ticket["subject"] ?? "?"]
            let created = try await crm.create(Resources.tickets, owner, body: body)
            fixtures.ids["ticket:" + (ticket.string("key") ?? "")] = created.id.uuidString
            fixtures.numbers["ticket:" + (ticket.string("key") ?? "")] = created.number
        }
        return fixtures
    }

    /// Replaces `{order:o1}` with the number the API gave that fixture.
    func fill(_ text: String) -> String {
        var result = text
        for (key, number) in numbers { result = result.replacingOccurrences(of: "{\(key)}", with: String(number)) }
        return result
    }
}
