import CopilotoCore
import Foundation

/// Words for previews: resource labels and a record's display name.
enum PreviewText {
    static let labels: [String: LocalizedText] = [
        "customers": LocalizedText("cliente", "customer"), "products": LocalizedText("produto", "product"),
        "categories": LocalizedText("categoria", "category"), "discounts": LocalizedText("cupom", "discount"),
        "orders": LocalizedText("pedido", "order"), "invoices": LocalizedText("fatura", "invoice"),
        "agenda": LocalizedText("compromisso", "agenda entry"), "notes": LocalizedText("nota", "note"),
        "tickets": LocalizedText("chamado", "ticket"),
    ]

    static func label(_ resource: String, _ language: Language) -> String {
        labels[resource]?.text(language) ?? resource
    }

    /// "Maria Souza", "BEMVINDO10", "#1042"…
    static func display(_ json: JSONValue) -> String {
        for key in ["name", "title", "code", "subject"] { if case .string(let text)? = json[key] { return text } }
        if let number = json["number"]?.intValue { return "#\(number)" }
        if case .string(let text)? = json["text"] { return String(text.prefix(40)) }
        return json.string("id") ?? ""
    }

    static let irreversible = LocalizedText("Essa ação não pode ser desfeita.", "This cannot be undone.")

    /// The fields that differ between two JSON objects, limited to `fields`.
    static func changes(from old: JSONValue?, to new: JSONValue, fields: Set<String>) -> [ActionPreview.Change] {
        fields.sorted().compactMap { field in
            let before = old?[field], after = new[field]
            return before == after ? nil : ActionPreview.Change(field: field, before: before, after: after)
        }
    }

    /// "nome: Ana → Ana Paula; email: — → ana@x.com"
    static func describe(_ changes: [ActionPreview.Change]) -> String {
        changes.prefix(6).map { "\($0.field): \(short($0.before)) → \(short($0.after))" }.joined(separator: "; ")
    }

    private static func short(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: "—"
        case .string(let text)?: text.count > 40 ? String(text.prefix(40)) + "…" : text
        case let other?: other.encoded()
        }
    }
}
