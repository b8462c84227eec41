import CopilotoCore
import Foundation

/// The page the user is on and the records they mention, expanded into data for the model (D3, D4).
/// Everything is read inside the user's tenant, so a mention of another tenant's id finds nothing.
struct PromptContext: Sendable {
    var page: String?
    var entity: JSONValue?
    var mentions: [JSONValue] = []

    static let fields: Set<String> = ["page", "pattern", "params", "entity"]
    static let mentionFields: Set<String> = ["type", "id", "label"]

    /// Reads `contextEnabled`, `context` and `mentions` from a message body; field errors when malformed.
    static func read(_ reader: inout FieldReader) -> (enabled: Bool, context: JSONValue?, mentions: [(type: String, id: String)]) {
        let enabled = reader.bool("contextEnabled") ?? true
        var context: JSONValue?
        if let raw = reader.raw("context", required: false) {
            var nested = FieldReader(raw, allowed: fields, prefix: "context.")
            _ = nested.string("page", max: 300)
            _ = nested.string("pattern", max: 300)
            reader.merge(nested)
            context = raw
        }
        let mentions = reader.objects("mentions", maxCount: 10, allowed: mentionFields) { (item: inout FieldReader) -> (String, String)? in
            guard let type = item.string("type", required: true, max: 20), let id = item.string("id", required: true, max: 60) else { return nil }
            _ = item.string("label", max: 200)
            return (type, id)
        } ?? []
        return (enabled, context, mentions.map { (type: $0.0, id: $0.1) })
    }

    /// Loads the mentioned records (customer, order, invoice, ticket, product, user) of the tenant.
    static func expand(_ mentions: [(type: String, id: String)], in tx: any TenantStore) async throws -> [JSONValue] {
        var expanded: [JSONValue] = []
        for mention in mentions {
            let data = try await record(mention.type, mention.id, tx)
            expanded.append(["type": .string(mention.type), "id": .string(mention.id), "data": data ?? "not found"])
        }
        return expanded
    }

    private static func record(_ type: String, _ text: String, _ tx: any TenantStore) async throws -> JSONValue? {
        let uuid = UUID(uuidString: text)
        let number = Int(text.trimmingCharacters(in: CharacterSet(charactersIn: "# ")))
        func encode<T: Encodable>(_ value: T?) -> JSONValue? { value.flatMap { try? JSONCoding.value($0) } }
        switch (type, uuid, number) {
        case ("customer", let id?, _): return encode(try await tx.customers.find(id))
        case ("product", let id?, _): return encode(try await tx.products.find(id))
        case ("user", let id?, _): return encode(try await tx.users.find(id).map { ["name": .string($0.name), "role": .string($0.role.rawValue)] as JSONValue })
        case ("order", let id?, _): return encode(try await tx.orders.find(id))
        case ("order", nil, let n?): return encode(try await tx.findNumbered(.order, number: n, as: Order.self))
        case ("invoice", let id?, _): return encode(try await tx.invoices.find(id))
        case ("invoice", nil, let n?): return encode(try await tx.findNumbered(.invoice, number: n, as: Invoice.self))
        case ("ticket", let id?, _): return encode(try await tx.tickets.find(id))
        case ("ticket", nil, let n?): return encode(try await tx.findNumbered(.ticket, number: n, as: Ticket.self))
        default: return nil
        }
    }

    /// The prompt section describing the page and the mentions (JSON kept short).
    var section: String {
        var lines: [String] = []
        if let page { lines.append("Current page: \(page)") }
        if let entity { lines.append("Record on screen: " + String(entity.encoded().prefix(2000))) }
        for mention in mentions { lines.append("Mentioned: " + String(mention.encoded().prefix(1500))) }
        return lines.joined(separator: "\n")
    }
}
