import CopilotoCore
import Foundation

/// The page the user is on and the records they mention, expanded into data for the model (D3, D4).
/// Everything is read inside the user's tenant, so a mention of another tenant's id finds nothing.
struct PromptContext: Sendable {
    var enabled = true
    var page: String?
    var pattern: String?
    var params: JSONValue?
    var entity: JSONValue?
    /// What the page lets the user do (button labels or action names), so the model can refer to them.
    var pageActions: [String] = []
    var mentions: [JSONValue] = []

    static let fields: Set<String> = ["page", "pattern", "params", "entity", "actions"]
    static let mentionFields: Set<String> = ["type", "id", "label"]

    /// Reads `contextEnabled`, `context` and `mentions` from a message body; field errors when malformed.
    static func read(_ reader: inout FieldReader) -> (enabled: Bool, context: JSONValue?, mentions: [(type: String, id: String)]) {
        let enabled = reader.bool("contextEnabled") ?? true
        var context: JSONValue?
        if let raw = reader.raw("context", required: false) {
            var nested = FieldReader(raw, allowed: fields, prefix: "context.")
            _ = nested.string("page", max: 300)
            _ = nested.string("pattern", max: 300)
            _ = nested.raw("params", required: false)
            _ = nested.raw("entity", required: false)
            _ = nested.raw("actions", required: false)
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

    /// Loads the mentioned records (customer, order, invoice, ticket, product, user) of the tenant that the role may read.
    static func expand(_ mentions: [(type: String, id: String)], in tx: any TenantStore, allowed: (String) -> Bool) async throws -> [JSONValue] {
        var expanded: [JSONValue] = []
        for mention in mentions {
            let readable = MentionService.readPermission[mention.type].map(allowed) ?? (mention.type == "user")
            let data = readable ? try await record(mention.type, mention.id, tx) : nil
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

    /// Takes the page context of a message body (ignored when the user turned context off).
    mutating func apply(page raw: JSONValue?, enabled: Bool) {
        self.enabled = enabled
        guard enabled, let raw else { return }
        page = raw.string("page")
        pattern = raw.string("pattern")
        params = raw["params"].flatMap { $0.objectValue == nil ? nil : $0 }
        entity = raw["entity"].flatMap { $0 == .null ? nil : $0 }
        pageActions = (raw["actions"]?.arrayValue ?? []).compactMap { $0.stringValue ?? $0.string("label") ?? $0.string("name") }.prefix(30).map { $0 }
    }

    /// The context receipt stored with the answer: what the prompt received besides the conversation.
    var receipt: JSONValue {
        var entityRef: JSONValue = .null
        if let entity {
            let data = entity["data"].map { $0.encoded().count <= 4000 ? $0 : .string(String($0.encoded().prefix(4000))) } ?? .null
            entityRef = ["type": entity["type"] ?? .null, "id": entity["id"] ?? .null, "data": data]
        }
        return ["contextEnabled": .bool(enabled), "page": page.map(JSONValue.string) ?? .null, "pattern": pattern.map(JSONValue.string) ?? .null,
                "params": params ?? .null, "entity": entityRef, "pageActions": .array(pageActions.map(JSONValue.string)),
                "mentions": .array(mentions.map { ["type": $0["type"] ?? .null, "id": $0["id"] ?? .null, "found": .bool($0["data"]?.stringValue == nil)] })]
    }
}
