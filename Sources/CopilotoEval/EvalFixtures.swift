import CopilotoCore
import Foundation

/// The eval set's fixtures, created through the public API in the logged-in tenant (reusing customers and
/// products left by an earlier run, so the set can run again against the same server), and their ids/numbers.
public struct EvalFixtures: Sendable {
    public var ids: [String: String] = [:]
    public var numbers: [String: Int] = [:]
    public var timeZone = TimeZone(identifier: "America/Sao_Paulo")!

    public init() {}

    public static func create(_ spec: JSONValue, api: EvalHTTP) async throws -> EvalFixtures {
        var fixtures = EvalFixtures()
        if let zone = try await api.send(.GET, "/v1/settings/store").1.string("timezone").flatMap(TimeZone.init(identifier:)) {
            fixtures.timeZone = zone
        }
        for customer in spec["customers"]?.arrayValue ?? [] {
            let existing = try await find("/v1/customers", customer.string("email") ?? customer.string("name") ?? "", api) {
                $0.string("name") == customer.string("name")
            }
            var id = existing
            if id == nil { id = try await api.create("/v1/customers", customer.removing(["key"])).string("id") }
            fixtures.ids["customer:" + (customer.string("key") ?? "")] = id
        }
        var products: [String: String] = [:]
        for product in spec["products"]?.arrayValue ?? [] {
            let sku = product.string("sku") ?? ""
            let existing = try await find("/v1/products", sku, api) { $0.string("sku") == sku }
            var id = existing
            if id == nil { id = try await api.create("/v1/products", product).string("id") }
            products[sku] = id
            fixtures.ids["product:" + sku] = id
        }
        for order in spec["orders"]?.arrayValue ?? [] {
            let items: [JSONValue] = (order["items"]?.arrayValue ?? []).map { item in
                ["productId": .string(products[item.string("sku") ?? ""] ?? ""), "quantity": item["quantity"] ?? 1]
            }
            let created = try await api.create("/v1/orders", ["customerId": .string(fixtures.customer(order.string("customer"))), "items": .array(items)])
            fixtures.record("order:" + (order.string("key") ?? ""), created)
        }
        let calendar = LocalCalendar(timeZone: fixtures.timeZone)
        for invoice in spec["invoices"]?.arrayValue ?? [] {
            let days = invoice["dueInDays"]?.intValue ?? 0
            let created = try await api.create("/v1/invoices", ["customerId": .string(fixtures.customer(invoice.string("customer"))),
                                                                "amount": invoice["amount"] ?? "0",
                                                                "dueDate": .string(calendar.day(of: calendar.adding(days: days, to: Date())))])
            fixtures.record("invoice:" + (invoice.string("key") ?? ""), created)
        }
        for ticket in spec["tickets"]?.arrayValue ?? [] {
            let created = try await api.create("/v1/tickets", ["customerId": .string(fixtures.customer(ticket.string("customer"))),
                                                               "subject": ticket["subject"] ?? "?"])
            fixtures.record("ticket:" + (ticket.string("key") ?? ""), created)
        }
        return fixtures
    }

    private static func find(_ path: String, _ query: String, _ api: EvalHTTP, where match: (JSONValue) -> Bool) async throws -> String? {
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
        let (_, body) = try await api.send(.GET, "\(path)?limit=50&q=\(encoded)")
        return body["items"]?.arrayValue?.first(where: match)?.string("id")
    }

    private func customer(_ key: String?) -> String { ids["customer:" + (key ?? "")] ?? "" }

    private mutating func record(_ key: String, _ created: JSONValue) {
        ids[key] = created.string("id")
        if let number = created["number"]?.intValue { numbers[key] = number }
    }

    /// Replaces `{order:o1}` with the number the API gave that fixture.
    public func fill(_ text: String) -> String {
        var result = text
        for (key, number) in numbers { result = result.replacingOccurrences(of: "{\(key)}", with: String(number)) }
        return result
    }
}
