import Foundation

/// The `@`/`#` autocomplete (D4): records of the caller's tenant matching the typed text, only of the types the
/// caller's role may read. `@` is for users and customers, `#` for orders, tickets, invoices and products.
public struct MentionService: Sendable {
    public static let types = ["customer", "user", "order", "ticket", "invoice", "product"]
    /// What a role must be allowed to read each type (users: name and role only, for everyone).
    public static let readPermission: [String: String] = ["customer": "searchCustomers", "product": "listProducts", "order": "listOrders",
                                                          "invoice": "listInvoices", "ticket": "listTickets"]

    public let store: any DataStore
    public let authorizer: Authorizer

    public init(store: any DataStore, authorizer: Authorizer) {
        self.store = store
        self.authorizer = authorizer
    }

    public func search(_ identity: Identity, query: String?, type: String?, limit: Int?) async throws -> [JSONValue] {
        if let type, !type.isEmpty, !Self.types.contains(type) {
            throw CopilotoError.invalid([FieldError(field: "type", code: .notAllowed, detail: Self.types.joined(separator: ", "))])
        }
        let text = (query ?? "").trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "@#")))
        let size = min(max(limit ?? 8, 1), 50)
        let wanted = type.flatMap { $0.isEmpty ? nil : [$0] } ?? Self.types
        return try await store.withTenant(identity.tenantId) { tx in
            let matrix = try await authorizer.matrix(in: tx)
            var items: [JSONValue] = []
            for kind in wanted where Self.readPermission[kind].map({ matrix.allows(identity, $0) }) ?? true {
                items += try await Self.find(kind, text, size, tx)
                if items.count >= size { break }
            }
            return Array(items.prefix(size))
        }
    }

    private static func find(_ kind: String, _ text: String, _ limit: Int, _ tx: any TenantStore) async throws -> [JSONValue] {
        let page = PageRequest(limit: limit, query: text.isEmpty ? nil : text)
        let number = Int(text)
        func item(_ id: UUID, _ label: String, _ detail: String?) -> JSONValue {
            ["type": .string(kind), "id": .string(id.uuidString.lowercased()), "label": .string(label), "detail": detail.map(JSONValue.string) ?? .null]
        }
        switch kind {
        case "customer":
            return try await tx.customers.list(page).items.map { item($0.id, $0.name, $0.email ?? $0.phone) }
        case "user":
            return try await tx.users.list(page).items.filter(\.active).map { item($0.id, $0.name, $0.role.rawValue) }
        case "product":
            return try await tx.products.list(page).items.map { item($0.id, $0.name, $0.sku) }
        case "order":
            let found: [Order] = number != nil ? [try await tx.findNumbered(.order, number: number!, as: Order.self)].compactMap { $0 }
                : try await tx.orders.list(page).items
            return found.map { item($0.id, "#\($0.number)", $0.total.formatted(currency: $0.currency, language: .ptBR)) }
        case "invoice":
            let found: [Invoice] = number != nil ? [try await tx.findNumbered(.invoice, number: number!, as: Invoice.self)].compactMap { $0 }
                : try await tx.invoices.list(page).items
            return found.map { item($0.id, "#\($0.number)", $0.status.rawValue) }
        case "ticket":
            let found: [Ticket] = number != nil ? [try await tx.findNumbered(.ticket, number: number!, as: Ticket.self)].compactMap { $0 }
                : try await tx.tickets.list(page).items
            return found.map { item($0.id, "#\($0.number) \($0.subject)", $0.status.rawValue) }
        default: return []
        }
    }
}
